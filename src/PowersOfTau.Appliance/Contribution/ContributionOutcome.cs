using PowersOfTau.Attestation.Claims;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// What a contributing operation reports back to the pipeline: public values only, for the attestation and the
/// lines printed to the user.
/// </summary>
/// <param name="ChallengeHash">The hash of the input the contribution answers (64 bytes).</param>
/// <param name="ContributionHash">snarkjs's contribution / response hash (64 bytes).</param>
/// <param name="PublicKey">The contribution public key, byte-exact as stored in the transcript.</param>
/// <param name="Curve">"bn128" or "bls12381".</param>
/// <param name="Power">The ptau power (phase-1 kinds), else null.</param>
/// <param name="Index">The contribution's position in the transcript (from 1).</param>
/// <param name="Kind">Which operation.</param>
/// <param name="OutputPath">The file written.</param>
/// <param name="PrintedHashes">The hash lines to show, titled as snarkjs titles them, in order.</param>
/// <param name="R1cs">The circuit's digests for a zkey contribution.</param>
public sealed record ContributionOutcome(
    byte[] ChallengeHash,
    byte[] ContributionHash,
    byte[] PublicKey,
    string Curve,
    int? Power,
    ulong Index,
    ContributionKind Kind,
    string OutputPath,
    IReadOnlyList<TitledHash> PrintedHashes,
    DigestSet? R1cs = null);

/// <summary>A hash with the title snarkjs prints above it.</summary>
public sealed record TitledHash(string Title, byte[] Hash);
