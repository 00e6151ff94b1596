using System.Security.Cryptography;
using System.Text.Json;
using PowersOfTau.Attestation.Show;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>What `tau attest show` and `tau attest verify [--json]` print.</summary>
public sealed class RendererTests
{
    [Fact]
    public void Verification_json_carries_the_outcome_each_failure_and_the_decoded_claims()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var sample = new SampleClaims();
        byte[] message = new AttestationSigner(pki.LeafKey, pki.Chain).Sign(sample.Claims(), SampleClaims.Header());
        message[^1] ^= 1;
        var result = AttestationVerifier.Verify(message, new VerificationOptions { TrustedRoots = [pki.Root], OutputPath = sample.InputPath });

        using var json = JsonDocument.Parse(AttestationRenderer.ToJson(result));
        var root = json.RootElement;
        Assert.Equal("invalid", root.GetProperty("outcome").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(["SignatureInvalid", "OutputDigestMismatch", "OutputDigestMismatch"],
            root.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("reason").GetString()));
        var claims = root.GetProperty("attestation").GetProperty("claims");
        Assert.Equal(Convert.ToHexStringLower(sample.Claims().Output.Sha256), claims.GetProperty("output").GetProperty("sha-256").GetString());
        Assert.Equal("ptau", claims.GetProperty("ceremony").GetProperty("kind").GetString());
        Assert.Equal(1795521600, root.GetProperty("attestation").GetProperty("protected").GetProperty("cwtClaims").GetProperty("iat").GetInt64());

        string text = AttestationRenderer.ToText(result);
        Assert.StartsWith("INVALID\n  FAIL SignatureInvalid: ", text, StringComparison.Ordinal);
        Assert.Contains("ceremony.kind               ptau", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_renders_an_attestation_whose_payload_is_not_the_profile_and_says_why()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP384);
        var forge = CoseForge.Standard(-35, pki.Chain, [0xA1, 0x01, 0x02]);
        var decoded = AttestationReader.Read(forge.Sign(pki.LeafKey, HashAlgorithmName.SHA384));
        Assert.Null(decoded.Claims);
        Assert.Contains("claims                      (unreadable) payload: key 1 is not in profile v1", AttestationRenderer.ToText(decoded), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(AttestationRenderer.ToJson(decoded));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("claims").ValueKind);
        Assert.Equal("ES384", json.RootElement.GetProperty("protected").GetProperty("algName").GetString());
    }

    [Fact]
    public void An_unreadable_result_renders_without_an_attestation()
    {
        var result = AttestationVerifier.Verify(new byte[] { 0x42 }, new VerificationOptions());
        Assert.StartsWith("UNREADABLE\n  FAIL NotCoseSign1: ", AttestationRenderer.ToText(result), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(AttestationRenderer.ToJson(result));
        Assert.Equal(2, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("attestation").ValueKind);
    }
}
