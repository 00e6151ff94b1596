using System.Numerics;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Crypto.Tests.Pairing;

/// <summary>
/// The optimal ate pairing of one curve against ffjavascript 0.3.1 / @noble/curves 1.9.7 values
/// (tests/oracle/vectors/pairing.json; the points a·G1, b·G2, −ab·G1 were computed by the oracle):
/// known answers, bilinearity, non-degeneracy, the order of GT, infinity, and the multi-pairing check,
/// each with a tampered twin that must fail.
/// </summary>
public abstract class PairingTests<TFp, TTower, TCurve>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
    where TCurve : IPairingCurve<TFp, TTower>
{
    protected abstract string CurveName { get; }

    private JsonElement V => PairingVectors.Curve(CurveName);

    private PairingG1Input<TFp> G1 => PairingVectors.G1<TFp>(V.GetProperty("g1"));

    private PairingG2Input<TFp> G2 => PairingVectors.G2<TFp>(V.GetProperty("g2"));

    private BigInteger R => PairingVectors.Integer(V.GetProperty("r"));

    private static Fp12<TFp, TTower> Pair(in PairingG1Input<TFp> p, in PairingG2Input<TFp> q) =>
        OptimalAtePairing<TFp, TTower, TCurve>.Pair(p, q);

    private static Fp12<TFp, TTower> Pow(in Fp12<TFp, TTower> a, BigInteger e)
    {
        Fp12<TFp, TTower>.PowVartime(a, e, out var r);
        return r;
    }

    private static PairingG1Input<TFp> Negate(in PairingG1Input<TFp> p)
    {
        TFp.Neg(p.Y, out var y);
        return new(p.X, y);
    }

    [Fact]
    public void Pairing_of_the_generators_matches_the_oracle()
    {
        var expected = PairingVectors.Fp12<TFp, TTower>(V.GetProperty("pairing_g1_g2"));
        var e = Pair(G1, G2);
        Assert.Equal(expected, e);
        var g1 = G1;
        var g2 = G2;
        Assert.Equal(expected, OptimalAtePairing<TFp, TTower, TCurve>.Pair(g1.X, g1.Y, g2.X, g2.Y));

        // Twin: e(−P, Q) is the conjugate (inverse), not the same value.
        var eNeg = Pair(Negate(G1), G2);
        Assert.NotEqual(expected, eNeg);
        Fp12<TFp, TTower>.Conjugate(expected, out var conj);
        Assert.Equal(conj, eNeg);
    }

    [Fact]
    public void Pairing_is_bilinear_on_oracle_multiples()
    {
        var e = Pair(G1, G2);
        foreach (var v in V.GetProperty("bilinear").EnumerateArray())
        {
            var a = PairingVectors.Integer(v.GetProperty("a"));
            var b = PairingVectors.Integer(v.GetProperty("b"));
            var aP = PairingVectors.G1<TFp>(v.GetProperty("aP"));
            var bQ = PairingVectors.G2<TFp>(v.GetProperty("bQ"));
            var aQ = PairingVectors.G2<TFp>(v.GetProperty("aQ"));
            var eab = Pair(aP, bQ);
            Assert.Equal(PairingVectors.Fp12<TFp, TTower>(v.GetProperty("pairing_aP_bQ")), eab);
            var ab = a * b % R;
            Assert.Equal(Pow(e, ab), eab);
            Assert.NotEqual(Pow(e, ab + 1), eab);             // twin: a wrong exponent does not match
            Assert.Equal(Pair(aP, G2), Pair(G1, aQ));           // e(aP, Q) = e(P, aQ)
            Assert.NotEqual(Pair(aP, G2), Pair(G1, bQ));        // twin: different scalars
        }
    }

    [Fact]
    public void Pairing_is_non_degenerate_and_has_order_r()
    {
        var e = Pair(G1, G2);
        Assert.NotEqual(Fp12<TFp, TTower>.One, e);
        Assert.Equal(Fp12<TFp, TTower>.One, Pow(e, R));
        Assert.NotEqual(Fp12<TFp, TTower>.One, Pow(e, R - 1));
    }

    [Fact]
    public void A_point_at_infinity_contributes_one()
    {
        Assert.Equal(Fp12<TFp, TTower>.One, Pair(PairingG1Input<TFp>.Infinity, G2));
        Assert.Equal(Fp12<TFp, TTower>.One, Pair(G1, PairingG2Input<TFp>.Infinity));
        PairingG1Input<TFp>[] ps = [G1, PairingG1Input<TFp>.Infinity];
        PairingG2Input<TFp>[] qs = [G2, G2];
        Assert.Equal(Pair(G1, G2), OptimalAtePairing<TFp, TTower, TCurve>.PairingProduct(ps, qs));
        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([PairingG1Input<TFp>.Infinity], [G2]));
        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([], []));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([G1], [G2]));
    }

    [Fact]
    public void Pairing_product_check_accepts_a_true_relation_and_rejects_a_tampered_one()
    {
        var v = V.GetProperty("bilinear")[0];
        var aP = PairingVectors.G1<TFp>(v.GetProperty("aP"));
        var bQ = PairingVectors.G2<TFp>(v.GetProperty("bQ"));
        var aQ = PairingVectors.G2<TFp>(v.GetProperty("aQ"));
        var negAbP = PairingVectors.G1<TFp>(v.GetProperty("negAbP"));

        // e(aP, bQ)·e(−abP, Q) = 1
        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([aP, negAbP], [bQ, G2]));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([aP, negAbP], [aQ, G2]));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([aP, Negate(negAbP)], [bQ, G2]));
    }

    [Fact]
    public void Same_ratio_accepts_equal_ratios_and_rejects_different_ones()
    {
        var v = V.GetProperty("bilinear")[0];
        var aP = PairingVectors.G1<TFp>(v.GetProperty("aP"));
        var aQ = PairingVectors.G2<TFp>(v.GetProperty("aQ"));
        var bQ = PairingVectors.G2<TFp>(v.GetProperty("bQ"));
        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(G1, aP, G2, aQ));
        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(aP, G1, aQ, G2));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(G1, aP, G2, bQ));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(G1, aP, aQ, G2));

        // snarkjs' sameRatio rejects the point at infinity although e(O, ·) = 1 would make the ratios "equal".
        var o1 = PairingG1Input<TFp>.Infinity;
        var o2 = PairingG2Input<TFp>.Infinity;
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(o1, o1, G2, aQ));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.SameRatio(G1, aP, o2, o2));
    }

    [Fact]
    public void Many_pairs_split_over_threads_give_the_product_of_single_pairings()
    {
        var bil = V.GetProperty("bilinear");
        var ps = new List<PairingG1Input<TFp>>();
        var qs = new List<PairingG2Input<TFp>>();
        foreach (var v in bil.EnumerateArray())
        {
            ps.Add(PairingVectors.G1<TFp>(v.GetProperty("aP")));
            qs.Add(PairingVectors.G2<TFp>(v.GetProperty("bQ")));
            ps.Add(PairingVectors.G1<TFp>(v.GetProperty("negAbP")));
            qs.Add(G2);
        }

        Assert.True(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne(ps.ToArray(), qs.ToArray()));

        // Sequential multi-Miller loop, parallel one and the product of single pairings agree.
        ps[1] = G1;
        var expected = Fp12<TFp, TTower>.One;
        for (int i = 0; i < ps.Count; i++)
        {
            Fp12<TFp, TTower>.Mul(expected, Pair(ps[i], qs[i]), out expected);
        }

        Assert.Equal(expected, OptimalAtePairing<TFp, TTower, TCurve>.PairingProduct(ps.ToArray(), qs.ToArray()));
        var sequential = OptimalAtePairing<TFp, TTower, TCurve>.MillerLoop(ps.ToArray(), qs.ToArray());
        Assert.Equal(expected, OptimalAtePairing<TFp, TTower, TCurve>.FinalExponentiation(sequential));
        Assert.False(OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne(ps.ToArray(), qs.ToArray()));
    }

    [Fact]
    public void Final_exponentiation_is_the_power_s_times_p12_minus_1_over_r()
    {
        // Exponent from first principles: s·(p¹²−1)/r with the cofactor s the oracles use (2x(6x²+3x+1) for
        // BN254, 3 for BLS12-381), checked on arbitrary Fp12 elements, not only on Miller loop outputs.
        var p = PairingVectors.Integer(V.GetProperty("p"));
        var s = PairingVectors.Integer(V.GetProperty("finalExponentCofactor"));
        var exponent = s * ((BigInteger.Pow(p, 12) - 1) / R);
        Gen.Select(TowerGen<TFp, TTower>.Fp12, TowerGen<TFp, TTower>.Fp12).Sample((f, g) =>
        {
            var e = OptimalAtePairing<TFp, TTower, TCurve>.FinalExponentiation(f);
            // Twin: a different element gives a different result.
            return e == Pow(f, exponent) && e != OptimalAtePairing<TFp, TTower, TCurve>.FinalExponentiation(g);
        }, iter: 3);
    }

    [Fact]
    public void Loop_digits_spell_the_loop_count()
    {
        var x = PairingVectors.Integer(V.GetProperty("x"));
        var expected = TCurve.AddsFrobeniusLines ? 6 * x + 2 : BigInteger.Abs(x);
        Assert.Equal(x.Sign < 0, TCurve.LoopCountIsNegative);
        var value = BigInteger.Zero;
        foreach (var d in TCurve.LoopDigits)
        {
            Assert.InRange(d, -1, 1);
            value = 2 * value + d;
        }

        Assert.Equal(1, TCurve.LoopDigits[0]);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            OptimalAtePairing<TFp, TTower, TCurve>.PairingProductIsOne([G1, G1], [G2]));
        Assert.Contains("2 G1 points but 1 G2 points", ex.Message);
    }
}

public sealed class Bn254PairingTests : PairingTests<Fp254, Bn254Tower, Bn254PairingCurve>
{
    protected override string CurveName => "bn128";

    [Fact]
    public void Facade_matches_engine()
    {
        var v = PairingVectors.Curve(CurveName);
        var p = PairingVectors.G1<Fp254>(v.GetProperty("g1"));
        var q = PairingVectors.G2<Fp254>(v.GetProperty("g2"));
        var expected = PairingVectors.Fp12<Fp254, Bn254Tower>(v.GetProperty("pairing_g1_g2"));
        Assert.Equal(expected, Bn254Pairing.Pair(p.X, p.Y, q.X, q.Y));
        Assert.Equal(expected, Bn254Pairing.FinalExponentiation(Bn254Pairing.MillerLoop(p, q)));
        Assert.False(Bn254Pairing.PairingProductIsOne([p], [q]));
    }
}

public sealed class Bls12381PairingTests : PairingTests<Fp381, Bls12381Tower, Bls12381PairingCurve>
{
    protected override string CurveName => "bls12381";

    [Fact]
    public void Facade_matches_engine()
    {
        var v = PairingVectors.Curve(CurveName);
        var p = PairingVectors.G1<Fp381>(v.GetProperty("g1"));
        var q = PairingVectors.G2<Fp381>(v.GetProperty("g2"));
        var expected = PairingVectors.Fp12<Fp381, Bls12381Tower>(v.GetProperty("pairing_g1_g2"));
        Assert.Equal(expected, Bls12381Pairing.Pair(p.X, p.Y, q.X, q.Y));
        Assert.Equal(expected, Bls12381Pairing.FinalExponentiation(Bls12381Pairing.MillerLoop(p, q)));
        Assert.False(Bls12381Pairing.PairingProductIsOne([p], [q]));
    }
}
