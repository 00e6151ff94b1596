using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Cbor;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Envelope;
using PowersOfTau.Attestation.Verification;
using static PowersOfTau.Attestation.AttestationProfile;

namespace PowersOfTau.Attestation.Show;

/// <summary>
/// Decodes an attestation for display, without judging it. It fails only when the bytes are not a
/// COSE_Sign1 at all; malformed fields come back as null. The verifier uses the same decoding and turns
/// each malformed or missing field into a <see cref="VerificationFailure"/>.
/// </summary>
public static class AttestationReader
{
    /// <exception cref="AttestationUnreadableException">Not a COSE_Sign1.</exception>
    public static DecodedAttestation Read(ReadOnlyMemory<byte> message) => ReadCore(message, out _, out _);

    /// <summary>Decodes a file; see <see cref="Read(ReadOnlyMemory{byte})"/>.</summary>
    public static DecodedAttestation ReadFile(string path) => Read(File.ReadAllBytes(path));

    /// <summary>The decoded form, the raw envelope, and every structural problem found on the way.</summary>
    internal static DecodedAttestation ReadCore(ReadOnlyMemory<byte> message, out CoseSign1Envelope envelope, out List<VerificationFailure> problems)
    {
        envelope = CoseSign1Envelope.Decode(message);
        var found = new List<VerificationFailure>();
        problems = found;
        var env = envelope;
        void Fail(FailureReason reason, string detail) => found.Add(new VerificationFailure(reason, detail));

        // §1.7 step 1: tag 18, nothing after the message, no repeated labels.
        if (env.Tag is null) Fail(FailureReason.NotTagged, "the message is not tagged 18 (COSE_Sign1)");
        else if (env.Tag != CoseSign1Tag) Fail(FailureReason.WrongTag, $"the message is tagged {env.Tag}, not 18 (COSE_Sign1)");
        if (env.TrailingBytes != 0) Fail(FailureReason.TrailingBytes, $"{env.TrailingBytes} byte(s) after the end of the message");
        foreach (var d in env.DuplicateKeys) Fail(FailureReason.DuplicateLabel, $"{d} appears more than once");

        // Step 2: buckets.
        foreach (var key in env.Unprotected.Keys.Distinct())
        {
            if (env.Protected.Contains(key)) Fail(FailureReason.LabelInBothBuckets, $"label {key} is in both the protected and the unprotected header");
            if (key != HeaderLabel.CounterTimestampToken && key != HeaderLabel.Receipts)
                Fail(FailureReason.UnexpectedUnprotectedLabel, $"label {key} is not allowed in the unprotected header (only 270 and 394)");
        }

        long? alg = null;
        string? algName = null;
        if (!env.Protected.TryGet(HeaderLabel.Alg, out var algEncoded))
            Fail(FailureReason.AlgorithmMissing, env.Unprotected.Contains(HeaderLabel.Alg) ? "alg (1) is in the unprotected header; it must be protected" : "alg (1) is missing from the protected header");
        else if (!Try(() => CborValue.Int(algEncoded), out alg))
            Fail(FailureReason.AlgorithmUnsupported, "alg (1) is not an integer");
        else
            algName = alg == Algorithm.ES256 ? "ES256" : alg == Algorithm.ES384 ? "ES384" : alg.ToString();

        var critical = new List<string>();
        if (env.Protected.TryGet(HeaderLabel.Crit, out var critEncoded))
        {
            if (!Try(() => CborValue.Array(critEncoded).Select(CborLabel.Read1).ToList(), out var critLabels) || critLabels!.Count == 0)
                Fail(FailureReason.CriticalHeaderNotUnderstood, "crit (2) must be a non-empty array of labels");
            else
            {
                critical.AddRange(critLabels.Select(l => l.ToString()));
                foreach (var l in critLabels)
                    if (!UnderstoodLabels.Contains(l) || !env.Protected.Contains(l))
                        Fail(FailureReason.CriticalHeaderNotUnderstood, $"crit lists label {l}, which this verifier does not understand or the protected header lacks");
            }
        }

        string? typ = null;
        if (!env.Protected.TryGet(HeaderLabel.Typ, out var typEncoded) || !Try(() => CborValue.Text(typEncoded), out typ))
            Fail(FailureReason.TypMismatch, "typ (16) is missing from the protected header or not text");

        byte[]? kid = null;
        if (!env.Protected.TryGet(HeaderLabel.Kid, out var kidEncoded) || !Try(() => CborValue.Bytes(kidEncoded), out kid))
            Fail(FailureReason.KidMismatch, "kid (4) is missing from the protected header or not a byte string");

        var certificates = ReadX5Chain(env, Fail);

        byte[]? x5t = null;
        if (env.Protected.TryGet(HeaderLabel.X5T, out var x5tEncoded))
        {
            if (!Try(() => CborValue.Array(x5tEncoded), out var x5tItems) || x5tItems!.Count != 2
                || !Try(() => CborValue.Int(x5tItems[0]), out var hashAlg) || hashAlg != DigestAlgorithm.Sha256
                || !Try(() => CborValue.Bytes(x5tItems[1]), out x5t))
                Fail(FailureReason.X5tMismatch, "x5t (34) must be [-16, SHA-256 of the leaf]");
        }

        string? iss = null, sub = null;
        DateTimeOffset? iat = null;
        byte[]? cti = null;
        if (!env.Protected.TryGet(HeaderLabel.CwtClaims, out var cwtEncoded) || !Try(() => CborMap.Decode(cwtEncoded), out var cwt))
            Fail(FailureReason.CwtClaimsMalformed, "the CWT claims (15) are missing from the protected header or not a map");
        else
        {
            if (!cwt!.TryGet(CwtClaim.Iss, out var v) || !Try(() => CborValue.Text(v), out iss))
                Fail(FailureReason.CwtClaimsMalformed, "CWT iss (1) is missing or not text");
            if (!cwt.TryGet(CwtClaim.Sub, out v) || !Try(() => CborValue.Text(v), out sub))
                Fail(FailureReason.CwtClaimsMalformed, "CWT sub (2) is missing or not text");
            if (!cwt.TryGet(CwtClaim.Iat, out v) || !Try(() => DateTimeOffset.FromUnixTimeSeconds(CborValue.Int(v)), out var t))
                Fail(FailureReason.CwtClaimsMalformed, "CWT iat (6) is missing or not a time in seconds");
            else iat = t;
            if (cwt.TryGet(CwtClaim.Cti, out v) && !Try(() => CborValue.Bytes(v), out cti))
                Fail(FailureReason.CwtClaimsMalformed, "CWT cti (7) is not a byte string");
        }

        ContributionClaims? claims = null;
        string? claimsError = null;
        if (env.Payload is not ReadOnlyMemory<byte> payload)
        {
            claimsError = "the payload is detached (nil)";
            Fail(FailureReason.PayloadDetached, "the payload is nil; the profile embeds the claims");
        }
        else
        {
            try { claims = ClaimsDecoder.Decode(payload); }
            catch (ClaimsFormatException e)
            {
                claimsError = e.Message;
                Fail(FailureReason.PayloadMalformed, e.Message);
            }
        }

        return new DecodedAttestation
        {
            MessageSha256 = SHA256.HashData(message.Span),
            Tag = env.Tag,
            Algorithm = alg,
            AlgorithmName = algName,
            Typ = typ,
            Kid = kid,
            Certificates = certificates,
            X5tSha256 = x5t,
            Issuer = iss,
            Subject = sub,
            IssuedAt = iat,
            Cti = cti,
            Critical = critical,
            UnprotectedLabels = env.Unprotected.Keys.Select(k => k.ToString()).ToList(),
            Claims = claims,
            ClaimsError = claimsError,
            Signature = env.Signature.ToArray(),
        };
    }

    /// <summary>Labels whose meaning this verifier enforces, so crit may list them.</summary>
    private static readonly HashSet<CborLabel> UnderstoodLabels =
        [HeaderLabel.Alg, HeaderLabel.Kid, HeaderLabel.CwtClaims, HeaderLabel.Typ, HeaderLabel.X5Chain, HeaderLabel.X5T];

    /// <summary>COSE_X509 = bstr / [2* bstr], in the protected bucket (RFC 9360 §2).</summary>
    private static List<X509Certificate2> ReadX5Chain(CoseSign1Envelope env, Action<FailureReason, string> fail)
    {
        var certificates = new List<X509Certificate2>();
        if (!env.Protected.TryGet(HeaderLabel.X5Chain, out var encoded))
        {
            fail(FailureReason.CertificateChainMalformed, env.Unprotected.Contains(HeaderLabel.X5Chain)
                ? "x5chain (33) is in the unprotected header; the profile requires it protected"
                : "x5chain (33) is missing from the protected header");
            return certificates;
        }
        List<ReadOnlyMemory<byte>> ders;
        try
        {
            if (CborValue.Peek(encoded) == CborReaderState.ByteString) ders = [CborValue.Bytes(encoded)];
            else
            {
                ders = CborValue.Array(encoded).Select(e => (ReadOnlyMemory<byte>)CborValue.Bytes(e)).ToList();
                if (ders.Count < 2)
                {
                    fail(FailureReason.CertificateChainMalformed, "x5chain (33) is an array of fewer than 2 certificates; one certificate must be a bare byte string");
                    if (ders.Count == 0) return certificates;
                }
            }
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException)
        {
            fail(FailureReason.CertificateChainMalformed, "x5chain (33) must be a byte string or an array of byte strings");
            return certificates;
        }
        for (int i = 0; i < ders.Count; i++)
        {
            try { certificates.Add(X509CertificateLoader.LoadCertificate(ders[i].Span)); }
            catch (CryptographicException)
            {
                fail(FailureReason.CertificateChainMalformed, $"x5chain[{i}] is not a DER X.509 certificate");
                return [];
            }
        }
        return certificates;
    }

    private static bool Try<T>(Func<T> read, out T? value)
    {
        try
        {
            value = read();
            return true;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or ArgumentOutOfRangeException)
        {
            value = default;
            return false;
        }
    }
}
