using System.Numerics;
using System.Runtime.Intrinsics.X86;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Curves.Batch;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;
using PowersOfTau.Crypto.Tests.Curves;
using Xunit;

namespace PowersOfTau.Crypto.Tests.Simd;

/// <summary>
/// Differential check between the two independently written 8-lane batch multiplications: this room's
/// <see cref="BatchScalarMultiplication"/> (radix 2^29 lanes of PowersOfTau.Crypto.Simd) and the curves room's
/// <see cref="BatchConstantTimeScalarMultiplication"/> (over the Fields room's lane types), on the same random
/// subgroup points and scalars, including the edge scalars 0, 1, r-1, r-2.
/// </summary>
public sealed class CrossImplementationTests
{
    private static (AffinePoint<TF, TCurve>[] Bases, ulong[] Scalars) Inputs<TF, TCurve>(int seed)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        BigInteger r = TCurve.Decomposition.Order;
        var rng = new Random(seed);
        BigInteger Next() { var b = new byte[40]; rng.NextBytes(b); return new BigInteger(b, isUnsigned: true) % r; }
        var bases = Enumerable.Range(0, 19).Select(_ =>
        {
            ConstantTimeScalarMultiplication.Multiply(TCurve.Generator, CurveVectors.Limbs(Next()), out var j);
            return j.ToAffine();
        }).ToArray();
        bases[6] = AffinePoint<TF, TCurve>.Infinity;
        var ks = Enumerable.Range(0, 19).Select(_ => Next()).ToArray();
        ks[0] = 0; ks[1] = 1; ks[2] = r - 1; ks[3] = r - 2;
        return (bases, [.. ks.SelectMany(k => CurveVectors.Limbs(k))]);
    }

    private static void Same<TF, TCurve>(JacobianPoint<TF, TCurve>[] a, JacobianPoint<TF, TCurve>[] b)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        for (int i = 0; i < a.Length; i++) Assert.True(JacobianPoint<TF, TCurve>.Equal(a[i], b[i]), $"point {i}");
        Assert.False(JacobianPoint<TF, TCurve>.Equal(a[4], b[5]), "distinct points compare unequal");
    }

    [Fact]
    public void Bn254G1_both_batch_implementations_agree()
    {
        if (!Avx512F.IsSupported) return;
        var (bases, ks) = Inputs<Fp254, Bn254G1>(1);
        var mine = new JacobianPoint<Fp254, Bn254G1>[bases.Length];
        var theirs = new JacobianPoint<Fp254, Bn254G1>[bases.Length];
        BatchScalarMultiplication.MulBatchCt(bases, ks, mine);
        BatchConstantTimeScalarMultiplication.MultiplyG1<PowersOfTau.Crypto.Fields.Fp254x8, Fp254, Bn254G1>(bases, ks, theirs);
        Same(mine, theirs);
    }

    [Fact]
    public void Bn254G2_both_batch_implementations_agree()
    {
        if (!Avx512F.IsSupported) return;
        var (bases, ks) = Inputs<Fp2<Fp254>, Bn254G2>(2);
        var mine = new JacobianPoint<Fp2<Fp254>, Bn254G2>[bases.Length];
        var theirs = new JacobianPoint<Fp2<Fp254>, Bn254G2>[bases.Length];
        BatchScalarMultiplication.MulBatchCt(bases, ks, mine);
        BatchConstantTimeScalarMultiplication.MultiplyG2<PowersOfTau.Crypto.Fields.Fp254x8, Fp254, Bn254G2>(bases, ks, theirs);
        Same(mine, theirs);
    }

    [Fact]
    public void Bls12381G1_both_batch_implementations_agree()
    {
        if (!Avx512F.IsSupported) return;
        var (bases, ks) = Inputs<Fp381, Bls12381G1>(3);
        var mine = new JacobianPoint<Fp381, Bls12381G1>[bases.Length];
        var theirs = new JacobianPoint<Fp381, Bls12381G1>[bases.Length];
        BatchScalarMultiplication.MulBatchCt(bases, ks, mine);
        BatchConstantTimeScalarMultiplication.MultiplyG1<PowersOfTau.Crypto.Fields.Fp381x8, Fp381, Bls12381G1>(bases, ks, theirs);
        Same(mine, theirs);
    }

    [Fact]
    public void Bls12381G2_both_batch_implementations_agree()
    {
        if (!Avx512F.IsSupported) return;
        var (bases, ks) = Inputs<Fp2<Fp381>, Bls12381G2>(4);
        var mine = new JacobianPoint<Fp2<Fp381>, Bls12381G2>[bases.Length];
        var theirs = new JacobianPoint<Fp2<Fp381>, Bls12381G2>[bases.Length];
        BatchScalarMultiplication.MulBatchCt(bases, ks, mine);
        BatchConstantTimeScalarMultiplication.MultiplyG2<PowersOfTau.Crypto.Fields.Fp381x8, Fp381, Bls12381G2>(bases, ks, theirs);
        Same(mine, theirs);
    }
}
