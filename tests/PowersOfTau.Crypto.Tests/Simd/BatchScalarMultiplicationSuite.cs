using System.Numerics;
using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;
using PowersOfTau.Crypto.Tests.Curves;
using Xunit;
using Fp254x8 = PowersOfTau.Crypto.Simd.Fp254x8;
using Fp381x8 = PowersOfTau.Crypto.Simd.Fp381x8;

namespace PowersOfTau.Crypto.Tests.Simd;

/// <summary>
/// The 8-lane batch scalar multiplication for every group: known answers [k]G from ffjavascript (curves.json, produced by
/// tests/oracle/gen-curve-vectors.js), and agreement with the scalar constant-time path (GLV/GLS, itself checked against
/// ffjavascript) on random subgroup points and edge scalars (0, 1, 2, r-1, r-2 — the last makes the final addition a
/// doubling — 2^252 - 1 and (r+1)/2), for batch sizes that are not multiples of 8, with identity bases; plus the 8-lane point
/// formulas against the scalar projective ones, and argument checks.
/// </summary>
public abstract class BatchScalarMultiplicationSuite<TF, TLane, TCurve>
    where TF : unmanaged, IField<TF>
    where TLane : unmanaged, ILaneField<TLane, TF>
    where TCurve : ICurve<TF, TCurve>
{
    protected abstract string GroupName { get; }

    /// <summary>The public parallel overload for this group.</summary>
    protected abstract void MulBatchParallel(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results, int degreeOfParallelism);

    /// <summary>The public overload for this group (AVX-512 or scalar fallback).</summary>
    protected abstract void MulBatch(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results);

    private static BigInteger R => TCurve.Decomposition.Order;

    private static JacobianPoint<TF, TCurve> MulCt(in AffinePoint<TF, TCurve> p, BigInteger k)
    {
        ConstantTimeScalarMultiplication.Multiply(p, CurveVectors.Limbs(k), out var r);
        return r;
    }

    private static Gen<BigInteger> Scalar => Gen.Byte.Array[40].Select(b => new BigInteger(b, isUnsigned: true) % R);

    private static AffinePoint<TF, TCurve> RandomPoint(BigInteger k) => MulCt(TCurve.Generator, k).ToAffine();

    private JacobianPoint<TF, TCurve>[] Batch(AffinePoint<TF, TCurve>[] bases, BigInteger[] ks, bool generic)
    {
        ulong[] scalars = [.. ks.SelectMany(k => CurveVectors.Limbs(k))];
        var results = new JacobianPoint<TF, TCurve>[bases.Length];
        if (generic) BatchScalarMultiplication.MulBatchCt<TF, TLane, TCurve>(bases, scalars, results);
        else MulBatch(bases, scalars, results);
        return results;
    }

    private static void AssertSame(in JacobianPoint<TF, TCurve> expected, in JacobianPoint<TF, TCurve> actual, string what)
    {
        Assert.True(JacobianPoint<TF, TCurve>.Equal(expected, actual), what);
        Assert.True(actual.IsOnCurve(), what + " (on curve)");
    }

    [Fact]
    public void Products_of_the_generator_match_ffjavascript()
    {
        if (!Avx512F.IsSupported) return;
        var v = CurveVectors.Group(GroupName).GetProperty("scalarMults").EnumerateArray().ToArray();
        var ks = v.Select(e => CurveVectors.Integer(e.GetProperty("k"))).ToArray();
        var expected = v.Select(e => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e.GetProperty("result").GetProperty("u")))).ToArray();
        var bases = Enumerable.Repeat(TCurve.Generator, ks.Length).ToArray();
        var got = Batch(bases, ks, generic: true);
        for (int i = 0; i < ks.Length; i++)
        {
            AssertSame(expected[i].ToJacobian(), got[i], $"[{ks[i]}]G");
            // Tampered twin: the neighbouring scalar gives a different point.
            Assert.False(JacobianPoint<TF, TCurve>.Equal(expected[i].ToJacobian(), Batch([TCurve.Generator], [(ks[i] + 1) % R], generic: true)[0]), $"[{ks[i]}+1]G");
        }
    }

    [Fact]
    public void Agrees_with_the_scalar_constant_time_path_on_random_points_and_edge_scalars()
    {
        if (!Avx512F.IsSupported) return;
        BigInteger[] edges = [BigInteger.Zero, 1, 2, R - 1, R - 2, (BigInteger.One << 252) - 1, R / 2 + 1, 31];
        Gen.Select(Scalar.Array[11], Scalar.Array[11]).Sample(t =>
        {
            var (pointSeeds, randomKs) = t;
            var bases = pointSeeds.Select(RandomPoint).ToArray();
            bases[3] = AffinePoint<TF, TCurve>.Infinity;
            var ks = randomKs.Select((k, i) => i % 2 == 0 && i / 2 < edges.Length ? edges[i / 2] : k).ToArray();
            var got = Batch(bases, ks, generic: false);
            for (int i = 0; i < bases.Length; i++) AssertSame(MulCt(bases[i], ks[i]), got[i], $"point {i}, k = {ks[i]}");
        }, iter: 3);
    }

    [Fact]
    public void Every_lane_and_every_batch_size_is_computed()
    {
        if (!Avx512F.IsSupported) return;
        foreach (int n in new[] { 0, 1, 7, 8, 9, 17 })
        {
            var bases = Enumerable.Range(0, n).Select(i => RandomPoint(1000 + i)).ToArray();
            var ks = Enumerable.Range(0, n).Select(i => R - 1 - i * 12345).ToArray();
            var got = Batch(bases, ks, generic: true);
            for (int i = 0; i < n; i++)
            {
                AssertSame(MulCt(bases[i], ks[i]), got[i], $"n = {n}, point {i}");
                Assert.False(JacobianPoint<TF, TCurve>.Equal(MulCt(bases[i], ks[i] - 1), got[i]), $"n = {n}, point {i} (twin)");
            }
        }
    }

    [Fact]
    public void Lane_point_formulas_match_the_scalar_projective_formulas()
    {
        if (!Avx512F.IsSupported) return;
        var ps = Enumerable.Range(0, 8).Select(i => RandomPoint(77 + i)).ToArray();
        var qs = Enumerable.Range(0, 8).Select(i => RandomPoint(991 + i)).ToArray();
        qs[1] = ps[1];                                       // P = Q
        qs[2] = ps[2]; AffinePoint<TF, TCurve>.Negate(ps[2], out qs[2]); // P = -Q
        ps[3] = AffinePoint<TF, TCurve>.Infinity;            // identity + Q
        qs[4] = AffinePoint<TF, TCurve>.Infinity;            // P + identity
        ProjectivePointX8<TF, TLane, TCurve>.FromAffine(ps, out var p8);
        ProjectivePointX8<TF, TLane, TCurve>.FromAffine(qs, out var q8);
        ProjectivePointX8<TF, TLane, TCurve>.Add(p8, q8, out var s8);
        ProjectivePointX8<TF, TLane, TCurve>.Double(p8, out var d8);
        foreach (var c in new object[] { s8.X, s8.Y, s8.Z, d8.X, d8.Y, d8.Z })
            Assert.True(LaneRaw.AllBelowTwoP(c), "a formula output breaks the lane invariant (below 2p)");
        var sums = new JacobianPoint<TF, TCurve>[8];
        var doubles = new JacobianPoint<TF, TCurve>[8];
        ProjectivePointX8<TF, TLane, TCurve>.ToJacobian(s8, sums);
        ProjectivePointX8<TF, TLane, TCurve>.ToJacobian(d8, doubles);
        for (int i = 0; i < 8; i++)
        {
            JacobianPoint<TF, TCurve>.AddVartime(ps[i].ToJacobian(), qs[i].ToJacobian(), out var s);
            JacobianPoint<TF, TCurve>.Double(ps[i].ToJacobian(), out var d);
            AssertSame(s, sums[i], $"P + Q lane {i}");
            AssertSame(d, doubles[i], $"2P lane {i}");
        }
        Assert.True(sums[2].IsInfinity);
        Assert.True(doubles[3].IsInfinity);
    }

    [Fact]
    public void Lane_endomorphism_matches_the_scalar_endomorphism()
    {
        if (!Avx512F.IsSupported) return;
        var ps = Enumerable.Range(0, 8).Select(i => RandomPoint(4242 + i)).ToArray();
        ps[5] = AffinePoint<TF, TCurve>.Infinity;
        ProjectivePointX8<TF, TLane, TCurve>.FromAffine(ps, out var p8);
        ProjectivePointX8<TF, TLane, TCurve>.Endomorphism(p8, out var e8);
        var images = new JacobianPoint<TF, TCurve>[8];
        ProjectivePointX8<TF, TLane, TCurve>.ToJacobian(e8, images);
        for (int i = 0; i < 8; i++)
        {
            var j = ps[i].ToJacobian();
            TCurve.Endomorphism(ref j.X, ref j.Y, ref j.Z);
            AssertSame(j, images[i], $"endomorphism lane {i}");
            if (i != 5) Assert.False(JacobianPoint<TF, TCurve>.Equal(ps[i].ToJacobian(), images[i]), $"endomorphism moves lane {i}");
        }
    }

    [Fact]
    public void The_parallel_overload_agrees_with_the_single_threaded_one()
    {
        var bases = Enumerable.Range(0, 27).Select(i => RandomPoint(808 + i)).ToArray();
        var ks = Enumerable.Range(0, 27).Select(i => R / 7 + (BigInteger)i * 1234567).ToArray();
        ulong[] scalars = [.. ks.SelectMany(k => CurveVectors.Limbs(k))];
        var single = new JacobianPoint<TF, TCurve>[27];
        MulBatch(bases, scalars, single);
        foreach (int dop in new[] { 1, 2, 3, 64 })
        {
            var parallel = new JacobianPoint<TF, TCurve>[27];
            MulBatchParallel(bases, scalars, parallel, dop);
            for (int i = 0; i < 27; i++) AssertSame(single[i], parallel[i], $"dop {dop}, point {i}");
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => MulBatchParallel(bases, scalars, new JacobianPoint<TF, TCurve>[27], 0));
        Assert.Throws<ArgumentException>(() => MulBatchParallel(bases, scalars.AsSpan(4), new JacobianPoint<TF, TCurve>[27], 2));
    }

    [Fact]
    public void Scalars_can_live_in_a_SecretBuffer()
    {
        if (!Avx512F.IsSupported) return;
        var bases = Enumerable.Range(0, 11).Select(i => RandomPoint(909 + i)).ToArray();
        var ks = Enumerable.Range(0, 11).Select(i => R - 3 - (BigInteger)i * 777).ToArray();
        using var secret = new PowersOfTau.Secrets.SecretBuffer(11 * 4 * sizeof(ulong));
        Span<ulong> limbs = secret.Reveal<ulong>();
        for (int i = 0; i < 11; i++) CurveVectors.Limbs(ks[i]).CopyTo(limbs.Slice(4 * i, 4));
        var single = new JacobianPoint<TF, TCurve>[11];
        var parallel = new JacobianPoint<TF, TCurve>[11];
        MulBatch(bases, secret.Reveal<ulong>(), single);
        MulBatchParallel(bases, secret.Reveal<ulong>(), parallel, 2);
        for (int i = 0; i < 11; i++)
        {
            AssertSame(MulCt(bases[i], ks[i]), single[i], $"point {i}");
            AssertSame(single[i], parallel[i], $"parallel point {i}");
        }
    }

    [Fact]
    public void The_scalar_fallback_agrees_with_the_lanes()
    {
        if (!Avx512F.IsSupported) return;
        var bases = Enumerable.Range(0, 9).Select(i => RandomPoint(555 + i)).ToArray();
        var ks = Enumerable.Range(0, 9).Select(i => R - 1 - (BigInteger)i * 98765).ToArray();
        ulong[] scalars = [.. ks.SelectMany(k => CurveVectors.Limbs(k))];
        var fallback = new JacobianPoint<TF, TCurve>[9];
        BatchScalarMultiplication.MulEachScalar(bases, scalars, fallback);
        var lanes = Batch(bases, ks, generic: true);
        for (int i = 0; i < 9; i++) AssertSame(lanes[i], fallback[i], $"fallback point {i}");
        Assert.Throws<ArgumentException>(() => BatchScalarMultiplication.MulEachScalar<TF, TCurve>(bases, scalars.AsSpan(4), new JacobianPoint<TF, TCurve>[9]));
    }

    [Fact]
    public void Rejects_unreduced_scalars_and_mismatched_lengths()
    {
        var g = new[] { TCurve.Generator };
        Assert.Throws<ArgumentException>(() => MulBatch(g, CurveVectors.Limbs(R), new JacobianPoint<TF, TCurve>[1]));
        Assert.Throws<ArgumentException>(() => MulBatch(g, new ulong[3], new JacobianPoint<TF, TCurve>[1]));
        Assert.Throws<ArgumentException>(() => MulBatch(g, new ulong[4], new JacobianPoint<TF, TCurve>[2]));
        MulBatch(g, CurveVectors.Limbs(R - 1), new JacobianPoint<TF, TCurve>[1]); // the largest valid scalar is accepted
    }
}

public sealed class Bn254G1BatchTests : BatchScalarMultiplicationSuite<Fp254, Fp254x8, Bn254G1>
{
    protected override string GroupName => "bn128 G1";
    protected override void MulBatch(ReadOnlySpan<AffinePoint<Fp254, Bn254G1>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp254, Bn254G1>> r) => BatchScalarMultiplication.MulBatchCt(b, k, r);
    protected override void MulBatchParallel(ReadOnlySpan<AffinePoint<Fp254, Bn254G1>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp254, Bn254G1>> r, int dop) => BatchScalarMultiplication.MulBatchCt(b, k, r, dop);
}

public sealed class Bn254G2BatchTests : BatchScalarMultiplicationSuite<Fp2<Fp254>, global::PowersOfTau.Crypto.Simd.Fp2x8<Fp254x8, Fp254>, Bn254G2>
{
    protected override string GroupName => "bn128 G2";
    protected override void MulBatch(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp2<Fp254>, Bn254G2>> r) => BatchScalarMultiplication.MulBatchCt(b, k, r);
    protected override void MulBatchParallel(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp2<Fp254>, Bn254G2>> r, int dop) => BatchScalarMultiplication.MulBatchCt(b, k, r, dop);
}

public sealed class Bls12381G1BatchTests : BatchScalarMultiplicationSuite<Fp381, Fp381x8, Bls12381G1>
{
    protected override string GroupName => "bls12381 G1";
    protected override void MulBatch(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp381, Bls12381G1>> r) => BatchScalarMultiplication.MulBatchCt(b, k, r);
    protected override void MulBatchParallel(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp381, Bls12381G1>> r, int dop) => BatchScalarMultiplication.MulBatchCt(b, k, r, dop);
}

public sealed class Bls12381G2BatchTests : BatchScalarMultiplicationSuite<Fp2<Fp381>, global::PowersOfTau.Crypto.Simd.Fp2x8<Fp381x8, Fp381>, Bls12381G2>
{
    protected override string GroupName => "bls12381 G2";
    protected override void MulBatch(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp2<Fp381>, Bls12381G2>> r) => BatchScalarMultiplication.MulBatchCt(b, k, r);
    protected override void MulBatchParallel(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> b, ReadOnlySpan<ulong> k, Span<JacobianPoint<Fp2<Fp381>, Bls12381G2>> r, int dop) => BatchScalarMultiplication.MulBatchCt(b, k, r, dop);
}
