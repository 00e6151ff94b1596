using System.Numerics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>
/// STYLE.md habit 3: the constant-time scalar multiplication performs the same sequence of field operations
/// (recorded by <see cref="Traced{TF}"/>) for the scalars 0, 1, 2, r−1, r−2 and random ones, on every group,
/// and still computes the right point.
/// </summary>
public sealed class ConstantTimeTraceTests
{
    private static void SameTrace<TF, TCurve>() where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>
    {
        BigInteger r = TCurve.Decomposition.Order;
        var rng = new Random(7);
        var scalars = new List<BigInteger> { 0, 1, 2, r - 1, r - 2, BigInteger.One << 100 };
        for (int i = 0; i < 4; i++)
        {
            var b = new byte[40];
            rng.NextBytes(b);
            scalars.Add(new BigInteger(b, isUnsigned: true) % r);
        }
        var p = TracedCurve<TF, TCurve>.Generator;
        (long, ulong)? first = null;
        foreach (var k in scalars)
        {
            var limbs = CurveVectors.Limbs(k);
            Traced<TF>.ResetTrace();
            ConstantTimeScalarMultiplication.Multiply(p, limbs, out var traced);
            var trace = Traced<TF>.Trace;
            first ??= trace;
            Assert.Equal(first.Value, trace);
            Assert.True(trace.Count > 1000);

            VariableTimeScalarMultiplication.MultiplyVartime(TCurve.Generator.ToJacobian(), limbs, out var expected);
            var t = traced.ToAffineVartime();
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(new AffinePoint<TF, TCurve>(t.X.V, t.Y.V), expected.ToAffineVartime()) != 0);
        }
    }

    [Fact] public void Bn254G1_same_operation_sequence_for_every_scalar() => SameTrace<Fp254, Bn254G1>();
    [Fact] public void Bn254G2_same_operation_sequence_for_every_scalar() => SameTrace<Fp2<Fp254>, Bn254G2>();
    [Fact] public void Bls12381G1_same_operation_sequence_for_every_scalar() => SameTrace<Fp381, Bls12381G1>();
    [Fact] public void Bls12381G2_same_operation_sequence_for_every_scalar() => SameTrace<Fp2<Fp381>, Bls12381G2>();

    private delegate void BatchMultiply<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>;

    /// <summary>The 8-lane path: the same operation sequence for a batch of edge scalars and for random batches.</summary>
    private static void SameBatchTrace<TF, TCurve>(BatchMultiply<TF, TCurve> multiply, Func<(long, ulong)> trace, Action reset)
        where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>
    {
        BigInteger r = TCurve.Decomposition.Order;
        var rng = new Random(11);
        var points = Enumerable.Repeat(TCurve.Generator, 8).ToArray();
        var results = new JacobianPoint<TF, TCurve>[8];
        (long, ulong)? first = null;
        for (int round = 0; round < 3; round++)
        {
            var scalars = new ulong[32];
            for (int lane = 0; lane < 8; lane++)
            {
                var b = new byte[40];
                rng.NextBytes(b);
                BigInteger k = round == 0 ? new BigInteger[] { 0, 1, 2, r - 1, r - 2, 3, r / 2, 5 }[lane] : new BigInteger(b, isUnsigned: true) % r;
                CurveVectors.Limbs(k).CopyTo(scalars, 4 * lane);
            }
            reset();
            multiply(points, scalars, results);
            var t = trace();
            first ??= t;
            Assert.Equal(first.Value, t);
            Assert.True(t.Item1 > 1000);
        }
    }

    [Fact]
    public void Batch_Bls12381G1_same_operation_sequence_for_every_scalar()
    {
        if (!Fp381x8.IsSupported) return; // the scalar fallback is covered above
        SameBatchTrace<Fp381, Bls12381G1>(
            PowersOfTau.Crypto.Curves.Batch.BatchConstantTimeScalarMultiplication.MultiplyG1<TracedX8<Fp381x8, Fp381>, Fp381, Bls12381G1>,
            () => TracedX8<Fp381x8, Fp381>.Trace, TracedX8<Fp381x8, Fp381>.ResetTrace);
    }

    [Fact]
    public void Batch_Bn254G2_same_operation_sequence_for_every_scalar()
    {
        if (!Fp254x8.IsSupported) return;
        SameBatchTrace<Fp2<Fp254>, Bn254G2>(
            PowersOfTau.Crypto.Curves.Batch.BatchConstantTimeScalarMultiplication.MultiplyG2<TracedX8<Fp254x8, Fp254>, Fp254, Bn254G2>,
            () => TracedX8<Fp254x8, Fp254>.Trace, TracedX8<Fp254x8, Fp254>.ResetTrace);
    }

    [Fact]
    public void The_trace_detects_a_data_dependent_branch()
    {
        // Tampered twin: the variable-time wNAF must NOT give equal traces for 1 and r−1.
        BigInteger r = Bn254G1.Decomposition.Order;
        var p = TracedCurve<Fp254, Bn254G1>.Generator.ToJacobian();
        Traced<Fp254>.ResetTrace();
        VariableTimeScalarMultiplication.MultiplyVartime(p, CurveVectors.Limbs(1), out _);
        var t1 = Traced<Fp254>.Trace;
        Traced<Fp254>.ResetTrace();
        VariableTimeScalarMultiplication.MultiplyVartime(p, CurveVectors.Limbs(r - 1), out _);
        Assert.NotEqual(t1, Traced<Fp254>.Trace);
    }
}
