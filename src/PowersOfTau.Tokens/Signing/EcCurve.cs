using System.Formats.Asn1;
using System.Security.Cryptography;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Tokens.Signing;

/// <summary>The two curves a token signing key may use, identified by the OID in CKA_EC_PARAMS.</summary>
public sealed record EcCurve(string Name, string Oid, int FieldBytes, ECCurve Curve)
{
    /// <summary>NIST P-256 (secp256r1, prime256v1).</summary>
    public static EcCurve P256 { get; } = new("P-256", "1.2.840.10045.3.1.7", 32, ECCurve.NamedCurves.nistP256);
    /// <summary>NIST P-384 (secp384r1).</summary>
    public static EcCurve P384 { get; } = new("P-384", "1.3.132.0.34", 48, ECCurve.NamedCurves.nistP384);

    /// <summary>Key size in bits.</summary>
    public int KeySizeBits => FieldBytes * 8;

    /// <summary>
    /// Reads CKA_EC_PARAMS, which must be a DER namedCurve OID of P-256 or P-384 (explicit parameters are refused).
    /// </summary>
    /// <exception cref="TokenException">Another curve, or not a DER OID.</exception>
    public static EcCurve FromEcParams(byte[] ecParams, string what)
    {
        string oid;
        try { oid = AsnDecoder.ReadObjectIdentifier(ecParams, AsnEncodingRules.DER, out int used); if (used != ecParams.Length) throw new AsnContentException(); }
        catch (AsnContentException) { throw new TokenException($"{what}: CKA_EC_PARAMS is not a named-curve OID; only P-256 and P-384 keys are supported"); }
        return oid switch
        {
            "1.2.840.10045.3.1.7" => P256,
            "1.3.132.0.34" => P384,
            _ => throw new TokenException($"{what}: the key is on curve {oid}; only P-256 (1.2.840.10045.3.1.7) and P-384 (1.3.132.0.34) are supported"),
        };
    }

    /// <summary>
    /// Reads CKA_EC_POINT: a DER OCTET STRING around the uncompressed point 04||X||Y (PKCS#11 v2.20+,
    /// tokens.md finding 4); a bare 04||X||Y, as some modules return, is accepted too.
    /// </summary>
    /// <exception cref="TokenException">Not an uncompressed point of this curve's size.</exception>
    public ECParameters PublicParameters(byte[] ecPoint, string what)
    {
        byte[] q = ecPoint;
        if (!(ecPoint.Length == 1 + 2 * FieldBytes && ecPoint[0] == 0x04))
        {
            try { q = AsnDecoder.ReadOctetString(ecPoint, AsnEncodingRules.DER, out int used); if (used != ecPoint.Length) throw new AsnContentException(); }
            catch (AsnContentException) { throw new TokenException($"{what}: CKA_EC_POINT is neither a DER OCTET STRING nor an uncompressed point"); }
        }
        if (q.Length != 1 + 2 * FieldBytes || q[0] != 0x04)
            throw new TokenException($"{what}: CKA_EC_POINT is not an uncompressed {Name} point ({q.Length} bytes, expected {1 + 2 * FieldBytes} starting with 04)");
        var p = new ECParameters { Curve = Curve, Q = new ECPoint { X = q[1..(1 + FieldBytes)], Y = q[(1 + FieldBytes)..] } };
        try { p.Validate(); }
        catch (CryptographicException) { throw new TokenException($"{what}: CKA_EC_POINT is not a valid {Name} public key"); }
        return p;
    }
}
