using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;
using PowersOfTau.Crypto.Tests.Curves;
using Xunit;
using Fp254x8 = PowersOfTau.Crypto.Simd.Fp254x8;
using Fp381x8 = PowersOfTau.Crypto.Simd.Fp381x8;

namespace PowersOfTau.Crypto.Tests.Simd;

/// <summary>
/// An 8-lane field wrapper that records the kind of every operation (never values) into a per-thread running hash,
/// like <see cref="Traced{TF}"/> does for the scalar code. The batch scalar multiplication run over it with different
/// scalars must produce the same trace: no branch, loop bound or table index of the batch code depends on a scalar.
/// </summary>
public struct TracedLane<TLane, TScalar> : ILaneField<TracedLane<TLane, TScalar>, TScalar>
    where TLane : unmanaged, ILaneField<TLane, TScalar>
    where TScalar : unmanaged, IField<TScalar>
{
    public TLane V;

    [ThreadStatic] private static ulong t_hash;
    [ThreadStatic] private static long t_count;

    public static void ResetTrace() { t_hash = 1469598103934665603UL; t_count = 0; }

    public static (long Count, ulong Hash) Trace => (t_count, t_hash);

    private static void Op(int code)
    {
        t_hash = (t_hash ^ (ulong)code) * 1099511628211UL;
        t_count++;
    }

    private static TracedLane<TLane, TScalar> W(in TLane v) => new() { V = v };

    public static TracedLane<TLane, TScalar> Zero => W(TLane.Zero);
    public static TracedLane<TLane, TScalar> One => W(TLane.One);
    public static void Mul(in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(1); TLane.Mul(a.V, b.V, out var v); r = W(v); }
    public static void Square(in TracedLane<TLane, TScalar> a, out TracedLane<TLane, TScalar> r) { Op(2); TLane.Square(a.V, out var v); r = W(v); }
    public static void Add(in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(3); TLane.Add(a.V, b.V, out var v); r = W(v); }
    public static void AddUnreduced(in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(4); TLane.AddUnreduced(a.V, b.V, out var v); r = W(v); }
    public static void SubUnreduced(in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(14); TLane.SubUnreduced(a.V, b.V, out var v); r = W(v); }
    public static void Sub(in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(5); TLane.Sub(a.V, b.V, out var v); r = W(v); }
    public static void Double(in TracedLane<TLane, TScalar> a, out TracedLane<TLane, TScalar> r) { Op(6); TLane.Double(a.V, out var v); r = W(v); }
    public static void Neg(in TracedLane<TLane, TScalar> a, out TracedLane<TLane, TScalar> r) { Op(7); TLane.Neg(a.V, out var v); r = W(v); }
    public static void Conjugate(in TracedLane<TLane, TScalar> a, out TracedLane<TLane, TScalar> r) { Op(8); TLane.Conjugate(a.V, out var v); r = W(v); }
    public static void Select(Vector512<ulong> mask, in TracedLane<TLane, TScalar> a, in TracedLane<TLane, TScalar> b, out TracedLane<TLane, TScalar> r) { Op(9); TLane.Select(mask, a.V, b.V, out var v); r = W(v); }
    public static Vector512<ulong> IsZeroMask(in TracedLane<TLane, TScalar> a) { Op(10); return TLane.IsZeroMask(a.V); }
    public static void Load(ReadOnlySpan<TScalar> src, out TracedLane<TLane, TScalar> r) { Op(11); TLane.Load(src, out var v); r = W(v); }
    public static void Broadcast(in TScalar a, out TracedLane<TLane, TScalar> r) { Op(12); TLane.Broadcast(a, out var v); r = W(v); }
    public static void Store(in TracedLane<TLane, TScalar> a, Span<TScalar> dst) { Op(13); TLane.Store(a.V, dst); }
}

public sealed class LaneTraceTests
{
    private static (long, ulong) TraceOf<TF, TLane, TCurve>(BigInteger[] ks, bool identityBase = false)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var bases = Enumerable.Repeat(identityBase ? AffinePoint<TF, TCurve>.Infinity : TCurve.Generator, ks.Length).ToArray();
        ulong[] scalars = [.. ks.SelectMany(k => CurveVectors.Limbs(k))];
        var results = new JacobianPoint<TF, TCurve>[ks.Length];
        TracedLane<TLane, TF>.ResetTrace();
        BatchScalarMultiplication.MulBatchCt<TF, TracedLane<TLane, TF>, TCurve>(bases, scalars, results);
        var trace = TracedLane<TLane, TF>.Trace;
        // The traced run still computes the right thing.
        for (int i = 0; i < ks.Length; i++)
        {
            ConstantTimeScalarMultiplication.Multiply(bases[i], CurveVectors.Limbs(ks[i]), out var expected);
            Assert.True(JacobianPoint<TF, TCurve>.Equal(expected, results[i]), $"traced lane {i}");
        }
        return trace;
    }

    private static void SameTrace<TF, TLane, TCurve>()
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (!Avx512F.IsSupported) return;
        BigInteger r = TCurve.Decomposition.Order;
        var ones = Enumerable.Repeat(BigInteger.One, 9).ToArray();
        var highs = Enumerable.Range(0, 9).Select(i => r - 1 - i).ToArray();
        BigInteger[] mixed = [0, 1, 2, r - 1, r - 2, r / 2, (BigInteger.One << 200) + 7, r / 3, 12345];
        TraceOf<TF, TLane, TCurve>(ones); // the first run also broadcasts the static curve constants (3b, endomorphism factors)
        var t = TraceOf<TF, TLane, TCurve>(ones);
        Assert.Equal(t, TraceOf<TF, TLane, TCurve>(highs));
        Assert.Equal(t, TraceOf<TF, TLane, TCurve>(mixed));
        Assert.Equal(t, TraceOf<TF, TLane, TCurve>(mixed, identityBase: true));
        // Tampered twin: the trace is sensitive; a batch of 17 points (3 lane groups, public) differs from 9 (2 groups).
        Assert.NotEqual(t, TraceOf<TF, TLane, TCurve>([.. mixed, .. ones.Take(8)]));
    }

    [Fact] public void Bn254G1_batch_runs_the_same_operations_for_every_scalar() => SameTrace<Fp254, Fp254x8, Bn254G1>();
    [Fact] public void Bn254G2_batch_runs_the_same_operations_for_every_scalar() => SameTrace<Fp2<Fp254>, global::PowersOfTau.Crypto.Simd.Fp2x8<Fp254x8, Fp254>, Bn254G2>();
    [Fact] public void Bls12381G1_batch_runs_the_same_operations_for_every_scalar() => SameTrace<Fp381, Fp381x8, Bls12381G1>();
    [Fact] public void Bls12381G2_batch_runs_the_same_operations_for_every_scalar() => SameTrace<Fp2<Fp381>, global::PowersOfTau.Crypto.Simd.Fp2x8<Fp381x8, Fp381>, Bls12381G2>();
}
