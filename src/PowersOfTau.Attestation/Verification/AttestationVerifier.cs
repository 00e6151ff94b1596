using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Attestation.Envelope;
using PowersOfTau.Attestation.Show;
using PowersOfTau.Attestation.Signing;

namespace PowersOfTau.Attestation.Verification;

/// <summary>
/// Verifies a profile-v1 attestation by the procedure of notes/attestation.md §1.7, without trusting anything
/// in the message: tag 18 and no trailing bytes; no repeated labels; alg -7/-35 protected and pinned to the
/// leaf's curve (P-256/P-384); crit only with understood labels; typ and eat_profile name the expected profile;
/// x5chain protected (bstr or ≥2 bstr); the leaf an end-entity certificate allowed to sign; kid = SHA-256(leaf SPKI); x5t = [-16, SHA-256(leaf)]; the signature
/// exactly 2n bytes of r||s and valid over the Sig_structure built from the original protected bytes; the chain
/// to a pinned root at iat (offline, no AIA, revocation off); the claims well-formed and their input/output
/// digests equal to the files'. It names every failure it finds rather than stopping at the first.
/// </summary>
public static class AttestationVerifier
{
    /// <summary>Verifies the message file at <paramref name="path"/>; an unreadable file gives <see cref="VerificationOutcome.Unreadable"/>.</summary>
    public static VerificationResult VerifyFile(string path, VerificationOptions options)
    {
        byte[] message;
        try
        {
            message = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable(FailureReason.FileUnreadable, $"{path}: {e.Message}");
        }
        return Verify(message, options);
    }

    /// <summary>Verifies the message bytes against the options' roots and files.</summary>
    public static VerificationResult Verify(ReadOnlyMemory<byte> message, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DecodedAttestation decoded;
        CoseSign1Envelope envelope;
        List<VerificationFailure> failures;
        try
        {
            decoded = AttestationReader.ReadCore(message, out envelope, out failures);
        }
        catch (AttestationUnreadableException e)
        {
            return Unreadable(FailureReason.NotCoseSign1, e.Message);
        }
        var passed = new List<string>();
        var skipped = new List<string>();
        void Fail(FailureReason reason, string detail) => failures.Add(new VerificationFailure(reason, detail));

        // §1.7 step 3: typ and eat_profile.
        string expectedTyp = "application/eat+cwt; eat_profile=\"" + options.ExpectedProfile + "\"";
        if (decoded.Typ is not null && decoded.Typ != expectedTyp)
            Fail(FailureReason.TypMismatch, $"typ is \"{decoded.Typ}\", expected \"{expectedTyp}\"");
        if (decoded.Claims is not null && decoded.Claims.Profile != options.ExpectedProfile)
            Fail(FailureReason.ProfileMismatch, $"eat_profile is \"{decoded.Claims.Profile}\", expected \"{options.ExpectedProfile}\"");

        ProfileAlgorithm? algorithm = decoded.Algorithm is long a ? ProfileAlgorithm.FromCoseId(a) : null;
        if (decoded.Algorithm is long unsupported && algorithm is null)
            Fail(FailureReason.AlgorithmUnsupported, $"alg {unsupported} is not ES256 (-7) or ES384 (-35)");

        // Step 4: the leaf, its curve, kid and x5t.
        var leaf = decoded.Certificates.Count > 0 ? decoded.Certificates[0] : null;
        using var leafKey = leaf?.GetECDsaPublicKey();
        ProfileAlgorithm? leafAlgorithm = null;
        if (leaf is not null && leafKey is null)
            Fail(FailureReason.CertificateChainMalformed, $"the leaf certificate ({leaf.Subject}) does not hold an EC public key");
        if (leaf is not null && leafKey is not null)
        {
            var curve = leafKey.ExportParameters(false).Curve;
            leafAlgorithm = ProfileAlgorithm.FromCurve(curve);
            if (leafAlgorithm is null)
                Fail(FailureReason.AlgorithmCurveMismatch, $"the leaf key is on {ProfileAlgorithm.Describe(curve)}; the profile allows P-256 and P-384 only");
            else if (algorithm is not null && algorithm != leafAlgorithm)
                Fail(FailureReason.AlgorithmCurveMismatch, $"alg {algorithm.CoseId} ({algorithm.Name}) requires {algorithm.CurveName}, but the leaf key is {leafAlgorithm.CurveName}");

            foreach (string why in LeafCertificatePolicy.WhyNotForSigning(leaf)) Fail(FailureReason.LeafNotForSigning, why);

            byte[] spkiHash = SHA256.HashData(leaf.PublicKey.ExportSubjectPublicKeyInfo());
            if (decoded.Kid is not null)
            {
                if (decoded.Kid.AsSpan().SequenceEqual(spkiHash)) passed.Add("kid is SHA-256 of the leaf's SubjectPublicKeyInfo");
                else Fail(FailureReason.KidMismatch, $"kid {Convert.ToHexStringLower(decoded.Kid)} is not SHA-256 of the leaf's public key ({Convert.ToHexStringLower(spkiHash)})");
            }
            byte[] certHash = SHA256.HashData(leaf.RawData);
            if (decoded.X5tSha256 is not null)
            {
                if (decoded.X5tSha256.AsSpan().SequenceEqual(certHash)) passed.Add("x5t is SHA-256 of the leaf certificate");
                else Fail(FailureReason.X5tMismatch, $"x5t {Convert.ToHexStringLower(decoded.X5tSha256)} is not SHA-256 of the leaf certificate ({Convert.ToHexStringLower(certHash)})");
            }
        }

        // Step 5: the signature, over the Sig_structure of the original protected bytes.
        if (leafKey is not null && leafAlgorithm is not null && algorithm is not null && envelope.Payload is ReadOnlyMemory<byte> payload)
        {
            int expected = leafAlgorithm.SignatureLength;
            if (decoded.Signature.Length != expected)
                Fail(FailureReason.SignatureLength, $"the signature is {decoded.Signature.Length} bytes; {leafAlgorithm.CurveName} r||s is exactly {expected}");
            else
            {
                byte[] toBeSigned = SigStructure.ForSign1(envelope.ProtectedBytes.Span, payload.Span);
                if (leafKey.VerifyData(toBeSigned, decoded.Signature, algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                    passed.Add($"signature verifies under the leaf key ({algorithm.Name}, {leafAlgorithm.CurveName})");
                else
                    Fail(FailureReason.SignatureInvalid, $"the signature does not verify under the leaf certificate's key ({leaf!.Subject})");
            }
        }
        else
        {
            skipped.Add("signature: not checked, because the algorithm, the leaf key or the payload is unusable (see failures)");
        }

        // Step 6: the chain to a pinned root at iat.
        if (leaf is null) { }
        else if (options.TrustedRoots.Count == 0)
            skipped.Add("chain: no trusted root given, so the leaf certificate is not tied to any authority");
        else
            CheckChain(decoded, options.TrustedRoots, passed, skipped, Fail);

        // Step 6, vendor policy: a YubiKey slot attestation certificate names the token's serial.
        if (leaf is not null && decoded.Claims is not null)
            CheckYubicoSerial(leaf, decoded.Claims.Signer.Serial, passed, Fail);

        // Step 7: the claims against the files.
        bool unreadableFile = false;
        CheckFile("input", options.InputPath, decoded.Claims?.Input, FailureReason.InputDigestMismatch);
        CheckFile("output", options.OutputPath, decoded.Claims?.Output, FailureReason.OutputDigestMismatch);

        if (decoded.Claims is { InsecureTestRandomness: true })
        {
            const string why = "insecure-test-randomness is true: this contribution used a fixed test seed and protects nothing";
            if (options.AcceptInsecureTestRandomness) skipped.Add(why + " (accepted by the options)");
            else Fail(FailureReason.InsecureTestRandomness, why);
        }

        var outcome = unreadableFile ? VerificationOutcome.Unreadable
            : failures.Count > 0 ? VerificationOutcome.Invalid : VerificationOutcome.Valid;
        return new VerificationResult { Outcome = outcome, Failures = failures, Passed = passed, Skipped = skipped, Attestation = decoded };

        void CheckFile(string what, string? path, DigestSet? claimed, FailureReason mismatch)
        {
            if (path is null)
            {
                skipped.Add($"{what}: no file given, so its digests were not compared");
                return;
            }
            if (claimed is null)
            {
                skipped.Add($"{what}: the claims could not be read, so {path} was not compared");
                return;
            }
            DigestSet actual;
            try
            {
                actual = ContentDigester.ComputeFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadableFile = true;
                Fail(FailureReason.FileUnreadable, $"{what} file {path}: {e.Message}");
                return;
            }
            if (!actual.Sha256.AsSpan().SequenceEqual(claimed.Sha256))
                Fail(mismatch, $"{path}: SHA-256 is {Convert.ToHexStringLower(actual.Sha256)}, the {what} claim says {Convert.ToHexStringLower(claimed.Sha256)}");
            else
                passed.Add($"{what}: SHA-256 of {path} matches");
            if (claimed.Blake2b512 is null)
                skipped.Add($"{what}: the claim carries no BLAKE2b-512 digest");
            else if (actual.Blake2b512 is null)
                skipped.Add($"{what}: BLAKE2b-512 is not available in this build, so only SHA-256 was compared");
            else if (!actual.Blake2b512.AsSpan().SequenceEqual(claimed.Blake2b512))
                Fail(mismatch, $"{path}: BLAKE2b-512 is {Convert.ToHexStringLower(actual.Blake2b512)}, the {what} claim says {Convert.ToHexStringLower(claimed.Blake2b512)}");
            else
                passed.Add($"{what}: BLAKE2b-512 of {path} matches");
        }
    }

    /// <summary>
    /// Builds the path from the leaf through the message's other certificates (untrusted, extra store only) to
    /// one of the pinned roots, at iat, offline: CustomRootTrust, no downloads, no revocation (notes §2.4).
    /// </summary>
    private static void CheckChain(DecodedAttestation decoded, IReadOnlyList<X509Certificate2> roots,
        List<string> passed, List<string> skipped, Action<FailureReason, string> fail)
    {
        var leaf = decoded.Certificates[0];
        DateTimeOffset at = decoded.IssuedAt ?? DateTimeOffset.UtcNow;
        if (decoded.IssuedAt is null) skipped.Add("chain: iat is unreadable, so the chain was checked at the current time instead");
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots.ToArray());
        for (int i = 1; i < decoded.Certificates.Count; i++) chain.ChainPolicy.ExtraStore.Add(decoded.Certificates[i]);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        bool built = chain.Build(leaf);
        var anchor = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        bool pinned = anchor is not null && roots.Any(r => r.RawData.AsSpan().SequenceEqual(anchor.RawData));
        if (built && pinned)
        {
            passed.Add($"chain: {string.Join(" -> ", chain.ChainElements.Select(e => e.Certificate.Subject))} (pinned root) is valid at iat {at:yyyy-MM-ddTHH:mm:ssZ}");
            return;
        }
        var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList();
        if (statuses.Count == 0 && !pinned) statuses.Add("the chain does not end at a pinned root");
        fail(FailureReason.ChainUntrusted, $"the chain from {leaf.Subject} does not validate to a pinned root at iat {at:yyyy-MM-ddTHH:mm:ssZ}: {string.Join(", ", statuses)}");
    }

    /// <summary>Yubico's PIV attestation extension holding the device serial as a DER INTEGER (Yubico PIV attestation docs).</summary>
    internal const string YubicoSerialOid = "1.3.6.1.4.1.41482.3.7";

    /// <summary>When the leaf carries Yubico's serial extension, the signer claim must name the same serial (notes §1.7 step 6).</summary>
    private static void CheckYubicoSerial(X509Certificate2 leaf, string claimedSerial, List<string> passed, Action<FailureReason, string> fail)
    {
        var extension = leaf.Extensions[YubicoSerialOid];
        if (extension is null) return;
        string serial;
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(extension.RawData, System.Formats.Asn1.AsnEncodingRules.DER);
            serial = reader.ReadInteger().ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (reader.HasData) throw new System.Formats.Asn1.AsnContentException("data after the INTEGER");
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            fail(FailureReason.SignerSerialMismatch, $"the leaf's Yubico serial extension ({YubicoSerialOid}) is not a DER INTEGER");
            return;
        }
        if (serial == claimedSerial) passed.Add($"submods.signer.serial {serial} is the leaf's Yubico serial");
        else fail(FailureReason.SignerSerialMismatch, $"submods.signer.serial is \"{claimedSerial}\", the leaf's Yubico serial extension says {serial}");
    }

    private static VerificationResult Unreadable(FailureReason reason, string detail) => new()
    {
        Outcome = VerificationOutcome.Unreadable,
        Failures = [new VerificationFailure(reason, detail)],
    };
}
