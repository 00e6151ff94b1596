using System.Security.Cryptography;

namespace PowersOfTau.Attestation.Signing;

/// <summary>
/// The two algorithms of the profile, each pinned to one curve so ES256/ES384 mean what the fully-specified
/// ESP256/ESP384 (RFC 9864) mean: -7 only with P-256 and SHA-256, -35 only with P-384 and SHA-384.
/// </summary>
internal sealed record ProfileAlgorithm(int CoseId, string Name, string CurveName, string CurveOid, int KeyBits, HashAlgorithmName Hash)
{
    public static readonly ProfileAlgorithm ES256 = new(AttestationProfile.Algorithm.ES256, "ES256", "P-256", "1.2.840.10045.3.1.7", 256, HashAlgorithmName.SHA256);
    public static readonly ProfileAlgorithm ES384 = new(AttestationProfile.Algorithm.ES384, "ES384", "P-384", "1.3.132.0.34", 384, HashAlgorithmName.SHA384);

    /// <summary>r||s, each half left-padded to the curve size (RFC 9053 §2.1).</summary>
    public int SignatureLength => 2 * ((KeyBits + 7) / 8);

    public static ProfileAlgorithm? FromCoseId(long id) =>
        id == ES256.CoseId ? ES256 : id == ES384.CoseId ? ES384 : null;

    /// <summary>The algorithm for a named curve, or null for any other curve (P-521, brainpool, explicit curves…).</summary>
    public static ProfileAlgorithm? FromCurve(ECCurve curve)
    {
        if (!curve.IsNamed || curve.Oid is null) return null;
        string? value = curve.Oid.Value, name = curve.Oid.FriendlyName;
        if (value == ES256.CurveOid || name is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1") return ES256;
        if (value == ES384.CurveOid || name is "nistP384" or "ECDSA_P384" or "secp384r1") return ES384;
        return null;
    }

    /// <summary>A readable name for any curve, for messages.</summary>
    public static string Describe(ECCurve curve) =>
        curve.IsNamed ? curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "unnamed curve" : "an explicit curve";
}
