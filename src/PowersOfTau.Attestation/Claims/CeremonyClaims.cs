namespace PowersOfTau.Attestation.Claims;

/// <summary>The payload's <c>ceremony</c> map: which ceremony, which operation, which position.</summary>
/// <param name="Id">The coordinator's ceremony id.</param>
/// <param name="Kind">The operation.</param>
/// <param name="Curve">"bn128" or "bls12381" (<see cref="CeremonyCurve"/>).</param>
/// <param name="Index">Position of this contribution in the transcript (snarkjs numbers them from 1).</param>
/// <param name="Power">The ptau power (2^power points), for phase-1 kinds.</param>
/// <param name="R1cs">Digests of the circuit's .r1cs, for a zkey contribution or zkey beacon.</param>
public sealed record CeremonyClaims(
    string Id,
    ContributionKind Kind,
    string Curve,
    ulong Index,
    ulong? Power = null,
    DigestSet? R1cs = null);
