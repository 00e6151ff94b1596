using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Simd;

/// <summary>
/// Many independent scalar multiplications r_i = [k_i]P_i by SECRET scalars, eight at a time in the lanes of AVX-512
/// vectors (performance.md §4): the Powers-of-Tau workload (tau^i, alpha·tau^i, ... times distinct points).
/// Constant time per the same rules as <see cref="ConstantTimeScalarMultiplication"/>: each scalar is recoded into
/// <see cref="Windows"/> signed fixed windows of <see cref="Window"/> bits (Booth digits in [-16, 16]), and every lane runs
/// the same fixed sequence of complete projective doublings and additions (<see cref="ProjectivePointX8{TF,TLane,TCurve}"/>);
/// each table lookup scans all 16 entries with per-lane equality masks (no gather, no secret index), signs are applied by
/// masked negation, and the stack temporaries that depend on a scalar are wiped before returning.
/// Where AVX-512F is missing, the overloads fall back to <see cref="ConstantTimeScalarMultiplication"/> point by point.
/// </summary>
public static class BatchScalarMultiplication
{
    /// <summary>Width of the signed fixed windows.</summary>
    public const int Window = 5;

    /// <summary>Number of windows: covers 260 bits, so any scalar below 2^255 (every k &lt; r here) keeps Booth's top bit zero.</summary>
    public const int Windows = 52;

    private const int TableSize = 1 << (Window - 1); // multiples 1..16 of each base
    private const int ScalarLimbs = 4;
    private const int Lanes = 8;

    /// <summary>
    /// results[i] = [scalars[4i..4i+4]] bases[i] for BN254 G1. Scalars are canonical little-endian 4 × ulong each, below r
    /// (they may live in a SecretBuffer). Bases must be in the prime-order subgroup, the identity (0, 0) allowed (decoded
    /// .ptau points are): the 8-lane path does not rely on it, but the scalar fallback's GLV/GLS split does. Results are
    /// Jacobian, canonical coordinates. Constant time in the scalars.
    /// </summary>
    /// <exception cref="ArgumentException">The span lengths disagree, or a scalar is not below r (a caller bug).</exception>
    public static void MulBatchCt(ReadOnlySpan<AffinePoint<Fp254, Bn254G1>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp254, Bn254G1>> results)
    {
        if (Avx512F.IsSupported) MulBatchCt<Fp254, Fp254x8, Bn254G1>(bases, scalars, results);
        else MulEachScalar(bases, scalars, results);
    }

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}})"/>
    public static void MulBatchCt(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp2<Fp254>, Bn254G2>> results)
    {
        if (Avx512F.IsSupported) MulBatchCt<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Bn254G2>(bases, scalars, results);
        else MulEachScalar(bases, scalars, results);
    }

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}})"/>
    public static void MulBatchCt(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp381, Bls12381G1>> results)
    {
        if (Avx512F.IsSupported) MulBatchCt<Fp381, Fp381x8, Bls12381G1>(bases, scalars, results);
        else MulEachScalar(bases, scalars, results);
    }

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}})"/>
    public static void MulBatchCt(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp2<Fp381>, Bls12381G2>> results)
    {
        if (Avx512F.IsSupported) MulBatchCt<Fp2<Fp381>, Fp2x8<Fp381x8, Fp381>, Bls12381G2>(bases, scalars, results);
        else MulEachScalar(bases, scalars, results);
    }

    /// <summary>
    /// The 8-lane kernel behind the overloads, for any (field, lane field, curve) triple; requires AVX-512F.
    /// Same contract as <see cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}})"/>.
    /// A final group of fewer than 8 points is padded with the generator and the scalar 0.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">AVX-512F is not available.</exception>
    public static void MulBatchCt<TF, TLane, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (!Avx512F.IsSupported) throw new PlatformNotSupportedException("the 8-lane scalar multiplication needs AVX-512F; use the MulBatchCt overloads, which fall back to scalar code");
        CheckArguments<TF, TCurve>(bases.Length, scalars, results.Length);

        var table = new ProjectivePointX8<TF, TLane, TCurve>[TableSize]; // multiples of public bases: public data
        Span<AffinePoint<TF, TCurve>> basesGroup = new AffinePoint<TF, TCurve>[Lanes];
        Span<ulong> scalarGroup = stackalloc ulong[Lanes * ScalarLimbs];
        Span<ulong> digits = stackalloc ulong[Windows * Lanes];
        Span<ulong> negative = stackalloc ulong[Windows * Lanes];
        Span<JacobianPoint<TF, TCurve>> resultGroup = new JacobianPoint<TF, TCurve>[Lanes];
        try
        {
            for (int start = 0; start < bases.Length; start += Lanes)
            {
                int count = Math.Min(Lanes, bases.Length - start); // public: depends on the batch size only
                basesGroup.Fill(TCurve.Generator);
                scalarGroup.Clear();
                bases.Slice(start, count).CopyTo(basesGroup);
                scalars.Slice(start * ScalarLimbs, count * ScalarLimbs).CopyTo(scalarGroup);
                Recode(scalarGroup, digits, negative);
                MultiplyGroup(basesGroup, digits, negative, table, resultGroup);
                resultGroup[..count].CopyTo(results.Slice(start, count));
            }
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(scalarGroup));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(digits));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(negative));
            ScrubStack();
        }
    }

    private static void CheckArguments<TF, TCurve>(int count, ReadOnlySpan<ulong> scalars, int resultCount)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (scalars.Length != count * ScalarLimbs) throw new ArgumentException($"expected {count * ScalarLimbs} scalar limbs (4 per base), got {scalars.Length}", nameof(scalars));
        if (resultCount != count) throw new ArgumentException($"expected room for {count} results, got {resultCount}", nameof(resultCount));
        ScalarDecomposition dec = TCurve.Decomposition;
        ulong allReduced = ulong.MaxValue;
        for (int i = 0; i < count; i++) allReduced &= dec.LessThanOrderMask(scalars.Slice(i * ScalarLimbs, ScalarLimbs));
        if (allReduced == 0) throw new ArgumentException("a scalar is not reduced (k >= r)", nameof(scalars)); // reveals one bit for all scalars, like the scalar path
    }

    /// <summary>
    /// Booth recoding of each lane's scalar into signed digits d_i in [-16, 16], k = Σ d_i·32^i:
    /// digits[i·8 + lane] = |d_i|, negative[i·8 + lane] = all-ones when d_i &lt; 0. Bit positions are public; no branch on values.
    /// </summary>
    private static void Recode(ReadOnlySpan<ulong> scalarGroup, Span<ulong> digits, Span<ulong> negative)
    {
        for (int lane = 0; lane < Lanes; lane++)
        {
            ReadOnlySpan<ulong> k = scalarGroup.Slice(lane * ScalarLimbs, ScalarLimbs);
            for (int i = 0; i < Windows; i++)
            {
                ulong raw = Bits6(k, Window * i - 1);                   // bits 5i+4 .. 5i-1
                long d = (long)((raw + 1) >> 1) - (long)((raw >> Window) << Window);
                ulong sign = (ulong)(d >> 63);
                digits[i * Lanes + lane] = ((ulong)d ^ sign) - sign;
                negative[i * Lanes + lane] = sign;
            }
        }
    }

    /// <summary>Bits pos .. pos+5 of k (bits below 0 or above 255 read as zero); pos is public.</summary>
    private static ulong Bits6(ReadOnlySpan<ulong> k, int pos)
    {
        if (pos < 0) return (k[0] << 1) & 0x3F;
        int w = pos >> 6, off = pos & 63;
        ulong v = w < k.Length ? k[w] >> off : 0;
        if (off > 58 && w + 1 < k.Length) v |= k[w + 1] << (64 - off);
        return v & 0x3F;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyGroup<TF, TLane, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> basesGroup, ReadOnlySpan<ulong> digits, ReadOnlySpan<ulong> negative,
        ProjectivePointX8<TF, TLane, TCurve>[] table, Span<JacobianPoint<TF, TCurve>> resultGroup)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ProjectivePointX8<TF, TLane, TCurve> acc = default, selected = default;
        try
        {
            ProjectivePointX8<TF, TLane, TCurve>.FromAffine(basesGroup, out table[0]);
            ProjectivePointX8<TF, TLane, TCurve>.Double(table[0], out table[1]);
            for (int j = 2; j < TableSize; j++) ProjectivePointX8<TF, TLane, TCurve>.Add(table[j - 1], table[0], out table[j]);

            LookUp(table, digits, negative, Windows - 1, out acc);
            for (int i = Windows - 2; i >= 0; i--)
            {
                for (int s = 0; s < Window; s++) ProjectivePointX8<TF, TLane, TCurve>.Double(acc, out acc);
                LookUp(table, digits, negative, i, out selected);
                ProjectivePointX8<TF, TLane, TCurve>.Add(acc, selected, out acc);
            }
            ProjectivePointX8<TF, TLane, TCurve>.ToJacobian(acc, resultGroup);
        }
        finally
        {
            ConstantTime.Wipe(ref acc);
            ConstantTime.Wipe(ref selected);
        }
    }

    /// <summary>
    /// r = sign_i · table[|d_i| - 1] per lane, the identity where d_i = 0: all 16 entries are read and blended with
    /// per-lane equality masks, so the memory access pattern does not depend on the digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LookUp<TF, TLane, TCurve>(ProjectivePointX8<TF, TLane, TCurve>[] table, ReadOnlySpan<ulong> digits, ReadOnlySpan<ulong> negative, int window,
        out ProjectivePointX8<TF, TLane, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Vector512<ulong> d = Vector512.Create(digits.Slice(window * Lanes, Lanes));
        Vector512<ulong> neg = Vector512.Create(negative.Slice(window * Lanes, Lanes));
        r = ProjectivePointX8<TF, TLane, TCurve>.Infinity;
        for (int j = 0; j < TableSize; j++)
        {
            Vector512<ulong> hit = Vector512.Equals(d, Vector512.Create((ulong)(j + 1)));
            ProjectivePointX8<TF, TLane, TCurve>.Select(hit, table[j], r, out r);
        }
        ProjectivePointX8<TF, TLane, TCurve>.ConditionalNegate(neg, ref r);
    }

    private static void MulEachScalar<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        CheckArguments<TF, TCurve>(bases.Length, scalars, results.Length);
        for (int i = 0; i < bases.Length; i++)
            ConstantTimeScalarMultiplication.Multiply(bases[i], scalars.Slice(i * ScalarLimbs, ScalarLimbs), out results[i]);
    }

    /// <summary>Overwrites the stack below this frame, where the field kernels left spilled, scalar-dependent limbs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScrubStack()
    {
        Span<byte> s = stackalloc byte[32768];
        CryptographicOperations.ZeroMemory(s);
    }
}
