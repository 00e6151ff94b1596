using System.Globalization;
using System.Numerics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>
/// The checks and timings of one pairing-friendly curve: scalar multiplication known answers and subgroup checks in
/// G1 and G2, pairing bilinearity and non-degeneracy with fixed scalars, and the timings of Fp mul, G1/G2
/// constant-time scalar multiplication and one pairing.
/// </summary>
public static class CurveSelfCheck<TFp, TTower, TG1, TG2>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
    where TG1 : ICurve<TFp, TG1>
    where TG2 : ICurve<Fp2<TFp>, TG2>
{
    // Fixed public scalars for the bilinearity check: e(a·G1, b·G2) = e(ab·G1, G2) = e(G1, ab·G2).
    private static readonly BigInteger A = BigInteger.Parse("123456789012345678901234567890123456789", CultureInfo.InvariantCulture);
    private static readonly BigInteger B = BigInteger.Parse("987654321098765432109876543210987654321", CultureInfo.InvariantCulture);

    /// <summary>Runs everything for the curve named <paramref name="curve"/> with group order <paramref name="orderHex"/>.</summary>
    public static void Run(string curve, string orderHex, GroupVector g1, GroupVector g2,
        Func<PairingG1Input<TFp>, PairingG2Input<TFp>, Fp12<TFp, TTower>> pair, TimeSpan budget,
        List<CheckResult> checks, List<TimingResult> timings)
    {
        checks.Add(new(curve, "G1 constant-time k·G equals the ffjavascript vector", GroupChecks<TFp, TG1>.ScalarMultiplicationMatches(g1)));
        checks.Add(new(curve, "G2 constant-time k·G equals the ffjavascript vector", GroupChecks<Fp2<TFp>, TG2>.ScalarMultiplicationMatches(g2)));
        if (g1.OffSubgroupUncompressedHex is not null)
            checks.Add(new(curve, "G1 decoder rejects a point outside the subgroup", GroupChecks<TFp, TG1>.SubgroupCheckHolds(g1)));
        checks.Add(new(curve, "G2 decoder rejects a point outside the subgroup", GroupChecks<Fp2<TFp>, TG2>.SubgroupCheckHolds(g2)));

        BigInteger r = BigInteger.Parse("0" + orderHex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        BigInteger ab = A * B % r;
        var lhs = Pair(pair, GroupChecks<TFp, TG1>.Multiple(A), GroupChecks<Fp2<TFp>, TG2>.Multiple(B));
        var viaG1 = Pair(pair, GroupChecks<TFp, TG1>.Multiple(ab), TG2.Generator);
        var viaG2 = Pair(pair, TG1.Generator, GroupChecks<Fp2<TFp>, TG2>.Multiple(ab));
        var offByOne = Pair(pair, GroupChecks<TFp, TG1>.Multiple((ab + 1) % r), TG2.Generator);
        var generators = Pair(pair, TG1.Generator, TG2.Generator);
        checks.Add(new(curve, "pairing is bilinear: e(aP, bQ) = e(abP, Q) = e(P, abQ)", lhs.Equals(viaG1) && lhs.Equals(viaG2)));
        checks.Add(new(curve, "pairing tells ab from ab+1", !lhs.Equals(offByOne)));
        checks.Add(new(curve, "pairing is non-degenerate: e(G1, G2) ≠ 1", !generators.Equals(Fp12<TFp, TTower>.One)));

        TFp x = TFp.One + TFp.One + TFp.One, y = x + TFp.One;
        timings.Add(new("Fp mul", curve, Timing.NanosecondsPerOperation(budget, () =>
        {
            TFp t = x; // a local, so the loop is register work and not a closure field
            for (int i = 0; i < 1000; i++) TFp.Mul(t, y, out t);
            x = t;
        }, operationsPerCall: 1000)));
        timings.Add(new("G1 scalar mult (constant time)", curve, GroupChecks<TFp, TG1>.TimeScalarMultiplication(g1, budget)));
        timings.Add(new("G2 scalar mult (constant time)", curve, GroupChecks<Fp2<TFp>, TG2>.TimeScalarMultiplication(g2, budget)));
        var p = new PairingG1Input<TFp>(TG1.Generator.X, TG1.Generator.Y);
        var q = new PairingG2Input<TFp>(TG2.Generator.X, TG2.Generator.Y);
        timings.Add(new("pairing", curve, Timing.NanosecondsPerOperation(budget, () => pair(p, q))));
    }

    private static Fp12<TFp, TTower> Pair(Func<PairingG1Input<TFp>, PairingG2Input<TFp>, Fp12<TFp, TTower>> pair,
        in AffinePoint<TFp, TG1> p, in AffinePoint<Fp2<TFp>, TG2> q) =>
        pair(new PairingG1Input<TFp>(p.X, p.Y), new PairingG2Input<TFp>(q.X, q.Y));
}
