using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Contribution;

/// <summary>
/// The curve arithmetic of a phase-1 contribution (spec/ptau.md §6), behind one non-generic seam so that the
/// operations stay curve-agnostic. Secrets (τ, α, β) live only in the <see cref="SecretBuffer"/> the caller
/// passes (<see cref="SecretKeySize"/> bytes) and in wiped stack temporaries.
/// </summary>
internal interface IContributionEngine
{
    /// <summary>The curve.</summary>
    CurveDescriptor Curve { get; }

    /// <summary>Bytes of the secret key: τ, α, β as three scalar-field elements.</summary>
    int SecretKeySize { get; }

    /// <summary>
    /// snarkjs createPTauKey: draws τ, α, β (Fr.fromRng) into <paramref name="secretKey"/>, then for each the
    /// proof-of-knowledge points g1_s = G1.fromRng, g1_sx = k·g1_s, g2_sp = hashToG2(H(pers ‖ challenge ‖
    /// U(g1_s) ‖ U(g1_sx))), g2_spx = k·g2_sp. Returns the public key, LEM-encoded.
    /// </summary>
    PtauPublicKey DeriveKey(ref ChaChaRng rng, ReadOnlySpan<byte> challengeHash, SecretBuffer secretKey);

    /// <summary>
    /// Multiplies LEM points <paramref name="firstIndex"/>.. of point section <paramref name="sectionId"/> by
    /// their key factor (tauG1/tauG2: τ^i; alphaTauG1: α·τ^i; betaTauG1: β·τ^i; betaG2: β), constant time in the
    /// key, and writes the results LEM and compressed. Input points are fully checked (subgroup included).
    /// </summary>
    /// <exception cref="Crypto.Encoding.PointDecodingException">An input point is invalid (Index is relative to the span).</exception>
    void ApplyKey(int sectionId, SecretBuffer secretKey, ReadOnlySpan<byte> lemIn, long firstIndex, Span<byte> lemOut, Span<byte> compressedOut);
}
