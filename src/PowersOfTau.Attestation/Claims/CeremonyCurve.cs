namespace PowersOfTau.Attestation.Claims;

/// <summary>The curve names the profile allows in <c>ceremony.curve</c>: snarkjs's names, as the CLI spells them.</summary>
public static class CeremonyCurve
{
    public const string Bn128 = "bn128";
    public const string Bls12381 = "bls12381";

    /// <summary>True for exactly "bn128" or "bls12381".</summary>
    public static bool IsKnown(string name) => name is Bn128 or Bls12381;
}
