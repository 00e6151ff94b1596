using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>Bad signer input gives an <see cref="AttestationSignerException"/> with a message saying what to fix.</summary>
public sealed class SignerInputTests
{
    [Fact]
    public void A_P521_key_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP521);
        var e = Assert.Throws<AttestationSignerException>(() => new AttestationSigner(pki.LeafKey, pki.Chain));
        Assert.Contains("only P-256 (ES256) or P-384 (ES384)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brainpool_key_of_256_bits_is_refused()
    {
        using (var key = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1))
        using (var pki = TestPki.Create(ECCurve.NamedCurves.nistP256))
        {
            using var leaf = TestPki.CreateLeaf("CN=brainpool (TEST ONLY)", key, pki.Root, pki.RootKey, TestPki.NotAfter);
            Assert.Throws<AttestationSignerException>(() => new AttestationSigner(key, [leaf]));
        }
    }

    [Fact]
    public void A_certificate_of_another_key_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var e = Assert.Throws<AttestationSignerException>(() => new AttestationSigner(other, pki.Chain));
        Assert.Contains("is not the signing key's", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_of_the_other_curve_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<AttestationSignerException>(() => new AttestationSigner(p384, pki.Chain));
    }

    [Fact]
    public void A_token_key_that_cannot_export_is_checked_by_signing_and_a_foreign_one_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP384);
        using var honest = new NonExportableECDsa(pki.LeafKey);
        byte[] message = new AttestationSigner(honest, pki.Chain).Sign(new SampleClaims().Claims(), SampleClaims.Header());
        Assert.Equal(VerificationOutcome.Valid, AttestationVerifier.Verify(message, new VerificationOptions { TrustedRoots = [pki.Root] }).Outcome);
        Assert.Equal(1, honest.SignCalls);

        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var foreign = new NonExportableECDsa(otherKey);
        var signer = new AttestationSigner(foreign, pki.Chain);   // nothing to compare before signing
        var e = Assert.Throws<AttestationSignerException>(() => signer.Sign(new SampleClaims().Claims(), SampleClaims.Header()));
        Assert.Contains("does not verify under the certificate's key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_that_returns_a_short_signature_is_caught_before_the_message_leaves_the_signer()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var shortSigner = new NonExportableECDsa(pki.LeafKey, sig => sig[1..]);
        var signer = new AttestationSigner(shortSigner, pki.Chain);
        Assert.Throws<AttestationSignerException>(() => signer.Sign(new SampleClaims().Claims(), SampleClaims.Header()));
    }

    [Fact]
    public void A_ca_certificate_as_the_signing_certificate_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256, withIntermediate: true);
        Assert.Contains("is a CA certificate",
            Assert.Throws<AttestationSignerException>(() => new AttestationSigner(pki.IntermediateKey!, [pki.Intermediate!])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_in_the_wrong_order_or_with_its_root_is_refused()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256, withIntermediate: true);
        Assert.Contains("order the chain leaf first",
            Assert.Throws<AttestationSignerException>(() => new AttestationSigner(pki.LeafKey, [pki.Leaf, pki.Root, pki.Intermediate!])).Message, StringComparison.Ordinal);
        Assert.Contains("leave the root out",
            Assert.Throws<AttestationSignerException>(() => new AttestationSigner(pki.LeafKey, [pki.Leaf, pki.Intermediate!, pki.Root])).Message, StringComparison.Ordinal);
        Assert.Throws<AttestationSignerException>(() => new AttestationSigner(pki.LeafKey, Array.Empty<X509Certificate2>()));
    }

    [Fact]
    public void Incomplete_claims_are_refused_with_the_claim_named()
    {
        using var pki = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var sample = new SampleClaims();
        var signer = new AttestationSigner(pki.LeafKey, pki.Chain);
        var cases = new (ContributionClaims Claims, string Named)[]
        {
            (sample.Claims() with { ContributionHash = new byte[32] }, "contribution-hash"),
            (sample.Claims() with { Entropy = [] }, "entropy"),
            (sample.Claims() with { Ceremony = sample.Claims().Ceremony with { Curve = "bn254" } }, "ceremony.curve"),
            (sample.Claims() with { Output = new DigestSet(new byte[31], null) }, "output"),
            (sample.Claims() with { Ueid = new byte[5] }, "ueid"),
            (sample.Claims(ContributionKind.Zkey), "ceremony.r1cs"),
            (sample.Claims() with { Ceremony = sample.Claims().Ceremony with { Power = null } }, "ceremony.power"),
        };
        foreach (var (claims, named) in cases)
            Assert.StartsWith(named, Assert.Throws<InvalidClaimsException>(() => signer.Sign(claims, SampleClaims.Header())).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidClaimsException>(() => signer.Sign(sample.Claims(), SampleClaims.Header() with { Issuer = "" }));
    }

    /// <summary>
    /// Stands in for a token-backed key (notes/attestation.md §2.2): only SignHash, VerifyHash and KeySize;
    /// ExportParameters throws as a token's private key would. Optionally mangles the signature.
    /// </summary>
    private sealed class NonExportableECDsa : ECDsa
    {
        private readonly ECDsa _inner;
        private readonly Func<byte[], byte[]>? _mangle;
        public int SignCalls { get; private set; }

        public NonExportableECDsa(ECDsa inner, Func<byte[], byte[]>? mangle = null)
        {
            _inner = inner;
            _mangle = mangle;
            KeySizeValue = inner.KeySize;
        }

        public override byte[] SignHash(byte[] hash)
        {
            SignCalls++;
            byte[] sig = _inner.SignHash(hash);
            return _mangle is null ? sig : _mangle(sig);
        }

        public override bool VerifyHash(byte[] hash, byte[] signature) => _inner.VerifyHash(hash, signature);

        public override ECParameters ExportParameters(bool includePrivateParameters) => throw new CryptographicException("the key is not exportable");
    }
}
