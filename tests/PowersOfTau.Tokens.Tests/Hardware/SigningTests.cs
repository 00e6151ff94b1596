using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Signing;
using PowersOfTau.Tokens.Testing;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Tests.Hardware;

[Collection(HardwareCollection.Name)]
public sealed class SigningTests(HardwareTokens tokens)
{
    public static TheoryData<string, string, int> Keys => new()
    {
        { "softhsm", "object=ec256", 256 },
        { "softhsm", "object=ec384", 384 },
        { "softhsm", "id=%02", 384 },
        { "tpm", "object=ec256", 256 },
    };

    private string Uri(string token, string path) => token == "tpm" ? tokens.TpmUri(path) : tokens.SoftHsmUri(path);

    private string CertificatePem(string token, int bits) => tokens.Environment[$"TAU_TEST_CERT_{token.ToUpperInvariant()}_EC{bits}"];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Token_signature_verifies_with_software_ecdsa_and_the_openssl_certificate(string token, string path, int bits)
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(Uri(token, path)));
        Assert.Equal(bits, key.KeySize);
        byte[] message = "contribution attestation"u8.ToArray();
        byte[] digest = bits == 256 ? SHA256.HashData(message) : SHA384.HashData(message);
        byte[] signature = key.SignHash(digest);
        Assert.Equal(bits / 4, signature.Length);

        // Independent check 1: .NET's software ECDsa with the exported public key.
        using var software = ECDsa.Create(key.ExportParameters(false));
        Assert.True(software.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        // Independent check 2: the public key in the certificate openssl minted (hsm/ca/mint.sh).
        using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(CertificatePem(token, bits)));
        using var fromCert = cert.GetECDsaPublicKey()!;
        Assert.True(fromCert.VerifyHash(digest, signature));
        // Tampered twins: another digest, a flipped signature bit.
        byte[] other = (byte[])digest.Clone(); other[0] ^= 1;
        Assert.False(fromCert.VerifyHash(other, signature));
        byte[] flipped = (byte[])signature.Clone(); flipped[^1] ^= 1;
        Assert.False(fromCert.VerifyHash(digest, flipped));
        Assert.True(key.VerifyHash(digest, signature));
        Assert.False(key.VerifyHash(other, signature));
    }

    [Fact]
    public void Generic_SignData_goes_through_the_token()
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri("object=ec384")));
        byte[] data = "hello"u8.ToArray();
        byte[] sig = key.SignData(data, HashAlgorithmName.SHA384);
        using var software = ECDsa.Create(key.ExportParameters(false));
        Assert.True(software.VerifyData(data, sig, HashAlgorithmName.SHA384));
    }

    [Fact]
    public void A_sha384_digest_on_a_p256_key_is_truncated_like_ecdsa_does()
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri("object=ec256")));
        byte[] digest = SHA384.HashData("x"u8);
        byte[] sig = key.SignHash(digest);
        Assert.Equal(64, sig.Length);
        using var software = ECDsa.Create(key.ExportParameters(false));
        Assert.True(software.VerifyHash(digest, sig)); // .NET truncates the same way
    }

    [Fact]
    public void The_private_key_cannot_be_exported_or_replaced()
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri("object=ec256")));
        Assert.Throws<CryptographicException>(() => key.ExportParameters(true));
        Assert.Throws<NotSupportedException>(() => key.ImportParameters(key.ExportParameters(false)));
        Assert.Throws<NotSupportedException>(() => key.GenerateKey(ECCurve.NamedCurves.nistP256));
    }

    [Fact]
    public void No_matching_key_lists_the_keys_present()
    {
        var e = Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri("object=nope"))));
        Assert.Contains("no private key matches object='nope'", e.Message);
        Assert.Contains("'ec256' (id 01)", e.Message);
        Assert.Contains("'ec384' (id 02)", e.Message);
    }

    [Fact]
    public void Several_matching_keys_is_an_error()
    {
        var e = Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SecondUri("object=dup"))));
        Assert.Contains("2 private keys match object='dup'", e.Message);
        using var one = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SecondUri("object=dup;id=%0b")));
        Assert.Equal(new byte[] { 0x0b }, one.KeyId);
    }

    [Fact]
    public void An_rsa_key_is_refused()
    {
        var e = Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SecondUri("object=rsa"))));
        Assert.Contains("is not an EC key (CKA_KEY_TYPE CKK_RSA)", e.Message);
    }

    [Fact]
    public void A_uri_without_object_or_id_or_with_a_public_type_is_refused()
    {
        Assert.Contains("names no key", Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri()))).Message);
        Assert.Contains("must name a private key", Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri("object=ec256;type=public")))).Message);
    }

    [Fact]
    public void Signing_without_a_pin_says_to_add_one()
    {
        var e = Assert.Throws<TokenException>(() => Pkcs11ECDsa.Open(Pkcs11Uri.Parse($"pkcs11:token={tokens.TpmToken};object=ec256?module-path={tokens.TpmModule}")));
        Assert.Contains("add pin-source=", e.Message);
    }

    [Theory]
    [InlineData("softhsm", "object=ec256", "cert-ec256")]
    [InlineData("softhsm", "object=ec384", "cert-ec384")]
    [InlineData("tpm", "object=ec256", "cert-ec256")]
    public void The_token_certificate_matches_the_token_key_and_chains_to_the_test_root(string token, string path, string label)
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(Uri(token, path)));
        var found = key.FindCertificate();
        Assert.NotNull(found);
        using var cert = found.Certificate;
        Assert.Equal(label, found.Label);
        Assert.Equal(key.KeyId, found.Id);
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), cert.PublicKey.ExportSubjectPublicKeyInfo());
        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(tokens.RootCaPem));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(cert));
    }

    [Fact]
    public void A_certificate_with_the_key_id_but_another_public_key_is_reported()
    {
        using var key = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(tokens.SecondUri("id=%0a")));
        var e = Assert.Throws<TokenException>(() => key.FindCertificate());
        Assert.Contains("certificate 'cert-mismatch' (id 0a) holds a different public key than key 'dup'", e.Message);
    }

    [Fact]
    public void Certificates_are_read_with_their_labels_and_ids()
    {
        using var s = Sessions.TokenSession.Open(Pkcs11Uri.Parse($"pkcs11:token={tokens.SoftHsmToken}?module-path={tokens.SoftHsmModule}"));
        var certs = s.ReadCertificates();
        try
        {
            Assert.Equal(["cert-ec256", "cert-ec384"], certs.Select(c => c.Label).Order());
            Assert.All(certs, c => Assert.Contains("CN=PowersOfTau ceremony TEST root CA", c.Certificate.Issuer));
            Assert.Single(s.ReadCertificates(Pkcs11Uri.Parse("pkcs11:id=%02"))).Certificate.Dispose();
            Assert.Empty(s.ReadCertificates(Pkcs11Uri.Parse("pkcs11:object=cert-ec256;type=private")));
        }
        finally
        {
            foreach (var c in certs) c.Certificate.Dispose();
        }
    }
}
