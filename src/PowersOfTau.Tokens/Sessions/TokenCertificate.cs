using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Tokens.Sessions;

/// <summary>An X.509 certificate object (CKO_CERTIFICATE, CKC_X_509) read from a token.</summary>
/// <param name="Label">CKA_LABEL.</param>
/// <param name="Id">CKA_ID (binds it to the key pair with the same id).</param>
/// <param name="Certificate">The parsed CKA_VALUE; the caller disposes it.</param>
public sealed record TokenCertificate(string Label, byte[] Id, X509Certificate2 Certificate)
{
    /// <summary>CKA_ID as lowercase hex.</summary>
    public string IdHex => Convert.ToHexStringLower(Id);

    /// <inheritdoc/>
    public override string ToString() => $"certificate '{Label}' id {IdHex}: {Certificate.Subject} issued by {Certificate.Issuer}";
}
