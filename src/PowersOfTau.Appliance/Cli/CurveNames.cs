using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Appliance.Cli;

/// <summary>The curve argument of the verbs: bn128 | bn254, bls12381 | bls12-381 (ARCHITECTURE.md §3).</summary>
public static class CurveNames
{
    /// <summary>The curve named <paramref name="name"/>.</summary>
    /// <exception cref="UserFacingError">Any other name (exit 2).</exception>
    public static CurveDescriptor Parse(string name) =>
        CurveDescriptor.FromName(name) ?? throw new UserFacingError(ExitCodes.BadInput, $"unknown curve '{name}'; use bn128 (bn254) or bls12381 (bls12-381)");
}
