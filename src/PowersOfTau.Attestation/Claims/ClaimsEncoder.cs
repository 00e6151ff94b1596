using System.Formats.Cbor;
using System.Text;
using static PowersOfTau.Attestation.AttestationProfile;

namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// Writes <see cref="ContributionClaims"/> as the profile's payload in canonical CBOR (RFC 7049 §3.9:
/// shortest integers and lengths, definite lengths, map keys sorted length-first), so the same claims
/// always give the same bytes.
/// </summary>
public static class ClaimsEncoder
{
    /// <summary>Validates the claims (<see cref="ContributionClaims.Validate"/>) and encodes them.</summary>
    /// <exception cref="InvalidClaimsException">A claim breaks the profile.</exception>
    public static byte[] Encode(ContributionClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        claims.Validate();
        var w = new CborWriter(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: true);
        w.WriteStartMap(null);   // Canonical mode sorts the keys at WriteEndMap

        if (claims.Nonce is not null) { w.WriteInt32(EatClaim.Nonce); w.WriteByteString(claims.Nonce); }
        if (claims.Ueid is not null) { w.WriteInt32(EatClaim.Ueid); w.WriteByteString(claims.Ueid); }
        w.WriteInt32(EatClaim.Profile); w.WriteTextString(claims.Profile);
        w.WriteInt32(EatClaim.Submods);
        w.WriteStartMap(1);
        w.WriteTextString(TextClaim.Signer);
        WriteToken(w, claims.Signer);
        w.WriteEndMap();
        w.WriteInt32(EatClaim.SwName); w.WriteTextString(claims.Software.Name);
        w.WriteInt32(EatClaim.SwVersion);
        w.WriteStartArray(2); w.WriteTextString(claims.Software.Version); w.WriteInt32(SemVerScheme); w.WriteEndArray();

        w.WriteTextString(TextClaim.Ceremony); WriteCeremony(w, claims.Ceremony);
        w.WriteTextString(TextClaim.Input); WriteDigests(w, claims.Input);
        w.WriteTextString(TextClaim.Output); WriteDigests(w, claims.Output);
        w.WriteTextString(TextClaim.ContributionHash); w.WriteByteString(claims.ContributionHash);
        w.WriteTextString(TextClaim.PublicKey); w.WriteByteString(claims.PublicKey);
        w.WriteTextString(TextClaim.Entropy);
        w.WriteStartArray(claims.Entropy.Count);
        foreach (var e in claims.Entropy) WriteEntropy(w, e);
        w.WriteEndArray();
        w.WriteTextString(TextClaim.InsecureTestRandomness); w.WriteBoolean(claims.InsecureTestRandomness);

        w.WriteEndMap();
        return w.Encode();
    }

    private static void WriteCeremony(CborWriter w, CeremonyClaims c)
    {
        w.WriteStartMap(null);
        w.WriteTextString("id"); w.WriteTextString(c.Id);
        w.WriteTextString("kind"); w.WriteTextString(c.Kind.ToText());
        w.WriteTextString("curve"); w.WriteTextString(c.Curve);
        w.WriteTextString("index"); w.WriteUInt64(c.Index);
        if (c.Power is ulong p) { w.WriteTextString("power"); w.WriteUInt64(p); }
        if (c.R1cs is not null) { w.WriteTextString("r1cs"); WriteDigests(w, c.R1cs); }
        w.WriteEndMap();
    }

    /// <summary>Digests = [+ [alg, value]], SHA-256 first.</summary>
    internal static void WriteDigests(CborWriter w, DigestSet d)
    {
        w.WriteStartArray(d.Blake2b512 is null ? 1 : 2);
        w.WriteStartArray(2); w.WriteInt32(DigestAlgorithm.Sha256); w.WriteByteString(d.Sha256); w.WriteEndArray();
        if (d.Blake2b512 is not null)
        {
            w.WriteStartArray(2); w.WriteTextString(DigestAlgorithm.Blake2b512); w.WriteByteString(d.Blake2b512); w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static void WriteEntropy(CborWriter w, EntropySourceClaim e)
    {
        w.WriteStartMap(null);
        w.WriteTextString("kind"); w.WriteTextString(e.Kind);
        if (e.Device is not null) { w.WriteTextString("device"); w.WriteTextString(e.Device); }
        w.WriteTextString("bytes"); w.WriteUInt64(e.ByteCount);
        w.WriteTextString("hardware"); w.WriteBoolean(e.Hardware);
        w.WriteEndMap();
    }

    private static void WriteToken(CborWriter w, TokenIdentity t)
    {
        w.WriteStartMap(null);
        if (t.OemId is long oem) { w.WriteInt32(EatClaim.OemId); w.WriteInt64(oem); }
        if (t.HwModel is not null) { w.WriteInt32(EatClaim.HwModel); w.WriteByteString(Encoding.UTF8.GetBytes(t.HwModel)); }
        if (t.HwVersion is not null)
        {
            w.WriteInt32(EatClaim.HwVersion);
            w.WriteStartArray(1); w.WriteTextString(t.HwVersion); w.WriteEndArray();
        }
        w.WriteTextString("serial"); w.WriteTextString(t.Serial);
        if (t.Slot is not null) { w.WriteTextString("slot"); w.WriteTextString(t.Slot); }
        w.WriteTextString("interface"); w.WriteTextString(t.Interface);
        w.WriteEndMap();
    }
}
