using System.Numerics;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Msm;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>
/// One suite run against every group (BN254 G1/G2, BLS12-381 G1/G2) through the generic point types:
/// known answers from ffjavascript (scalar products, sums, encodings, MSM), endomorphism and decomposition
/// relations derived here with BigInteger, off-subgroup rejection, and CsCheck group-law properties.
/// </summary>
public abstract class CurveSuite<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    protected abstract string GroupName { get; }

    private JsonElement V => CurveVectors.Group(GroupName);

    private static BigInteger R => TCurve.Decomposition.Order;

    protected static JacobianPoint<TF, TCurve> G => JacobianPoint<TF, TCurve>.Generator;

    private static AffinePoint<TF, TCurve> U(JsonElement e) => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e));

    private static JacobianPoint<TF, TCurve> MulCt(in JacobianPoint<TF, TCurve> p, BigInteger k)
    {
        ConstantTimeScalarMultiplication.Multiply(p, CurveVectors.Limbs(k), out var r);
        return r;
    }

    private static JacobianPoint<TF, TCurve> MulVt(in JacobianPoint<TF, TCurve> p, BigInteger k)
    {
        VariableTimeScalarMultiplication.MultiplyVartime(p, CurveVectors.Limbs(k), out var r);
        return r;
    }

    private static void AssertSame(in JacobianPoint<TF, TCurve> expected, in JacobianPoint<TF, TCurve> actual, string what)
    {
        Assert.True(JacobianPoint<TF, TCurve>.Equal(expected, actual), what);
        Assert.True(actual.IsOnCurve(), what + " (on curve)");
    }

    [Fact]
    public void Generator_is_on_the_curve_and_in_the_subgroup_and_has_order_r()
    {
        Assert.True(TCurve.Generator.IsOnCurve());
        Assert.True(TCurve.IsInSubgroupVartime(TCurve.Generator));
        Assert.True(MulVt(G, R).IsInfinity);
        Assert.False(MulVt(G, R - 1).IsInfinity);
        Assert.Equal(CurveVectors.Integer(V.GetProperty("order")), R);
    }

    [Fact]
    public void Constant_time_and_wnaf_products_match_ffjavascript_for_edge_and_random_scalars()
    {
        foreach (var v in V.GetProperty("scalarMults").EnumerateArray())
        {
            BigInteger k = CurveVectors.Integer(v.GetProperty("k"));
            var expected = U(v.GetProperty("result").GetProperty("u")).ToJacobian();
            AssertSame(expected, MulCt(G, k), $"ct [{k}]G");
            AssertSame(expected, MulVt(G, k), $"wnaf [{k}]G");
            ConstantTimeScalarMultiplication.Multiply(TCurve.Generator, CurveVectors.Limbs(k), out var fromAffine);
            AssertSame(expected, fromAffine, $"ct affine [{k}]G");
        }
    }

    [Fact]
    public void Constant_time_product_agrees_with_wnaf_on_a_non_generator_base()
    {
        var p = MulVt(G, CurveVectors.Integer("0x1234567890abcdef1234567890abcdef"));
        foreach (var k in new[] { BigInteger.Zero, 1, 2, R - 1, R - 2, R / 3, (BigInteger.One << 200) + 12345 })
            AssertSame(MulVt(p, k), MulCt(p, k), $"[{k}]P");
        AssertSame(Neg(p), MulCt(p, R - 1), "[r-1]P = -P");
        Assert.True(MulCt(JacobianPoint<TF, TCurve>.Infinity, R - 1).IsInfinity);
        ConstantTimeScalarMultiplication.Multiply(AffinePoint<TF, TCurve>.Infinity, CurveVectors.Limbs(12345), out var fromAffineIdentity);
        Assert.True(fromAffineIdentity.IsInfinity);
    }

    [Fact]
    public void Sparse_double_and_add_agrees_with_wnaf()
    {
        var p = MulVt(G, 31337);
        foreach (ulong k in new ulong[] { 0, 1, 2, 0xd201000000010000, ulong.MaxValue, 4965661367192848881 })
        {
            VariableTimeScalarMultiplication.MultiplySparseVartime(p, k, out var sparse);
            AssertSame(MulVt(p, k), sparse, $"[{k}]P");
        }
    }

    [Fact]
    public void Constant_time_product_rejects_unreduced_scalars()
    {
        Assert.Throws<ArgumentException>(() => MulCt(G, R));
        Assert.Throws<ArgumentException>(() =>
        {
            ConstantTimeScalarMultiplication.Multiply(G, new ulong[3], out _);
        });
    }

    private static JacobianPoint<TF, TCurve> Neg(in JacobianPoint<TF, TCurve> p)
    {
        JacobianPoint<TF, TCurve>.Negate(p, out var r);
        return r;
    }

    [Fact]
    public void Additions_match_ffjavascript_including_doubling_and_inverse()
    {
        foreach (var v in V.GetProperty("additions").EnumerateArray())
        {
            var p = U(v.GetProperty("p"));
            var q = U(v.GetProperty("q"));
            var sum = U(v.GetProperty("sum")).ToJacobian();
            JacobianPoint<TF, TCurve>.Add(p.ToJacobian(), q.ToJacobian(), out var ct);
            JacobianPoint<TF, TCurve>.AddVartime(p.ToJacobian(), q.ToJacobian(), out var vt);
            JacobianPoint<TF, TCurve>.AddMixedVartime(p.ToJacobian(), q, out var mixed);
            ProjectivePoint<TF, TCurve>.FromAffine(p, out var pp);
            ProjectivePoint<TF, TCurve>.FromAffine(q, out var pq);
            ProjectivePoint<TF, TCurve>.Add(pp, pq, out var complete);
            ProjectivePoint<TF, TCurve>.ToJacobian(complete, out var completeJ);
            AssertSame(sum, ct, "ct add");
            AssertSame(sum, vt, "vartime add");
            AssertSame(sum, mixed, "mixed add");
            AssertSame(sum, completeJ, "complete add");
            Assert.Equal(sum.ToAffine().X, vt.ToAffineVartime().X);
        }
    }

    [Fact]
    public void Identity_cases_of_every_addition_formula()
    {
        var inf = JacobianPoint<TF, TCurve>.Infinity;
        var g = G;
        JacobianPoint<TF, TCurve>.Add(inf, g, out var a);
        JacobianPoint<TF, TCurve>.Add(g, inf, out var b);
        JacobianPoint<TF, TCurve>.Add(inf, inf, out var c);
        JacobianPoint<TF, TCurve>.Double(inf, out var d);
        JacobianPoint<TF, TCurve>.AddMixedVartime(inf, TCurve.Generator, out var e);
        JacobianPoint<TF, TCurve>.AddMixedVartime(g, AffinePoint<TF, TCurve>.Infinity, out var f);
        AssertSame(g, a, "inf + G");
        AssertSame(g, b, "G + inf");
        Assert.True(c.IsInfinity);
        Assert.True(d.IsInfinity);
        AssertSame(g, e, "mixed inf + G");
        AssertSame(g, f, "mixed G + inf");
        Assert.False(JacobianPoint<TF, TCurve>.Equal(g, inf));
        Assert.True(inf.ToAffine().IsInfinity);
        Assert.True(AffinePoint<TF, TCurve>.Infinity.IsOnCurve());
    }

    [Fact]
    public void Endomorphism_acts_as_lambda_and_lambda_is_a_root_of_the_right_polynomial()
    {
        var dec = TCurve.Decomposition;
        BigInteger l = dec.Lambda;
        // φ on G1 has order 3 (λ^2 + λ + 1 ≡ 0); ψ on G2 satisfies λ^4 − λ^2 + 1 ≡ 0 (BLS12) / Φ12 (BN).
        if (dec.Dimension == 2) Assert.Equal(BigInteger.Zero, (l * l + l + 1) % R);
        else Assert.Equal(BigInteger.Zero, (BigInteger.Pow(l, 4) - BigInteger.Pow(l, 2) + 1) % R);
        foreach (var p in new[] { G, MulVt(G, 987654321) })
        {
            var e = p;
            TCurve.Endomorphism(ref e.X, ref e.Y, ref e.Z);
            AssertSame(MulVt(p, l), e, "endomorphism = [λ]");
        }
    }

    [Fact]
    public void Decomposition_parts_are_short_and_recombine_to_the_scalar()
    {
        var dec = TCurve.Decomposition;
        var rng = new Random(12345);
        var scalars = new List<BigInteger> { 0, 1, 2, R - 1, R - 2, R / 2, R - (BigInteger.One << 128) };
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[40];
            rng.NextBytes(bytes);
            scalars.Add(new BigInteger(bytes, isUnsigned: true) % R);
        }
        Span<ulong> parts = stackalloc ulong[16];
        Span<ulong> neg = stackalloc ulong[4];
        foreach (var k in scalars)
        {
            dec.Decompose(CurveVectors.Limbs(k), parts, neg);
            BigInteger sum = 0, pow = 1;
            for (int i = 0; i < dec.Dimension; i++)
            {
                BigInteger m = CurveVectors.FromLimbs(parts.Slice(i * 4, 4));
                Assert.True(m.GetBitLength() <= dec.PartBits, $"part {i} of {k} has {m.GetBitLength()} bits");
                Assert.True(neg[i] is 0 or ulong.MaxValue);
                sum += (neg[i] != 0 ? -m : m) * pow;
                pow = pow * dec.Lambda % R;
            }
            Assert.Equal(BigInteger.Zero, ((sum - k) % R + R) % R);
        }
        Assert.True(dec.PartBits <= (dec.Dimension == 2 ? 130 : 68), $"PartBits {dec.PartBits}");
    }

    [Fact]
    public void Points_outside_the_subgroup_are_detected()
    {
        var off = V.GetProperty("offSubgroup").EnumerateArray().ToList();
        if (GroupName == "bn128 G1") Assert.Empty(off); // cofactor 1
        foreach (var v in off)
        {
            var u = CurveVectors.Hex(v.GetProperty("u"));
            var p = PointEncoding<TF, TCurve>.ReadUncompressed(u, checkSubgroup: false);
            Assert.True(p.IsOnCurve());
            Assert.False(TCurve.IsInSubgroupVartime(p));
            Assert.False(MulVt(p.ToJacobian(), R).IsInfinity); // the definition agrees
            Assert.Equal(PointDecodingError.NotInSubgroup, PointEncoding<TF, TCurve>.TryReadUncompressed(u, out _));
            Assert.Equal(PointDecodingError.NotInSubgroup, PointEncoding<TF, TCurve>.TryReadLem(CurveVectors.Hex(v.GetProperty("lem")), out _));
            Assert.Equal(PointDecodingError.NotInSubgroup, PointEncoding<TF, TCurve>.TryReadCompressed(CurveVectors.Hex(v.GetProperty("c")), out _));
            // Clearing the cofactor brings it into the subgroup: [h]P passes.
            VariableTimeScalarMultiplication.MultiplyVartime(p.ToJacobian(), TCurve.Cofactor, out var cleared);
            Assert.True(TCurve.IsInSubgroupVartime(cleared.ToAffineVartime()));
        }
        foreach (var v in V.GetProperty("points").EnumerateArray())
            Assert.True(TCurve.IsInSubgroupVartime(U(v.GetProperty("u"))));
    }

    [Fact]
    public void Point_sampling_matches_ffjavascript_fromRng()
    {
        foreach (var v in V.GetProperty("sampling").EnumerateArray())
        {
            var coefficients = v.GetProperty("x").EnumerateArray().Select(e => e.GetString()!).ToArray();
            TF x = CurveVectors.Element<TF>(coefficients);
            bool greatest = v.GetProperty("greatest").GetBoolean();
            var expected = U(v.GetProperty("point")).ToJacobian();
            Assert.True(PointSampling.TryLiftX(x, greatest, out AffinePoint<TF, TCurve> lifted));
            Assert.True(lifted.IsOnCurve());
            AssertSame(expected, PointSampling.ClearCofactorVartime(lifted), "sampled point");
            // Tampered twin: the other sign gives the negated point.
            Assert.True(PointSampling.TryLiftX(x, !greatest, out AffinePoint<TF, TCurve> other));
            AssertSame(Neg(expected), PointSampling.ClearCofactorVartime(other), "other sign");
        }
        // An x with x^3 + b not a square is refused.
        int misses = 0;
        for (ulong i = 1; i < 20; i++)
        {
            TF.Add(TF.One, TF.Zero, out TF one);
            TF xi = TF.Zero;
            for (ulong j = 0; j < i; j++) { TF.Add(xi, one, out var t); xi = t; }
            if (!PointSampling.TryLiftX(xi, false, out AffinePoint<TF, TCurve> _)) misses++;
        }
        Assert.InRange(misses, 1, 19);
    }

    [Fact]
    public void Batch_normalization_matches_single_conversions()
    {
        var pts = new JacobianPoint<TF, TCurve>[40];
        var acc = G;
        for (int i = 0; i < pts.Length; i++)
        {
            JacobianPoint<TF, TCurve>.Double(acc, out acc);
            pts[i] = i % 7 == 3 ? JacobianPoint<TF, TCurve>.Infinity : acc;
        }
        var aff = new AffinePoint<TF, TCurve>[pts.Length];
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(pts, aff);
        for (int i = 0; i < pts.Length; i++)
        {
            var single = pts[i].ToAffine();
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(single, aff[i]) != 0, $"point {i}");
            Assert.True(aff[i].IsOnCurve());
        }
        Assert.True(aff[3].IsInfinity);
        var ct = new AffinePoint<TF, TCurve>[pts.Length];
        JacobianPoint<TF, TCurve>.BatchToAffine(pts, ct);
        Assert.Equal(aff, ct);
        // Large enough for the parallel chunks.
        var many = Enumerable.Range(0, 9000).Select(i => pts[i % pts.Length]).ToArray();
        var manyAffine = new AffinePoint<TF, TCurve>[many.Length];
        JacobianPoint<TF, TCurve>.BatchToAffine(many, manyAffine);
        for (int i = 0; i < many.Length; i += 37) Assert.Equal(aff[i % pts.Length], manyAffine[i]);
    }

    // ---------------- properties (CsCheck) ----------------

    private static readonly Gen<BigInteger> GenScalar =
        Gen.Byte.Array[40].Select(b => new BigInteger(b, isUnsigned: true) % R);

    private static readonly Gen<BigInteger> GenScalarOrEdge =
        Gen.OneOf(GenScalar, Gen.Int[0, 3].Select(i => new[] { BigInteger.Zero, BigInteger.One, R - 1, R - 2 }[i]));

    private const int Iterations = 25;

    [Fact]
    public void Property_group_laws_hold()
    {
        Gen.Select(GenScalar, GenScalar, GenScalar).Sample((a, b, c) =>
        {
            JacobianPoint<TF, TCurve> p = MulVt(G, a), q = MulVt(G, b), r = MulVt(G, c);
            JacobianPoint<TF, TCurve>.Add(p, q, out var pq);
            JacobianPoint<TF, TCurve>.Add(q, p, out var qp);
            JacobianPoint<TF, TCurve>.Add(pq, r, out var pq_r);
            JacobianPoint<TF, TCurve>.Add(q, r, out var qr);
            JacobianPoint<TF, TCurve>.Add(p, qr, out var p_qr);
            JacobianPoint<TF, TCurve>.Add(p, JacobianPoint<TF, TCurve>.Infinity, out var p0);
            JacobianPoint<TF, TCurve>.Add(p, Neg(p), out var zero);
            return JacobianPoint<TF, TCurve>.Equal(pq, qp)
                && JacobianPoint<TF, TCurve>.Equal(pq_r, p_qr)
                && JacobianPoint<TF, TCurve>.Equal(p0, p)
                && zero.IsInfinity
                && JacobianPoint<TF, TCurve>.Equal(pq, MulVt(G, (a + b) % R));
        }, iter: Iterations);
    }

    [Fact]
    public void Property_scalar_multiplication_is_linear()
    {
        Gen.Select(GenScalarOrEdge, GenScalarOrEdge, GenScalar).Sample((a, b, k) =>
        {
            var p = MulVt(G, k);
            var q = MulVt(G, k + 7);
            JacobianPoint<TF, TCurve>.Add(p, q, out var pq);
            JacobianPoint<TF, TCurve>.Add(MulCt(p, a), MulCt(q, a), out var apaq);
            JacobianPoint<TF, TCurve>.Add(MulCt(p, a), MulCt(p, b), out var apbp);
            return JacobianPoint<TF, TCurve>.Equal(MulCt(pq, a), apaq)
                && JacobianPoint<TF, TCurve>.Equal(MulCt(p, (a + b) % R), apbp)
                && JacobianPoint<TF, TCurve>.Equal(MulCt(MulCt(p, a), b), MulCt(p, a * b % R));
        }, iter: Iterations);
    }

}

public sealed class Bn254G1Tests : CurveSuite<Fp254, Bn254G1> { protected override string GroupName => "bn128 G1"; }
public sealed class Bn254G2Tests : CurveSuite<Fp2<Fp254>, Bn254G2> { protected override string GroupName => "bn128 G2"; }
public sealed class Bls12381G1Tests : CurveSuite<Fp381, Bls12381G1> { protected override string GroupName => "bls12381 G1"; }
public sealed class Bls12381G2Tests : CurveSuite<Fp2<Fp381>, Bls12381G2> { protected override string GroupName => "bls12381 G2"; }
