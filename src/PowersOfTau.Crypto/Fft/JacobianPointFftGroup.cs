using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Fft;

/// <summary>
/// Curve points (Jacobian) as an FFT group over the scalar field <typeparamref name="TFr"/>: the transform
/// behind snarkjs <c>G1.ifft</c> / <c>G2.ifft</c> in prepare phase2 (spec/ptau.md §10), e.g.
/// <c>Radix2Fft.Inverse&lt;JacobianPoint&lt;Fp254, Bn254G1&gt;, Fr254, JacobianPointFftGroup&lt;Fp254, Bn254G1, Fr254&gt;&gt;(points)</c>
/// followed by <c>JacobianPoint.BatchToAffineVartime</c>. Variable time (wNAF, branching additions):
/// the points of a .ptau are public. Each butterfly costs one scalar multiplication, so the stages go
/// parallel from a few dozen butterflies.
/// </summary>
public readonly struct JacobianPointFftGroup<TF, TCurve, TFr> : IFftGroup<JacobianPoint<TF, TCurve>, TFr>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
    where TFr : unmanaged, IPrimeField<TFr>
{
    /// <inheritdoc />
    public static void Add(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b, out JacobianPoint<TF, TCurve> r) =>
        JacobianPoint<TF, TCurve>.AddVartime(a, b, out r);

    /// <inheritdoc />
    public static void Sub(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b, out JacobianPoint<TF, TCurve> r)
    {
        JacobianPoint<TF, TCurve>.Negate(b, out var negated);
        JacobianPoint<TF, TCurve>.AddVartime(a, negated, out r);
    }

    /// <inheritdoc />
    public static void MulByScalar(in JacobianPoint<TF, TCurve> a, in TFr s, out JacobianPoint<TF, TCurve> r)
    {
        Span<ulong> limbs = stackalloc ulong[TFr.LimbCount];
        TFr.ToCanonicalLimbs(s, limbs);
        VariableTimeScalarMultiplication.MultiplyVartime(a, limbs, out r);
    }

    /// <inheritdoc />
    public static int ParallelMinButterflies => 16;
}
