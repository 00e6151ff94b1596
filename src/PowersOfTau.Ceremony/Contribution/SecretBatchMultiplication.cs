using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;

namespace PowersOfTau.Ceremony.Contribution;

/// <summary>
/// The generic face of <see cref="BatchScalarMultiplication.MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}}, int)"/>:
/// its overloads are per group, the contribution engine is generic over the group. The dispatch is on the type
/// arguments (public), and is folded away by the JIT for each instantiation.
/// </summary>
internal static class SecretBatchMultiplication
{
    /// <summary>
    /// results[i] = [scalars[4i..4i+4]] bases[i], constant time in the scalars (8 AVX-512 lanes per instruction stream,
    /// or the scalar constant-time path without AVX-512), split over <paramref name="degreeOfParallelism"/> threads.
    /// Bases in the prime-order subgroup (or the identity); scalars canonical, 4 little-endian limbs each.
    /// </summary>
    public static void Multiply<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars,
        Span<JacobianPoint<TF, TCurve>> results, int degreeOfParallelism)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (typeof(TCurve) == typeof(Bn254G1))
            BatchScalarMultiplication.MulBatchCt(Reinterpret<AffinePoint<TF, TCurve>, AffinePoint<Fp254, Bn254G1>>(bases), scalars,
                Reinterpret<JacobianPoint<TF, TCurve>, JacobianPoint<Fp254, Bn254G1>>(results), degreeOfParallelism);
        else if (typeof(TCurve) == typeof(Bn254G2))
            BatchScalarMultiplication.MulBatchCt(Reinterpret<AffinePoint<TF, TCurve>, AffinePoint<Fp2<Fp254>, Bn254G2>>(bases), scalars,
                Reinterpret<JacobianPoint<TF, TCurve>, JacobianPoint<Fp2<Fp254>, Bn254G2>>(results), degreeOfParallelism);
        else if (typeof(TCurve) == typeof(Bls12381G1))
            BatchScalarMultiplication.MulBatchCt(Reinterpret<AffinePoint<TF, TCurve>, AffinePoint<Fp381, Bls12381G1>>(bases), scalars,
                Reinterpret<JacobianPoint<TF, TCurve>, JacobianPoint<Fp381, Bls12381G1>>(results), degreeOfParallelism);
        else if (typeof(TCurve) == typeof(Bls12381G2))
            BatchScalarMultiplication.MulBatchCt(Reinterpret<AffinePoint<TF, TCurve>, AffinePoint<Fp2<Fp381>, Bls12381G2>>(bases), scalars,
                Reinterpret<JacobianPoint<TF, TCurve>, JacobianPoint<Fp2<Fp381>, Bls12381G2>>(results), degreeOfParallelism);
        else
            throw new NotSupportedException($"no batch scalar multiplication for {TCurve.Name}");
    }

    /// <summary>
    /// Constant-time batch normalisation (<see cref="JacobianPoint{TF,TCurve}.BatchToAffine"/>: Montgomery's trick
    /// with one constant-time inversion per slice), one slice per core; slice bounds depend only on the count.
    /// </summary>
    public static unsafe void ToAffine<TF, TCurve>(Span<JacobianPoint<TF, TCurve>> src, Span<AffinePoint<TF, TCurve>> dst, int cores)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int count = src.Length;
        int slices = Math.Max(1, Math.Min(cores, count / 256));
        fixed (JacobianPoint<TF, TCurve>* ps = src)
        fixed (AffinePoint<TF, TCurve>* pd = dst)
        {
            nint s = (nint)ps, d = (nint)pd;
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
            {
                int from = (int)((long)count * slice / slices), to = (int)((long)count * (slice + 1) / slices);
                JacobianPoint<TF, TCurve>.BatchToAffine(new ReadOnlySpan<JacobianPoint<TF, TCurve>>((JacobianPoint<TF, TCurve>*)s + from, to - from),
                    new Span<AffinePoint<TF, TCurve>>((AffinePoint<TF, TCurve>*)d + from, to - from));
            });
        }
    }

    // The source and target types are the same instantiation (checked by the typeof tests above).
    private static ReadOnlySpan<TTo> Reinterpret<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : struct where TTo : struct =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);

    private static Span<TTo> Reinterpret<TFrom, TTo>(Span<TFrom> span) where TFrom : struct where TTo : struct =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<TFrom, TTo>(ref MemoryMarshal.GetReference(span)), span.Length);
}
