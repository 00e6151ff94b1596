using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Tokens.Signing;
using PowersOfTau.Tokens.Testing;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Tests.Hardware;

/// <summary>The attestation builds COSE_Sign1 on any ECDsa; this checks the token-backed one fits .NET's CoseSigner.</summary>
[Collection(HardwareCollection.Name)]
public sealed class CoseSigningTests(HardwareTokens tokens)
{
    [Theory]
    [InlineData("softhsm", "object=ec256", "SHA256", -7)]
    [InlineData("softhsm", "object=ec384", "SHA384", -35)]
    [InlineData("tpm", "object=ec256", "SHA256", -7)]
    public void CoseSign1_made_with_the_token_key_verifies_with_the_certificate(string token, string path, string hash, int alg)
    {
        string uri = token == "tpm" ? tokens.TpmUri(path) : tokens.SoftHsmUri(path);
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(uri));
        byte[] payload = "{\"ceremony\":\"test\"}"u8.ToArray();
        byte[] message = CoseSign1Message.SignEmbedded(payload, new CoseSigner(key, new HashAlgorithmName(hash)));

        var decoded = CoseMessage.DecodeSign1(message);
        Assert.Equal(alg, decoded.ProtectedHeaders[CoseHeaderLabel.Algorithm].GetValueAsInt32());
        using var cert = key.FindCertificate()!.Certificate;
        using var publicKey = cert.GetECDsaPublicKey()!;
        Assert.True(decoded.VerifyEmbedded(publicKey));

        // Tampered twin: one payload byte changed (the signature is the last 2n bytes of the message).
        byte[] tampered = (byte[])message.Clone();
        int at = tampered.AsSpan().IndexOf("test"u8);
        tampered[at] ^= 1;
        Assert.False(CoseMessage.DecodeSign1(tampered).VerifyEmbedded(publicKey));
    }
}
