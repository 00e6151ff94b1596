using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// Curve points in Jacobian form as an FFT group over the scalar field (snarkjs <c>G1.ifft</c> /
/// <c>G2.ifft</c>): variable-time addition and scalar multiplication, for public points only (prepare phase2).
/// </summary>
internal readonly struct JacobianFftGroup<TF, TCurve, TFr> : IFftGroup<JacobianPoint<TF, TCurve>, TFr>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
    where TFr : unmanaged, IPrimeField<TFr>
{
    public static void Add(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b, out JacobianPoint<TF, TCurve> r) =>
        JacobianPoint<TF, TCurve>.AddVartime(a, b, out r);

    public static void Sub(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b, out JacobianPoint<TF, TCurve> r)
    {
        JacobianPoint<TF, TCurve>.Negate(b, out var negated);
        JacobianPoint<TF, TCurve>.AddVartime(a, negated, out r);
    }

    public static void MulByScalar(in JacobianPoint<TF, TCurve> a, in TFr s, out JacobianPoint<TF, TCurve> r)
    {
        Span<ulong> limbs = stackalloc ulong[TFr.LimbCount];
        TFr.ToCanonicalLimbs(s, limbs);
        VariableTimeScalarMultiplication.MultiplyVartime(a, limbs, out r);
    }

    public static int ParallelMinButterflies => 32;
}
