using System.Formats.Cbor;
using PowersOfTau.Attestation.Cbor;

namespace PowersOfTau.Attestation.Envelope;

/// <summary>
/// A COSE_Sign1 read by hand (RFC 9052 §4.2), keeping what .NET's decoder hides or refuses: whether tag 18
/// was there, bytes after the message, repeated map keys (in either header bucket and the payload) and the
/// exact protected bytes. It checks only the shape: an optional tag, then
/// <c>[protected: bstr (an encoded map or empty), unprotected: map, payload: bstr / nil, signature: bstr]</c>.
/// The profile's rules are checked by <see cref="Verification.AttestationVerifier"/>.
/// </summary>
internal sealed class CoseSign1Envelope
{
    /// <summary>The CBOR tag in front of the array, or null when untagged.</summary>
    public ulong? Tag { get; private init; }

    /// <summary>How many bytes follow the message.</summary>
    public int TrailingBytes { get; private init; }

    /// <summary>The protected bucket exactly as signed.</summary>
    public ReadOnlyMemory<byte> ProtectedBytes { get; private init; }

    public required CborMap Protected { get; init; }

    public required CborMap Unprotected { get; init; }

    /// <summary>The embedded payload, or null when the message is detached (payload nil).</summary>
    public ReadOnlyMemory<byte>? Payload { get; private init; }

    public ReadOnlyMemory<byte> Signature { get; private init; }

    /// <summary>Repeated keys, as paths: "protected.1", "unprotected.33", "payload.ceremony.id".</summary>
    public IReadOnlyList<string> DuplicateKeys { get; private init; } = [];

    /// <exception cref="AttestationUnreadableException">Not a COSE_Sign1 shape.</exception>
    public static CoseSign1Envelope Decode(ReadOnlyMemory<byte> message)
    {
        try
        {
            return DecodeCore(message);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException
                                  && e is not AttestationUnreadableException)
        {
            throw new AttestationUnreadableException("not a COSE_Sign1 message: " + e.Message);
        }
    }

    private static CoseSign1Envelope DecodeCore(ReadOnlyMemory<byte> message)
    {
        if (message.Length == 0) throw new AttestationUnreadableException("not a COSE_Sign1 message: the file is empty");
        var r = new CborReader(message, CborConformanceMode.Lax, allowMultipleRootLevelValues: true);
        ulong? tag = null;
        if (r.PeekState() == CborReaderState.Tag) tag = (ulong)r.ReadTag();
        if (r.PeekState() != CborReaderState.StartArray)
            throw new AttestationUnreadableException($"not a COSE_Sign1 message: expected an array, found {r.PeekState()}");
        int? n = r.ReadStartArray();
        if (n != 4) throw new AttestationUnreadableException($"not a COSE_Sign1 message: the array has {(n is null ? "an indefinite number of" : n.ToString())} items, not 4");

        var protectedBytes = r.ReadByteString();
        var protectedMap = protectedBytes.Length == 0 ? CborMap.Decode(new byte[] { 0xA0 }) : CborMap.Decode(protectedBytes);
        var unprotectedEncoded = r.ReadEncodedValue();
        var unprotectedMap = CborMap.Decode(unprotectedEncoded);
        ReadOnlyMemory<byte>? payload = null;
        if (r.PeekState() == CborReaderState.Null) r.ReadNull();
        else payload = r.ReadByteString();
        var signature = r.ReadByteString();
        r.ReadEndArray();

        var duplicates = new List<string>();
        duplicates.AddRange(CborDuplicateKeyScanner.Find(protectedBytes.Length == 0 ? new byte[] { 0xA0 } : protectedBytes, "protected"));
        duplicates.AddRange(CborDuplicateKeyScanner.Find(unprotectedEncoded, "unprotected"));
        if (payload is ReadOnlyMemory<byte> p)
        {
            try { duplicates.AddRange(CborDuplicateKeyScanner.Find(p, "payload")); }
            catch (CborContentException) { /* a payload that is not CBOR is reported by the claims decoder */ }
        }

        return new CoseSign1Envelope
        {
            Tag = tag,
            TrailingBytes = r.BytesRemaining,
            ProtectedBytes = protectedBytes,
            Protected = protectedMap,
            Unprotected = unprotectedMap,
            Payload = payload,
            Signature = signature,
            DuplicateKeys = duplicates,
        };
    }
}
