using System.Numerics;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Msm;
using PowersOfTau.Crypto.Tests.Curves;

namespace PowersOfTau.Crypto.Tests.Msm;

/// <summary>Pippenger MSM on every group against ffjavascript multiExpAffine and the naive sum of wNAF products.</summary>
public abstract class MsmSuite<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    protected abstract string GroupName { get; }

    private JsonElement V => CurveVectors.Group(GroupName);

    private static BigInteger R => TCurve.Decomposition.Order;

    private static JacobianPoint<TF, TCurve> G => JacobianPoint<TF, TCurve>.Generator;

    private static AffinePoint<TF, TCurve> U(JsonElement e) => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e));

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
    public void Msm_matches_ffjavascript_and_the_naive_sum()
    {
        var m = V.GetProperty("msm");
        var points = m.GetProperty("points").EnumerateArray().Select(U).ToArray();
        var scalars = m.GetProperty("scalars").EnumerateArray().SelectMany(s => CurveVectors.Limbs(CurveVectors.Integer(s))).ToArray();
        var expected = U(m.GetProperty("result")).ToJacobian();
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars), "msm");
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, windowBits: 7), "msm c=7");
        var naive = JacobianPoint<TF, TCurve>.Infinity;
        for (int i = 0; i < points.Length; i++)
        {
            var t = MulVt(points[i].ToJacobian(), CurveVectors.FromLimbs(scalars.AsSpan(i * 4, 4)));
            JacobianPoint<TF, TCurve>.AddVartime(naive, t, out naive);
        }
        AssertSame(expected, naive, "naive sum");
        // Tampered twin: one scalar changed by 1 changes the result.
        scalars[0] ^= 1;
        Assert.False(JacobianPoint<TF, TCurve>.Equal(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars)));
        Assert.True(Pippenger.MultiplyVartime<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>>.Empty, ReadOnlySpan<ulong>.Empty).IsInfinity);
        scalars[0] ^= 1;
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, strategy: MsmBucketStrategy.BatchAffine), "batch affine");
    }

    /// <summary>
    /// A larger MSM whose answer is known independently: P_i = [a_i]G, so Σ k_i·P_i = [Σ k_i·a_i mod r]G.
    /// Repeated points, P and −P, identities and zero scalars exercise the batch-affine special cases.
    /// </summary>
    [Fact]
    public void Msm_of_known_multiples_matches_the_scalar_identity_for_both_bucket_strategies()
    {
        const int n = 3000;
        var rng = new Random(99);
        var a = new BigInteger[n];
        var jac = new JacobianPoint<TF, TCurve>[n];
        var step = MulVt(G, 1234567);
        var acc = G;
        for (int i = 0; i < n; i++)
        {
            // a_i = 1 + i·1234567, except some repeats, negations and identities
            BigInteger ai = 1 + (BigInteger)i * 1234567;
            var pi = acc;
            JacobianPoint<TF, TCurve>.AddVartime(acc, step, out acc);
            if (i % 10 == 3) { ai = a[i - 1]; pi = jac[i - 1]; }
            if (i % 10 == 7) { ai = R - a[i - 1]; JacobianPoint<TF, TCurve>.Negate(jac[i - 1], out pi); }
            if (i % 97 == 5) { ai = 0; pi = JacobianPoint<TF, TCurve>.Infinity; }
            a[i] = ai % R;
            jac[i] = pi;
        }
        var points = new AffinePoint<TF, TCurve>[n];
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(jac, points);
        var scalars = new ulong[4 * n];
        BigInteger total = 0;
        for (int i = 0; i < n; i++)
        {
            var b = new byte[40];
            rng.NextBytes(b);
            BigInteger k = i % 13 == 0 ? 0 : i % 17 == 0 ? 5 : new BigInteger(b, isUnsigned: true) % R;
            // the same scalar as the previous point: P + P (doubling) and P + (−P) (cancelling) inside one bucket
            if (i % 10 is 3 or 7) k = CurveVectors.FromLimbs(scalars.AsSpan(4 * (i - 1), 4));
            CurveVectors.Limbs(k).CopyTo(scalars, 4 * i);
            total += k * a[i];
        }
        var expected = MulVt(G, total % R);
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, strategy: MsmBucketStrategy.BatchAffine), "batch affine");
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, windowBits: 6, strategy: MsmBucketStrategy.BatchAffine), "batch affine c=6");
        AssertSame(expected, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, strategy: MsmBucketStrategy.Jacobian), "jacobian");
    }

    /// <summary>
    /// Short scalars (verification's random 64-bit ones, and a few bits) use fewer windows: the result must still
    /// equal the naive sum of products, including scalars of all-ones bits that carry out of the top window and
    /// widths c that divide the bit length.
    /// </summary>
    [Theory]
    [InlineData(64)]
    [InlineData(63)]
    [InlineData(5)]
    [InlineData(1)]
    public void Msm_of_short_scalars_matches_the_naive_sum(int bits)
    {
        const int n = 150;
        var rng = new Random(bits);
        var jac = new JacobianPoint<TF, TCurve>[n];
        var step = MulVt(G, 987654321);
        var acc = G;
        for (int i = 0; i < n; i++) { jac[i] = acc; JacobianPoint<TF, TCurve>.AddVartime(acc, step, out acc); }
        var points = new AffinePoint<TF, TCurve>[n];
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(jac, points);
        var scalars = new ulong[4 * n];
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        var naive = JacobianPoint<TF, TCurve>.Infinity;
        for (int i = 0; i < n; i++)
        {
            // every third scalar is all ones (maximal carries), the rest random below 2^bits
            ulong k = i % 3 == 0 ? mask : (ulong)rng.NextInt64() * 2654435761UL & mask;
            scalars[4 * i] = k;
            JacobianPoint<TF, TCurve>.AddVartime(naive, MulVt(jac[i], k), out naive);
        }
        AssertSame(naive, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars), "default window");
        foreach (int c in new[] { 1, 2, 4, 8, 15, 7 })
        {
            AssertSame(naive, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, windowBits: c, strategy: MsmBucketStrategy.Jacobian), $"jacobian c={c}");
            AssertSame(naive, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, windowBits: c, strategy: MsmBucketStrategy.BatchAffine), $"batch affine c={c}");
        }
        // Tampered twin: the top bit of one scalar cleared changes the result.
        scalars[0] ^= 1UL << (bits - 1);
        Assert.False(JacobianPoint<TF, TCurve>.Equal(naive, Pippenger.MultiplyVartime<TF, TCurve>(points, scalars)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Pippenger.MultiplyVartime<TF, TCurve>(points, scalars, windowBits: 16));
        // All-zero scalars give the identity.
        Assert.True(Pippenger.MultiplyVartime<TF, TCurve>(points, new ulong[4 * n]).IsInfinity);
    }
}

public sealed class Bn254G1MsmTests : MsmSuite<Fp254, Bn254G1> { protected override string GroupName => "bn128 G1"; }
public sealed class Bn254G2MsmTests : MsmSuite<Fp2<Fp254>, Bn254G2> { protected override string GroupName => "bn128 G2"; }
public sealed class Bls12381G1MsmTests : MsmSuite<Fp381, Bls12381G1> { protected override string GroupName => "bls12381 G1"; }
public sealed class Bls12381G2MsmTests : MsmSuite<Fp2<Fp381>, Bls12381G2> { protected override string GroupName => "bls12381 G2"; }
