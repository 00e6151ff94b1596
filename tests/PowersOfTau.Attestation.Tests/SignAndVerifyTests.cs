using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Show;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>Round trips with software keys and a test CA: sign, then verify with our verifier and with .NET's COSE library.</summary>
public sealed class SignAndVerifyTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "P-256", false }, { "P-256", true }, { "P-384", false }, { "P-384", true },
    };

    internal static ECCurve Curve(string name) => name == "P-256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signed_attestation_verifies_against_the_root_and_the_files(string curve, bool withIntermediate)
    {
        using var pki = TestPki.Create(Curve(curve), withIntermediate);
        using var sample = new SampleClaims();
        var signer = new AttestationSigner(pki.LeafKey, pki.Chain);
        byte[] message = signer.Sign(sample.Claims(), SampleClaims.Header());

        Assert.Equal(0xD2, message[0]);   // tag 18, then a 4-element array
        Assert.Equal(0x84, message[1]);
        var result = AttestationVerifier.Verify(message, new VerificationOptions
        {
            TrustedRoots = [pki.Root], InputPath = sample.InputPath, OutputPath = sample.OutputPath,
        });
        Assert.True(result.Outcome == VerificationOutcome.Valid, string.Join("\n", result.Failures));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Passed, p => p.StartsWith("signature verifies", StringComparison.Ordinal));
        Assert.Contains(result.Passed, p => p.StartsWith("chain:", StringComparison.Ordinal));
        Assert.Contains(result.Passed, p => p.StartsWith("output: SHA-256", StringComparison.Ordinal));
        Assert.Equal(curve == "P-256" ? -7 : -35, result.Attestation!.Algorithm);
        Assert.Equal(withIntermediate ? 2 : 1, result.Attestation.Certificates.Count);
        Assert.Equal(ClaimsEncoder.Encode(sample.Claims()), ClaimsEncoder.Encode(result.Attestation.Claims!));

        // .NET's own COSE decoder and verifier (a second implementation of the Sig_structure) accept it too.
        var net = CoseMessage.DecodeSign1(message);
        using var leafKey = pki.Leaf.GetECDsaPublicKey()!;
        Assert.True(net.VerifyEmbedded(leafKey));
    }

    [Fact]
    public void Protected_header_holds_exactly_the_profile_labels_with_alg_first_and_the_unprotected_header_is_empty()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256, withIntermediate: true);
        using var sample = new SampleClaims();
        byte[] message = new AttestationSigner(pki.LeafKey, pki.Chain).Sign(sample.Claims(), SampleClaims.Header() with { Cti = new byte[16] });
        var net = CoseMessage.DecodeSign1(message);
        var r = new CborReader(net.RawProtectedHeaders, CborConformanceMode.Lax);
        int n = r.ReadStartMap()!.Value;
        var labels = new List<long>();
        for (int i = 0; i < n; i++) { labels.Add(r.ReadInt64()); r.SkipValue(); }
        Assert.Equal(1, labels[0]);
        Assert.Equal([1, 4, 15, 16, 33, 34], labels.Order());
        Assert.Empty(net.UnprotectedHeaders);
        var decoded = AttestationReader.Read(message);
        Assert.Equal("mailto:alice@example.org", decoded.Issuer);
        Assert.Equal(SampleClaims.Header().IssuedAt, decoded.IssuedAt);
        Assert.Equal(new byte[16], decoded.Cti);
        Assert.Equal(SHA256.HashData(pki.Leaf.RawData), decoded.X5tSha256);
    }

    [Fact]
    public void Without_a_root_the_signature_is_checked_and_the_chain_is_reported_as_skipped()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var sample = new SampleClaims();
        byte[] message = new AttestationSigner(pki.LeafKey, pki.Chain).Sign(sample.Claims(), SampleClaims.Header());
        var result = AttestationVerifier.Verify(message, new VerificationOptions());
        Assert.Equal(VerificationOutcome.Valid, result.Outcome);
        Assert.Contains(result.Skipped, s => s.StartsWith("chain: no trusted root", StringComparison.Ordinal));
        Assert.Contains(result.Skipped, s => s.StartsWith("input: no file given", StringComparison.Ordinal));
    }

    [Fact]
    public void Insecure_test_randomness_round_trips_and_fails_unless_accepted()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var sample = new SampleClaims();
        var claims = sample.Claims() with { InsecureTestRandomness = true };
        byte[] message = new AttestationSigner(pki.LeafKey, pki.Chain).Sign(claims, SampleClaims.Header());
        var result = AttestationVerifier.Verify(message, new VerificationOptions { TrustedRoots = [pki.Root] });
        Assert.True(result.Attestation!.Claims!.InsecureTestRandomness);
        Assert.Equal(VerificationOutcome.Invalid, result.Outcome);
        Assert.Equal([FailureReason.InsecureTestRandomness], result.Failures.Select(f => f.Reason));

        var accepted = AttestationVerifier.Verify(message, new VerificationOptions { TrustedRoots = [pki.Root], AcceptInsecureTestRandomness = true });
        Assert.Equal(VerificationOutcome.Valid, accepted.Outcome);
        Assert.Contains(accepted.Skipped, s => s.StartsWith("insecure-test-randomness", StringComparison.Ordinal));
    }

    [Fact]
    public void Verifying_a_missing_message_file_is_unreadable_with_exit_code_2()
    {
        var result = AttestationVerifier.VerifyFile("/nonexistent/x.cose", new VerificationOptions());
        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.True(result.Has(FailureReason.FileUnreadable));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xD2, 0x83, 0x40, 0xA0, 0x40 })]
    [InlineData(new byte[] { 0x01 })]
    [InlineData(new byte[0])]
    public void Bytes_that_are_not_a_cose_sign1_are_unreadable(byte[] bytes)
    {
        var result = AttestationVerifier.Verify(bytes, new VerificationOptions());
        Assert.Equal(VerificationOutcome.Unreadable, result.Outcome);
        Assert.True(result.Has(FailureReason.NotCoseSign1), string.Join("\n", result.Failures));
    }
}
