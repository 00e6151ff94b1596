using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>
/// Every positive case has tampered twins, each rejected with its own reason. The forged messages come from
/// <see cref="CoseForge"/>, written apart from the production signer; each forge is first shown to pass when
/// left untampered, so a rejection is due to the tampering and not to the forge.
/// </summary>
public sealed class TamperTests : IDisposable
{
    private readonly TestPki _p256 = TestPki.Create(ECCurve.NamedCurves.nistP256, withIntermediate: true);
    private readonly TestPki _p384 = TestPki.Create(ECCurve.NamedCurves.nistP384);
    private readonly SampleClaims _sample = new();

    public void Dispose() { _p256.Dispose(); _p384.Dispose(); _sample.Dispose(); }

    private byte[] Genuine(TestPki pki) => new AttestationSigner(pki.LeafKey, pki.Chain).Sign(_sample.Claims(), SampleClaims.Header());

    private VerificationResult Verify(byte[] message, TestPki pki) => AttestationVerifier.Verify(message, new VerificationOptions
    {
        TrustedRoots = [pki.Root], InputPath = _sample.InputPath, OutputPath = _sample.OutputPath,
    });

    private static void AssertRejected(VerificationResult result, FailureReason reason)
    {
        Assert.Equal(VerificationOutcome.Invalid, result.Outcome);
        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Has(reason), $"expected {reason}, got:\n{string.Join("\n", result.Failures)}");
    }

    private CoseForge StandardForge(TestPki pki, int alg) =>
        CoseForge.Standard(alg, pki.Chain, ClaimsEncoder.Encode(_sample.Claims()));

    [Fact]
    public void The_untampered_forge_is_valid_so_the_forged_twins_below_fail_for_their_tampering_only()
    {
        var result = Verify(StandardForge(_p256, -7).Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        Assert.True(result.Outcome == VerificationOutcome.Valid, string.Join("\n", result.Failures));
        result = Verify(StandardForge(_p384, -35).Sign(_p384.LeafKey, HashAlgorithmName.SHA384), _p384);
        Assert.True(result.Outcome == VerificationOutcome.Valid, string.Join("\n", result.Failures));
    }

    [Fact]
    public void A_flipped_payload_byte_breaks_the_signature()
    {
        byte[] message = Genuine(_p256);
        byte[] hash = _sample.Claims().ContributionHash;
        int at = message.AsSpan().IndexOf(hash) + 10;   // inside the contribution hash: still well-formed CBOR
        message[at] ^= 0x01;
        var result = Verify(message, _p256);
        AssertRejected(result, FailureReason.SignatureInvalid);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void A_flipped_signature_byte_breaks_the_signature()
    {
        byte[] message = Genuine(_p384);
        message[^5] ^= 0x80;
        var result = Verify(message, _p384);
        AssertRejected(result, FailureReason.SignatureInvalid);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void A_63_byte_signature_is_rejected_for_its_length()
    {
        var message = StandardForge(_p256, -7).Sign(_p256.LeafKey, HashAlgorithmName.SHA256, sig => sig[1..]);
        AssertRejected(Verify(message, _p256), FailureReason.SignatureLength);
    }

    [Fact]
    public void Alg_minus_7_with_a_P384_key_is_rejected_even_though_the_signature_verifies()
    {
        var message = StandardForge(_p384, -7).Sign(_p384.LeafKey, HashAlgorithmName.SHA256);
        var result = Verify(message, _p384);
        AssertRejected(result, FailureReason.AlgorithmCurveMismatch);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void Alg_minus_35_with_a_P256_key_is_rejected()
    {
        var message = StandardForge(_p256, -35).Sign(_p256.LeafKey, HashAlgorithmName.SHA384);
        AssertRejected(Verify(message, _p256), FailureReason.AlgorithmCurveMismatch);
    }

    [Fact]
    public void A_swapped_leaf_certificate_with_consistent_kid_and_x5t_fails_the_signature()
    {
        // Another key certified by the same CA replaces the leaf; the forger rewrites kid and x5t to match it,
        // but can only sign with the original key.
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherLeaf = TestPki.CreateLeaf("CN=someone else's token (TEST ONLY)", other, _p256.Intermediate!, _p256.IntermediateKey!, TestPki.NotAfter);
        var forge = CoseForge.Standard(-7, [otherLeaf, _p256.Intermediate!], ClaimsEncoder.Encode(_sample.Claims()));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.SignatureInvalid);
        Assert.Single(result.Failures);   // the chain itself is fine: it is the signature that does not belong
    }

    [Fact]
    public void A_leaf_swapped_in_the_bytes_of_a_genuine_message_is_rejected()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        X509Certificate2 otherLeaf;
        int attempts = 0;
        do   // the issuer's DER signature varies by a byte or two; retry until the splice has the same size
        {
            otherLeaf = TestPki.CreateLeaf("CN=Test token signing key (TEST ONLY), SERIALNUMBER=0002", other, _p256.Intermediate!, _p256.IntermediateKey!, TestPki.NotAfter);
        } while (otherLeaf.RawData.Length != _p256.Leaf.RawData.Length && ++attempts < 100);
        byte[] message = Genuine(_p256);
        Assert.Equal(_p256.Leaf.RawData.Length, otherLeaf.RawData.Length);
        int at = message.AsSpan().IndexOf(_p256.Leaf.RawData);
        otherLeaf.RawData.CopyTo(message, at);
        var result = Verify(message, _p256);
        AssertRejected(result, FailureReason.SignatureInvalid);
        Assert.True(result.Has(FailureReason.KidMismatch));
        Assert.True(result.Has(FailureReason.X5tMismatch));
    }

    [Fact]
    public void An_intermediate_ca_signing_as_the_leaf_is_rejected_though_its_chain_is_valid()
    {
        // The intermediate's key signs and its CA certificate heads x5chain: the chain to the root is fine,
        // the signature is fine, but a CA certificate is not a signing key's certificate.
        var forge = CoseForge.Standard(-7, [_p256.Intermediate!], ClaimsEncoder.Encode(_sample.Claims()));
        var result = Verify(forge.Sign(_p256.IntermediateKey!, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.LeafNotForSigning);
        Assert.Equal(2, result.Failures.Count);   // the CA flag and the key usage (keyCertSign, cRLSign)
        Assert.All(result.Failures, f => Assert.Equal(FailureReason.LeafNotForSigning, f.Reason));
    }

    [Fact]
    public void A_chain_to_another_root_is_untrusted()
    {
        using var other = TestPki.Create(ECCurve.NamedCurves.nistP256, name: "Other");
        var result = AttestationVerifier.Verify(Genuine(_p256), new VerificationOptions { TrustedRoots = [other.Root] });
        AssertRejected(result, FailureReason.ChainUntrusted);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void A_same_name_impostor_root_is_untrusted()
    {
        using var impostorKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var impostor = TestPki.CreateCa(_p256.Root.Subject, impostorKey, null, null, HashAlgorithmName.SHA384);
        var result = AttestationVerifier.Verify(Genuine(_p256), new VerificationOptions { TrustedRoots = [impostor] });
        AssertRejected(result, FailureReason.ChainUntrusted);
    }

    [Fact]
    public void A_leaf_that_had_expired_at_iat_is_untrusted_and_the_same_leaf_before_expiry_is_valid()
    {
        var expiry = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256, leafNotAfter: expiry);
        var signer = new AttestationSigner(pki.LeafKey, pki.Chain);
        var options = new VerificationOptions { TrustedRoots = [pki.Root] };

        var before = AttestationVerifier.Verify(signer.Sign(_sample.Claims(), SampleClaims.Header(expiry.AddDays(-1))), options);
        Assert.True(before.Outcome == VerificationOutcome.Valid, string.Join("\n", before.Failures));
        var after = AttestationVerifier.Verify(signer.Sign(_sample.Claims(), SampleClaims.Header(expiry.AddDays(1))), options);
        AssertRejected(after, FailureReason.ChainUntrusted);
        Assert.Contains("NotTimeValid", after.Failures.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_x5t_is_rejected()
    {
        var forge = StandardForge(_p256, -7);
        forge.Replace(34, CoseForge.Enc(w => { w.WriteStartArray(2); w.WriteInt32(-16); w.WriteByteString(SHA256.HashData(_p256.Intermediate!.RawData)); w.WriteEndArray(); }));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.X5tMismatch);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void A_wrong_kid_is_rejected()
    {
        var forge = StandardForge(_p256, -7);
        forge.Replace(4, CoseForge.Enc(w => w.WriteByteString(SHA256.HashData(_p256.Leaf.RawData))));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.KidMismatch);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void An_unknown_crit_label_is_rejected_and_a_crit_of_understood_labels_is_accepted()
    {
        var forge = StandardForge(_p256, -7);
        forge.Protected.Add((2, CoseForge.Enc(w => { w.WriteStartArray(1); w.WriteInt32(-70000); w.WriteEndArray(); })));
        forge.Protected.Add((-70000, CoseForge.Enc(w => w.WriteTextString("must be understood"))));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.CriticalHeaderNotUnderstood);
        Assert.Single(result.Failures);

        var understood = StandardForge(_p256, -7);
        understood.Protected.Add((2, CoseForge.Enc(w => { w.WriteStartArray(1); w.WriteInt32(34); w.WriteEndArray(); })));
        var ok = Verify(understood.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        Assert.True(ok.Outcome == VerificationOutcome.Valid, string.Join("\n", ok.Failures));
    }

    [Fact]
    public void An_output_file_whose_digest_differs_from_the_claim_is_rejected()
    {
        byte[] message = Genuine(_p256);
        var options = new VerificationOptions { TrustedRoots = [_p256.Root], InputPath = _sample.InputPath, OutputPath = _sample.InputPath };
        var result = AttestationVerifier.Verify(message, options);
        AssertRejected(result, FailureReason.OutputDigestMismatch);
        Assert.Equal(2, result.Failures.Count);   // SHA-256 and BLAKE2b-512 both differ
        Assert.All(result.Failures, f => Assert.Equal(FailureReason.OutputDigestMismatch, f.Reason));

        options = options with { InputPath = _sample.OutputPath, OutputPath = _sample.OutputPath };
        AssertRejected(AttestationVerifier.Verify(message, options), FailureReason.InputDigestMismatch);
    }

    [Fact]
    public void A_missing_input_file_is_unreadable()
    {
        var result = AttestationVerifier.Verify(Genuine(_p256), new VerificationOptions { InputPath = Path.Combine(_sample.Folder, "absent.ptau") });
        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.True(result.Has(FailureReason.FileUnreadable));
    }

    [Fact]
    public void A_trailing_byte_is_rejected()
    {
        byte[] message = [.. Genuine(_p256), 0x00];
        var result = Verify(message, _p256);
        AssertRejected(result, FailureReason.TrailingBytes);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void An_untagged_message_is_rejected()
    {
        var forge = StandardForge(_p256, -7);
        forge.Tagged = false;
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.NotTagged);
        Assert.Single(result.Failures);

        byte[] genuineUntagged = Genuine(_p256)[1..];   // drop the 0xD2 in front of a genuine message
        AssertRejected(Verify(genuineUntagged, _p256), FailureReason.NotTagged);
    }

    [Fact]
    public void A_repeated_protected_label_is_rejected()
    {
        var forge = StandardForge(_p256, -7);
        forge.Protected.Add((1, CoseForge.Enc(w => w.WriteInt32(-35))));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.DuplicateLabel);
        Assert.Contains(result.Failures, f => f.Detail.StartsWith("protected.1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_repeated_payload_key_is_rejected()
    {
        // The payload map with "pubkey" written twice: a reader that keeps the last one would see another key.
        byte[] payload = ClaimsEncoder.Encode(_sample.Claims());
        var r = new CborReader(payload);
        int n = r.ReadStartMap()!.Value;
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(n + 1);
        for (int i = 0; i < n; i++) { w.WriteEncodedValue(r.ReadEncodedValue().Span); w.WriteEncodedValue(r.ReadEncodedValue().Span); }
        w.WriteTextString("pubkey"); w.WriteByteString(new byte[32]);
        w.WriteEndMap();
        var forge = CoseForge.Standard(-7, _p256.Chain, w.Encode());
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.DuplicateLabel);
        Assert.Contains(result.Failures, f => f.Detail.StartsWith("payload.\"pubkey\"", StringComparison.Ordinal));
        Assert.True(result.Has(FailureReason.PayloadMalformed));
    }

    [Fact]
    public void A_label_in_both_buckets_and_an_unprotected_x5chain_are_rejected()
    {
        var forge = StandardForge(_p256, -7);
        forge.Unprotected.Add((4, CoseForge.Enc(w => w.WriteByteString(new byte[32]))));
        AssertRejected(Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256), FailureReason.LabelInBothBuckets);

        var moved = StandardForge(_p256, -7);
        var x5chain = moved.Protected.Single(e => e.Label == 33);
        moved.Protected.Remove(x5chain);
        moved.Unprotected.Add(x5chain);
        var result = Verify(moved.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.CertificateChainMalformed);
        Assert.True(result.Has(FailureReason.UnexpectedUnprotectedLabel));
    }

    [Fact]
    public void A_one_element_x5chain_array_is_rejected()
    {
        var forge = StandardForge(_p384, -35);
        forge.Replace(33, CoseForge.Enc(w => { w.WriteStartArray(1); w.WriteByteString(_p384.Leaf.RawData); w.WriteEndArray(); }));
        var result = Verify(forge.Sign(_p384.LeafKey, HashAlgorithmName.SHA384), _p384);
        AssertRejected(result, FailureReason.CertificateChainMalformed);
        Assert.Single(result.Failures);
    }

    [Fact]
    public void An_unprotected_alg_and_another_typ_are_rejected()
    {
        var forge = StandardForge(_p256, -7);
        var alg = forge.Protected[0];
        forge.Protected.RemoveAt(0);
        forge.Unprotected.Add(alg);
        forge.Replace(16, CoseForge.Enc(w => w.WriteTextString("application/cose; cose-type=\"cose-sign1\"")));
        var result = Verify(forge.Sign(_p256.LeafKey, HashAlgorithmName.SHA256), _p256);
        AssertRejected(result, FailureReason.AlgorithmMissing);
        Assert.True(result.Has(FailureReason.TypMismatch));
    }

    [Fact]
    public void A_yubikey_attestation_leaf_must_name_the_claimed_signer_serial()
    {
        using var yubikey = TestPki.Create(ECCurve.NamedCurves.nistP256, leafExtensions: [TestPki.YubicoSerial(12345678)]);
        var signer = new AttestationSigner(yubikey.LeafKey, yubikey.Chain);
        var options = new VerificationOptions { TrustedRoots = [yubikey.Root] };
        var claims = _sample.Claims() with { Signer = new TokenIdentity("12345678", "piv-apdu", OemId: 41482, HwModel: "YubiKey 5 NFC", Slot: "9c") };

        var honest = AttestationVerifier.Verify(signer.Sign(claims, SampleClaims.Header()), options);
        Assert.True(honest.Outcome == VerificationOutcome.Valid, string.Join("\n", honest.Failures));
        Assert.Contains(honest.Passed, p => p.Contains("Yubico serial", StringComparison.Ordinal));

        var lying = AttestationVerifier.Verify(signer.Sign(claims with { Signer = claims.Signer with { Serial = "87654321" } }, SampleClaims.Header()), options);
        AssertRejected(lying, FailureReason.SignerSerialMismatch);
        Assert.Single(lying.Failures);
    }

    [Fact]
    public void Another_expected_profile_is_a_mismatch()
    {
        var result = AttestationVerifier.Verify(Genuine(_p256), new VerificationOptions { ExpectedProfile = "tag:other.example,2026:x" });
        AssertRejected(result, FailureReason.TypMismatch);
        Assert.True(result.Has(FailureReason.ProfileMismatch));
    }
}
