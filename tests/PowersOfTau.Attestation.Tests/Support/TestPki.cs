using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Attestation.Tests.Support;

/// <summary>
/// A throwaway test CA made with CertificateRequest (notes/attestation.md §2.5): root -> [intermediate ->] leaf,
/// with SKI/AKI so that `openssl verify -x509_strict` accepts it too. TEST KEYS ONLY.
/// </summary>
internal sealed class TestPki : IDisposable
{
    public required ECDsa RootKey { get; init; }
    public required X509Certificate2 Root { get; init; }
    public ECDsa? IntermediateKey { get; init; }
    public X509Certificate2? Intermediate { get; init; }
    public required ECDsa LeafKey { get; init; }
    public required X509Certificate2 Leaf { get; init; }

    /// <summary>The x5chain to sign with: leaf first, then the intermediate, no root.</summary>
    public X509Certificate2[] Chain => Intermediate is null ? [Leaf] : [Leaf, Intermediate];

    public static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NotAfter = new(2036, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <param name="leafCurve">The token key's curve.</param>
    /// <param name="withIntermediate">root -> intermediate -> leaf instead of root -> leaf.</param>
    /// <param name="leafNotAfter">The leaf's expiry (to make a leaf that had expired at iat).</param>
    /// <param name="name">Distinguishes several PKIs in one test (another root with another key).</param>
    /// <param name="leafExtensions">Extra leaf extensions (e.g. Yubico's serial).</param>
    public static TestPki Create(ECCurve leafCurve, bool withIntermediate = false, DateTimeOffset? leafNotAfter = null, string name = "Test",
        X509Extension[]? leafExtensions = null)
    {
        var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var root = CreateCa($"CN={name} Ceremony Root CA (TEST ONLY)", rootKey, null, null, HashAlgorithmName.SHA384);
        ECDsa issuerKey = rootKey;
        X509Certificate2 issuer = root;
        ECDsa? intermediateKey = null;
        X509Certificate2? intermediate = null;
        if (withIntermediate)
        {
            intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            intermediate = CreateCa($"CN={name} Token Intermediate CA (TEST ONLY)", intermediateKey, root, rootKey, HashAlgorithmName.SHA384);
            issuerKey = intermediateKey;
            issuer = intermediate;
        }
        var leafKey = ECDsa.Create(leafCurve);
        var leaf = CreateLeaf($"CN={name} token signing key (TEST ONLY), SERIALNUMBER=0001", leafKey, issuer, issuerKey, leafNotAfter ?? NotAfter, leafExtensions);
        return new TestPki { RootKey = rootKey, Root = root, IntermediateKey = intermediateKey, Intermediate = intermediate, LeafKey = leafKey, Leaf = leaf };
    }

    /// <summary>A CA certificate; self-signed when <paramref name="issuer"/> is null.</summary>
    public static X509Certificate2 CreateCa(string subject, ECDsa key, X509Certificate2? issuer, ECDsa? issuerKey, HashAlgorithmName hash)
    {
        var req = new CertificateRequest(subject, key, hash);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ski = new X509SubjectKeyIdentifierExtension(req.PublicKey, false);
        req.CertificateExtensions.Add(ski);
        if (issuer is null)
        {
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski));
            return req.CreateSelfSigned(NotBefore, NotAfter.AddYears(1));
        }
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = req.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey!), NotBefore, NotAfter.AddMonths(6), Serial());
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>An end-entity certificate for a public key (what a token gives: no private key needed).</summary>
    public static X509Certificate2 CreateLeaf(string subject, ECDsa publicKeyHolder, X509Certificate2 issuer, ECDsa issuerKey, DateTimeOffset notAfter,
        X509Extension[]? extra = null)
    {
        var req = new CertificateRequest(new X500DistinguishedName(subject), PublicKey.CreateFromSubjectPublicKeyInfo(publicKeyHolder.ExportSubjectPublicKeyInfo(), out _), HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        foreach (var e in extra ?? []) req.CertificateExtensions.Add(e);
        using var issued = req.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), NotBefore, notAfter, Serial());
        return X509CertificateLoader.LoadCertificate(issued.RawData);
    }

    /// <summary>Yubico's PIV attestation serial extension (1.3.6.1.4.1.41482.3.7, a DER INTEGER), as on a slot attestation certificate.</summary>
    public static X509Extension YubicoSerial(long serial)
    {
        var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        w.WriteInteger(serial);
        return new X509Extension("1.3.6.1.4.1.41482.3.7", w.Encode(), false);
    }

    public static string ToPem(X509Certificate2 cert) => cert.ExportCertificatePem() + "\n";

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12).Select((b, i) => i == 0 ? (byte)(b & 0x7F | 0x01) : b).ToArray();

    public void Dispose()
    {
        RootKey.Dispose(); Root.Dispose(); IntermediateKey?.Dispose(); Intermediate?.Dispose(); LeafKey.Dispose(); Leaf.Dispose();
    }
}
