using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// The batched point inverse FFT of prepare phase2 against the reference transform (Crypto's Radix2Fft with the
/// per-butterfly variable-time multiplication, itself checked against ffjavascript), on points [k]G with an identity among them.
/// </summary>
public sealed class PointInverseFftTests
{
    private static AffinePoint<TF, TCurve>[] Inputs<TF, TCurve>(int n, ulong salt)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var points = new AffinePoint<TF, TCurve>[n];
        for (int i = 0; i < n; i++)
        {
            VariableTimeScalarMultiplication.MultiplyVartime(TCurve.Generator.ToJacobian(), (ulong)(i * 7919 + 3) * salt, out var p);
            points[i] = p.ToAffineVartime();
        }
        if (n > 2) points[n / 2 + 1] = default;   // the identity (a missing last tauG1 point)
        return points;
    }

    private static AffinePoint<TF, TCurve>[] Reference<TF, TCurve, TFr>(AffinePoint<TF, TCurve>[] input)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TFr : unmanaged, IPrimeField<TFr>
    {
        var jacobian = input.Select(p => p.ToJacobian()).ToArray();
        Radix2Fft.Inverse<JacobianPoint<TF, TCurve>, TFr, JacobianPointFftGroup<TF, TCurve, TFr>>(jacobian);
        var result = new AffinePoint<TF, TCurve>[input.Length];
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(jacobian, result);
        return result;
    }

    private static void Check<TF, TCurve, TFr>(int n)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TFr : unmanaged, IPrimeField<TFr>
    {
        var input = Inputs<TF, TCurve>(n, 1);
        var expected = Reference<TF, TCurve, TFr>(input);
        var actual = new AffinePoint<TF, TCurve>[n];
        PointInverseFft<TF, TCurve, TFr>.Inverse(input, actual);
        for (int i = 0; i < n; i++) Assert.True(AffinePoint<TF, TCurve>.EqualMask(expected[i], actual[i]) != 0, $"{TCurve.Name} n={n} index {i}");

        // Tampered twin: one changed input changes the output.
        input[n - 1] = TCurve.Generator;
        var tampered = new AffinePoint<TF, TCurve>[n];
        PointInverseFft<TF, TCurve, TFr>.Inverse(input, tampered);
        Assert.Contains(Enumerable.Range(0, n), i => AffinePoint<TF, TCurve>.EqualMask(expected[i], tampered[i]) == 0);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    public void Bn254_matches_the_reference_transform(int n)
    {
        Check<Fp254, Bn254G1, Fr254>(n);
        Check<Fp2<Fp254>, Bn254G2, Fr254>(n);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(32)]
    public void Bls12381_matches_the_reference_transform(int n)
    {
        Check<Fp381, Bls12381G1, Fr381>(n);
        Check<Fp2<Fp381>, Bls12381G2, Fr381>(n);
    }
}
