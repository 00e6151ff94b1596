using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>`tau selfcheck`: the curve core's known answers on this machine, and headline timings, for both curves.</summary>
public static class SelfCheckSuite
{
    /// <summary>Runs every check and timing; <paramref name="budgetPerTiming"/> bounds each timing (a fraction of a second).</summary>
    public static SelfCheckReport Run(TimeSpan budgetPerTiming)
    {
        var checks = new List<CheckResult>();
        var timings = new List<TimingResult>();
        CurveSelfCheck<Fp254, Bn254Tower, Bn254G1, Bn254G2>.Run("bn128", Bn254G1.Order, KnownAnswers.Bn128G1, KnownAnswers.Bn128G2,
            (p, q) => Bn254Pairing.Pair(p, q), budgetPerTiming, checks, timings);
        CurveSelfCheck<Fp381, Bls12381Tower, Bls12381G1, Bls12381G2>.Run("bls12381", Bls12381G1.Order, KnownAnswers.Bls12381G1, KnownAnswers.Bls12381G2,
            (p, q) => Bls12381Pairing.Pair(p, q), budgetPerTiming, checks, timings);
        return new SelfCheckReport(checks, timings);
    }
}
