using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Attestation.Signing;

/// <summary>
/// What the signing key's certificate must allow: it is not a CA (basicConstraints cA false or absent) and, when it
/// has a key usage extension, that includes digitalSignature. Vendor attestation certificates (YubiKey PIV) carry no
/// key usage at all, which is accepted.
/// </summary>
internal static class LeafCertificatePolicy
{
    /// <summary>Each reason the certificate may not sign attestations; empty when it may.</summary>
    public static IEnumerable<string> WhyNotForSigning(X509Certificate2 leaf)
    {
        foreach (var extension in leaf.Extensions)
        {
            if (extension is X509BasicConstraintsExtension { CertificateAuthority: true })
                yield return $"the leaf certificate ({leaf.Subject}) is a CA certificate; the signing key needs an end-entity certificate";
            if (extension is X509KeyUsageExtension ku && (ku.KeyUsages & X509KeyUsageFlags.DigitalSignature) == 0)
                yield return $"the leaf certificate's key usage ({ku.KeyUsages}) does not include digitalSignature";
        }
    }
}
