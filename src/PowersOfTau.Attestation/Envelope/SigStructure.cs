using System.Formats.Cbor;

namespace PowersOfTau.Attestation.Envelope;

/// <summary>The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4), built from the original protected bytes.</summary>
internal static class SigStructure
{
    /// <summary><c>["Signature1", protected, h'' (external_aad), payload]</c> encoded as CBOR.</summary>
    public static byte[] ForSign1(ReadOnlySpan<byte> protectedBytes, ReadOnlySpan<byte> payload)
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartArray(4);
        w.WriteTextString("Signature1");
        w.WriteByteString(protectedBytes);
        w.WriteByteString(ReadOnlySpan<byte>.Empty);
        w.WriteByteString(payload);
        w.WriteEndArray();
        return w.Encode();
    }
}
