using System.Numerics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Curves.Batch;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>
/// The 8-lane AVX-512 batch multiplication against the scalar constant-time one (itself checked against
/// ffjavascript), lane by lane, with edge scalars and identities in some lanes and a partial last batch.
/// </summary>
public sealed class BatchConstantTimeScalarMultiplicationTests
{
    private delegate void BatchMultiply<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>;

    private static void AgreesWithScalarPath<TF, TCurve>(BatchMultiply<TF, TCurve> multiply)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        BigInteger r = TCurve.Decomposition.Order;
        const int n = 19; // two full batches and a tail of three
        var rng = new Random(2024);
        var points = new AffinePoint<TF, TCurve>[n];
        var scalars = new ulong[4 * n];
        var acc = TCurve.Generator.ToJacobian();
        for (int i = 0; i < n; i++)
        {
            VariableTimeScalarMultiplication.MultiplyVartime(acc, 0x9e3779b97f4a7c15UL, out acc);
            points[i] = i == 4 ? AffinePoint<TF, TCurve>.Infinity : acc.ToAffineVartime();
            var b = new byte[40];
            rng.NextBytes(b);
            BigInteger k = i switch { 0 => 0, 1 => 1, 2 => r - 1, 3 => r - 2, 9 => 2, _ => new BigInteger(b, isUnsigned: true) % r };
            CurveVectors.Limbs(k).CopyTo(scalars, 4 * i);
        }
        var batch = new JacobianPoint<TF, TCurve>[n];
        multiply(points, scalars, batch);
        for (int i = 0; i < n; i++)
        {
            ConstantTimeScalarMultiplication.Multiply(points[i], scalars.AsSpan(4 * i, 4), out var expected);
            Assert.True(JacobianPoint<TF, TCurve>.Equal(expected, batch[i]), $"lane {i}");
            Assert.True(batch[i].IsOnCurve());
        }
        // Tampered twin: one scalar changed changes exactly that result.
        scalars[4 * 5] ^= 2;
        var changed = new JacobianPoint<TF, TCurve>[n];
        multiply(points, scalars, changed);
        for (int i = 0; i < n; i++) Assert.Equal(i != 5, JacobianPoint<TF, TCurve>.Equal(batch[i], changed[i]));
        // Unreduced scalar refused.
        CurveVectors.Limbs(r).CopyTo(scalars, 4 * 7);
        Assert.Throws<ArgumentException>(() => multiply(points, scalars, changed));
    }

    [Fact]
    public void Bn254G1_batch_agrees_with_the_scalar_path() =>
        AgreesWithScalarPath<Fp254, Bn254G1>(BatchConstantTimeScalarMultiplication.MultiplyG1<Fp254x8, Fp254, Bn254G1>);

    [Fact]
    public void Bls12381G1_batch_agrees_with_the_scalar_path() =>
        AgreesWithScalarPath<Fp381, Bls12381G1>(BatchConstantTimeScalarMultiplication.MultiplyG1<Fp381x8, Fp381, Bls12381G1>);

    [Fact]
    public void Bn254G2_batch_agrees_with_the_scalar_path() =>
        AgreesWithScalarPath<Fp2<Fp254>, Bn254G2>(BatchConstantTimeScalarMultiplication.MultiplyG2<Fp254x8, Fp254, Bn254G2>);

    [Fact]
    public void Bls12381G2_batch_agrees_with_the_scalar_path() =>
        AgreesWithScalarPath<Fp2<Fp381>, Bls12381G2>(BatchConstantTimeScalarMultiplication.MultiplyG2<Fp381x8, Fp381, Bls12381G2>);

    [Fact]
    public void G2_is_refused_by_the_G1_entry_point()
    {
        if (!Fp381x8.IsSupported) return; // the scalar fallback serves any group
        var pts = new[] { Bls12381G2.Generator };
        var res = new JacobianPoint<Fp2<Fp381>, Bls12381G2>[1];
        Assert.Throws<ArgumentException>(() =>
            BatchConstantTimeScalarMultiplication.MultiplyG1<Fp2x8<Fp381x8, Fp381>, Fp2<Fp381>, Bls12381G2>(pts, new ulong[4], res));
    }
}
