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
/// The algorithm is that of <see cref="ConstantTimeScalarMultiplication"/>, run in 8 lanes: each scalar is split with the
/// curve's endomorphism (<see cref="ICurve{TF,TSelf}.Decomposition"/>: GLV 2 × ~128 bits on G1, GLS 4 × ~64 bits on G2),
/// each part is recoded into signed fixed windows of <see cref="Window"/> bits (Booth digits in [-16, 16]), and every lane
/// runs the same fixed sequence of complete projective doublings and additions (<see cref="ProjectivePointX8{TF,TLane,TCurve}"/>).
/// Each table lookup scans all 16 entries with per-lane equality masks (no gather, no secret index); the digit's sign and
/// the part's sign are applied together by a masked negation, so the tables hold only public multiples of the public bases.
/// Stack temporaries that depend on a scalar (parts, digits, signs, accumulators, the field kernels' spills) are wiped.
/// Where AVX-512F is missing, the overloads fall back to <see cref="ConstantTimeScalarMultiplication"/> point by point.
/// </summary>
public static class BatchScalarMultiplication
{
    /// <summary>Width of the signed fixed windows.</summary>
    public const int Window = 5;

    private const int TableSize = 1 << (Window - 1); // multiples 1..16 of each base
    private const int ScalarLimbs = 4;
    private const int MaxDimension = 4;
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
    /// The same as the single-threaded overload for this group, split into up to <paramref name="degreeOfParallelism"/>
    /// contiguous slices (whole groups of 8 points) run on thread-pool threads. Each worker wipes its own temporaries.
    /// The caller's memory (for example a SecretBuffer holding the scalars) must stay valid and unmoved for the call,
    /// which is the case for native memory and, inside this method, for pinned managed memory.
    /// </summary>
    /// <exception cref="ArgumentException">The span lengths disagree, or a scalar is not below r.</exception>
    /// <exception cref="ArgumentOutOfRangeException">degreeOfParallelism is below 1.</exception>
    public static unsafe void MulBatchCt(ReadOnlySpan<AffinePoint<Fp254, Bn254G1>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp254, Bn254G1>> results, int degreeOfParallelism) =>
        Parallelize(bases, scalars, results, degreeOfParallelism, &MulBatchCt);

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}}, int)"/>
    public static unsafe void MulBatchCt(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp2<Fp254>, Bn254G2>> results, int degreeOfParallelism) =>
        Parallelize(bases, scalars, results, degreeOfParallelism, &MulBatchCt);

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}}, int)"/>
    public static unsafe void MulBatchCt(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp381, Bls12381G1>> results, int degreeOfParallelism) =>
        Parallelize(bases, scalars, results, degreeOfParallelism, &MulBatchCt);

    /// <inheritdoc cref="MulBatchCt(ReadOnlySpan{AffinePoint{Fp254, Bn254G1}}, ReadOnlySpan{ulong}, Span{JacobianPoint{Fp254, Bn254G1}}, int)"/>
    public static unsafe void MulBatchCt(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp2<Fp381>, Bls12381G2>> results, int degreeOfParallelism) =>
        Parallelize(bases, scalars, results, degreeOfParallelism, &MulBatchCt);

    private static unsafe void Parallelize<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results, int degreeOfParallelism,
        delegate*<ReadOnlySpan<AffinePoint<TF, TCurve>>, ReadOnlySpan<ulong>, Span<JacobianPoint<TF, TCurve>>, void> kernel)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreeOfParallelism, 1);
        CheckArguments<TF, TCurve>(bases.Length, scalars, results.Length);
        int groups = (bases.Length + Lanes - 1) / Lanes;
        int slices = Math.Min(degreeOfParallelism, groups);
        if (slices <= 1)
        {
            kernel(bases, scalars, results);
            return;
        }
        int groupsPerSlice = (groups + slices - 1) / slices;
        int count = bases.Length;
        fixed (AffinePoint<TF, TCurve>* pb = bases)
        fixed (ulong* pk = scalars)
        fixed (JacobianPoint<TF, TCurve>* pr = results)
        {
            nint b = (nint)pb, k = (nint)pk, r = (nint)pr;
            Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
            {
                int start = slice * groupsPerSlice * Lanes;
                int n = Math.Min(groupsPerSlice * Lanes, count - start);
                if (n <= 0) return; // public: depends on the batch size only
                kernel(new ReadOnlySpan<AffinePoint<TF, TCurve>>((AffinePoint<TF, TCurve>*)b + start, n),
                    new ReadOnlySpan<ulong>((ulong*)k + (start * ScalarLimbs), n * ScalarLimbs),
                    new Span<JacobianPoint<TF, TCurve>>((JacobianPoint<TF, TCurve>*)r + start, n));
            });
        }
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

        ScalarDecomposition dec = TCurve.Decomposition;
        int dimension = dec.Dimension;
        int windows = WindowCount(dec);
        // Multiples 1..16 of the public bases and their endomorphism images: public data, so the heap is fine.
        var tables = new ProjectivePointX8<TF, TLane, TCurve>[dimension * TableSize];
        Span<AffinePoint<TF, TCurve>> basesGroup = new AffinePoint<TF, TCurve>[Lanes];
        Span<ulong> scalarGroup = stackalloc ulong[Lanes * ScalarLimbs];
        Span<ulong> parts = stackalloc ulong[MaxDimension * ScalarLimbs];
        Span<ulong> partNegative = stackalloc ulong[MaxDimension];
        Span<ulong> digits = stackalloc ulong[MaxDimension * windows * Lanes];
        Span<ulong> negative = stackalloc ulong[MaxDimension * windows * Lanes];
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
                Recode(dec, windows, scalarGroup, parts, partNegative, digits, negative);
                MultiplyGroup(basesGroup, dimension, windows, digits, negative, tables, resultGroup);
                resultGroup[..count].CopyTo(results.Slice(start, count));
            }
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(scalarGroup));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(parts));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(partNegative));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(digits));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(negative));
            ScrubStack<TLane>();
        }
    }

    /// <summary>Windows per part: PartBits + 1 bits, so that Booth's top bit is zero.</summary>
    private static int WindowCount(ScalarDecomposition dec) => (dec.PartBits + 1 + Window - 1) / Window;

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
    /// Splits each lane's scalar into parts (k ≡ Σ ±k_i·λ^i mod r) and recodes each part into signed Booth digits d in
    /// [-16, 16], k_i = Σ d_w·32^w: digits[((i·windows) + w)·8 + lane] = |d_w|, negative[...] = all-ones when the digit's sign
    /// times the part's sign is negative. Bit positions are public; no branch on values.
    /// </summary>
    private static void Recode(ScalarDecomposition dec, int windows, ReadOnlySpan<ulong> scalarGroup, Span<ulong> parts, Span<ulong> partNegative,
        Span<ulong> digits, Span<ulong> negative)
    {
        int dimension = dec.Dimension;
        for (int lane = 0; lane < Lanes; lane++)
        {
            dec.Decompose(scalarGroup.Slice(lane * ScalarLimbs, ScalarLimbs), parts, partNegative);
            for (int i = 0; i < dimension; i++)
            {
                ReadOnlySpan<ulong> part = parts.Slice(i * ScalarLimbs, ScalarLimbs);
                for (int w = 0; w < windows; w++)
                {
                    ulong raw = Bits6(part, Window * w - 1);                   // bits 5w+4 .. 5w-1
                    long d = (long)((raw + 1) >> 1) - (long)((raw >> Window) << Window);
                    ulong sign = (ulong)(d >> 63);
                    int at = ((i * windows) + w) * Lanes + lane;
                    digits[at] = ((ulong)d ^ sign) - sign;
                    negative[at] = sign ^ partNegative[i];
                }
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
    private static void MultiplyGroup<TF, TLane, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> basesGroup, int dimension, int windows,
        ReadOnlySpan<ulong> digits, ReadOnlySpan<ulong> negative, ProjectivePointX8<TF, TLane, TCurve>[] tables, Span<JacobianPoint<TF, TCurve>> resultGroup)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ProjectivePointX8<TF, TLane, TCurve> acc = ProjectivePointX8<TF, TLane, TCurve>.Infinity, selected = default;
        try
        {
            ProjectivePointX8<TF, TLane, TCurve>.FromAffine(basesGroup, out tables[0]);
            ProjectivePointX8<TF, TLane, TCurve>.Double(tables[0], out tables[1]);
            for (int j = 2; j < TableSize; j++) ProjectivePointX8<TF, TLane, TCurve>.Add(tables[j - 1], tables[0], out tables[j]);
            for (int i = 1; i < dimension; i++)
                for (int j = 0; j < TableSize; j++)
                    ProjectivePointX8<TF, TLane, TCurve>.Endomorphism(tables[(i - 1) * TableSize + j], out tables[i * TableSize + j]);

            for (int w = windows - 1; w >= 0; w--)
            {
                if (w != windows - 1)
                    for (int s = 0; s < Window; s++) ProjectivePointX8<TF, TLane, TCurve>.Double(acc, out acc);
                for (int i = 0; i < dimension; i++)
                {
                    LookUp(tables.AsSpan(i * TableSize, TableSize), digits, negative, (i * windows) + w, out selected);
                    ProjectivePointX8<TF, TLane, TCurve>.Add(acc, selected, out acc);
                }
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
    private static void LookUp<TF, TLane, TCurve>(ReadOnlySpan<ProjectivePointX8<TF, TLane, TCurve>> table, ReadOnlySpan<ulong> digits, ReadOnlySpan<ulong> negative, int window,
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

    /// <summary>The fallback without AVX-512F: the scalar constant-time multiplication, point by point (internal for tests).</summary>
    internal static void MulEachScalar<TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> bases, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        CheckArguments<TF, TCurve>(bases.Length, scalars, results.Length);
        for (int i = 0; i < bases.Length; i++)
            ConstantTimeScalarMultiplication.Multiply(bases[i], scalars.Slice(i * ScalarLimbs, ScalarLimbs), out results[i]);
    }

    /// <summary>
    /// Overwrites the stack below the caller's frame, where <c>MultiplyGroup</c> and the point and field kernels it called kept
    /// scalar-dependent temporaries. The deepest chain is MultiplyGroup, the point addition (about 40 field elements of
    /// locals), Fp2 and Fp multiplication: for BLS12-381 G2 the JIT's frames are 15.5 + 70.9 + 5.4 + ~2 KiB ≈ 94 KiB, and
    /// proportionally less for the other groups; 64 field elements plus 16 KiB (128 KiB there) leaves a margin.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScrubStack<TLane>() where TLane : unmanaged
    {
        Span<byte> s = stackalloc byte[64 * Unsafe.SizeOf<TLane>() + 16384];
        CryptographicOperations.ZeroMemory(s);
    }
}
