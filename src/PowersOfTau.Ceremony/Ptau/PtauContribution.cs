using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// One record of section 7 (spec/ptau.md §4). Points are raw LEM bytes; hashes are raw bytes. Checking the
/// points (on curve, in subgroup) and the hashes is verify's job, not the parser's.
/// </summary>
public sealed class PtauContribution
{
    /// <summary>Size of the partialHash field (the BLAKE2b state, spec/ptau.md §4).</summary>
    public const int PartialHashSize = 216;

    /// <summary>Size of the nextChallenge field (BLAKE2b-512).</summary>
    public const int HashSize = 64;

    /// <summary>τ_total·G1 after this contribution (2nd point of section 2).</summary>
    public required byte[] TauG1 { get; init; }
    /// <summary>τ_total·G2 (2nd point of section 3).</summary>
    public required byte[] TauG2 { get; init; }
    /// <summary>α_total·G1 (1st point of section 4).</summary>
    public required byte[] AlphaG1 { get; init; }
    /// <summary>β_total·G1 (1st point of section 5).</summary>
    public required byte[] BetaG1 { get; init; }
    /// <summary>β_total·G2 (section 6).</summary>
    public required byte[] BetaG2 { get; init; }
    /// <summary>The contributor's public key (proofs of knowledge).</summary>
    public required PtauPublicKey PublicKey { get; init; }
    /// <summary>The response hasher's state before the public key (216 bytes).</summary>
    public required byte[] PartialHash { get; init; }
    /// <summary>H(responseHash ‖ U(points)): the challenge for the next contributor (64 bytes).</summary>
    public required byte[] NextChallenge { get; init; }
    /// <summary>Normal or beacon.</summary>
    public required ContributionType Type { get; init; }
    /// <summary>Name, beacon parameters.</summary>
    public required ContributionParams Params { get; init; }

    /// <summary>Size of the record without its parameters: 1504 (bn128) / 2112 (bls12381) bytes.</summary>
    public static int FixedSize(CurveDescriptor curve) =>
        3 * curve.G1Size + 2 * curve.G2Size + PtauPublicKey.ByteSize(curve) + PartialHashSize + HashSize + 4 + 4;

    /// <summary>The import --nopoints marker: a nextChallenge of 64 × 0xFF (spec/ptau.md §9).</summary>
    public bool HasNoPointsMarker => NextChallenge.AsSpan().IndexOfAnyExcept((byte)0xFF) < 0;
}
