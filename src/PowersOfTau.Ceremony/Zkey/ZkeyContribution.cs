using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// One record of zkey section 10 (spec/zkey.md §1): deltaAfter, the public key (g1_s, g1_sx, g2_spx) as raw LEM
/// points, the 64-byte transcript, the type and the parameters (same tags as .ptau).
/// </summary>
public sealed record ZkeyContribution
{
    /// <summary>[δ_total]G1 after this contribution, LEM.</summary>
    public required byte[] DeltaAfter { get; init; }
    /// <summary>g1_s, a point sampled from the contributor's RNG, LEM.</summary>
    public required byte[] G1S { get; init; }
    /// <summary>g1_sx = δ·g1_s, LEM.</summary>
    public required byte[] G1Sx { get; init; }
    /// <summary>g2_spx = δ·hashToG2(transcript), LEM.</summary>
    public required byte[] G2Spx { get; init; }
    /// <summary>BLAKE2b-512 of csHash, the previous contributions and U(g1_s) || U(g1_sx).</summary>
    public required byte[] Transcript { get; init; }
    /// <summary>Normal (0) or beacon (1).</summary>
    public required ContributionType Type { get; init; }
    /// <summary>Name, beacon hash and exponent.</summary>
    public required ContributionParams Params { get; init; }

    /// <summary>Size of the record without parameters: 3·G1 + G2 + 64 + 8 (392 bn128, 552 bls12381).</summary>
    public static int FixedSize(CurveDescriptor curve) => 3 * curve.G1Size + curve.G2Size + 64 + 8;

    /// <summary>Encoded size with parameters.</summary>
    public int EncodedSize => DeltaAfter.Length * 3 + G2Spx.Length + 64 + 8 + Params.EncodedLength;
}
