using System.Numerics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Fft;

/// <summary>
/// In-place radix-2 FFT over the multiplicative subgroup of order n = 2^k of a scalar field, with the
/// roots ffjavascript 0.3.1 uses (<see cref="RootsOfUnity{TFr}"/>), so results equal its
/// <c>Fr.fft</c> / <c>Fr.ifft</c> (and, with a point <see cref="IFftGroup{TElement,TScalar}"/>,
/// <c>G1.ifft</c> / <c>G2.ifft</c>) value for value:
/// <list type="bullet">
/// <item><see cref="Forward{TFr}"/>: out_i = Σ_j ω^(i·j)·in_j, ω = w[k] (natural order in and out).</item>
/// <item><see cref="Inverse{TFr}"/>: out_i = n⁻¹·Σ_j ω^(−i·j)·in_j. ffjavascript computes it as the forward
/// transform followed by "fftFinal" (multiply by n⁻¹ and swap entries i and n−i); this does the same.</item>
/// </list>
/// Iterative Cooley-Tukey (bit-reversal permutation, then log2 n butterfly stages); stages with at least
/// <c>TGroup.ParallelMinButterflies</c> butterflies are split over all cores. Variable time: for public
/// data only (verify, prepare phase2). Sizes up to 2^s (s = 28 bn128, 32 bls12381); snarkjs's extra
/// 2^(s+1) coset-split case is not implemented (it throws).
/// </summary>
public static class Radix2Fft
{
    /// <summary>ffjavascript <c>Fr.fft</c> in place. <paramref name="values"/>.Length must be a power of two.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two or exceeds 2^s.</exception>
    public static void Forward<TFr>(Span<TFr> values) where TFr : unmanaged, IPrimeField<TFr> =>
        Forward<TFr, TFr, ScalarFieldFftGroup<TFr>>(values);

    /// <summary>ffjavascript <c>Fr.ifft</c> in place. <paramref name="values"/>.Length must be a power of two.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two or exceeds 2^s.</exception>
    public static void Inverse<TFr>(Span<TFr> values) where TFr : unmanaged, IPrimeField<TFr> =>
        Inverse<TFr, TFr, ScalarFieldFftGroup<TFr>>(values);

    /// <summary>Forward transform of group elements (out_i = Σ_j ω^(i·j)·in_j), in place.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two or exceeds 2^s.</exception>
    public static void Forward<TElement, TScalar, TGroup>(Span<TElement> values)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        int log2 = CheckSize<TScalar>(values.Length);
        if (log2 == 0) return;
        BitReverse(values, log2);
        var roots = RootTable<TScalar>(log2);
        Butterflies<TElement, TScalar, TGroup>(values, log2, roots);
    }

    /// <summary>Inverse transform of group elements (out_i = n⁻¹·Σ_j ω^(−i·j)·in_j), in place.</summary>
    /// <exception cref="ArgumentException">The length is not a power of two or exceeds 2^s.</exception>
    public static void Inverse<TElement, TScalar, TGroup>(Span<TElement> values)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        Forward<TElement, TScalar, TGroup>(values);
        int n = values.Length;
        // Σ_j ω^(i·j) at index n−i is Σ_j ω^(−i·j): reverse entries 1..n−1, then scale by 1/n.
        values[1..].Reverse();
        TScalar.InverseVartime(TScalar.FromUInt64((ulong)n), out var nInverse);
        Scale<TElement, TScalar, TGroup>(values, nInverse);
    }

    private static int CheckSize<TScalar>(int n) where TScalar : unmanaged, IPrimeField<TScalar>
    {
        if (n <= 0 || !BitOperations.IsPow2(n))
            throw new ArgumentException($"FFT size must be a power of two, got {n}.", "values");
        int log2 = BitOperations.Log2((uint)n);
        if (log2 > RootsOfUnity<TScalar>.TwoAdicity)
            throw new ArgumentException($"FFT size 2^{log2} exceeds the field's 2^{RootsOfUnity<TScalar>.TwoAdicity} roots of unity.", "values");
        return log2;
    }

    private static void BitReverse<TElement>(Span<TElement> values, int log2) where TElement : unmanaged
    {
        int shift = 32 - log2;
        for (int i = 0; i < values.Length; i++)
        {
            int r = (int)(ReverseBits((uint)i) >> shift);
            if (i < r) (values[i], values[r]) = (values[r], values[i]);
        }
    }

    private static uint ReverseBits(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(x);
    }

    /// <summary>roots[j] = ω_n^j for j &lt; n/2; stage with half-size h uses roots[j·(n/2h)] = ω_2h^j.</summary>
    private static TScalar[] RootTable<TScalar>(int log2) where TScalar : unmanaged, IPrimeField<TScalar>
    {
        int half = 1 << (log2 - 1);
        var roots = GC.AllocateUninitializedArray<TScalar>(half);
        var w = RootsOfUnity<TScalar>.Root(log2);
        roots[0] = TScalar.One;
        for (int j = 1; j < half; j++) TScalar.Mul(roots[j - 1], w, out roots[j]);
        return roots;
    }

    private static unsafe void Butterflies<TElement, TScalar, TGroup>(Span<TElement> values, int log2, TScalar[] roots)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        int n = values.Length;
        int butterflies = n / 2;
        int workers = Environment.ProcessorCount;
        bool parallel = workers > 1 && butterflies >= TGroup.ParallelMinButterflies;
        fixed (TElement* pinned = values)
        {
            nint address = (nint)pinned;
            for (int logHalf = 0; logHalf < log2; logHalf++)
            {
                int stride = n >> (logHalf + 1);
                if (!parallel)
                {
                    Stage<TElement, TScalar, TGroup>((TElement*)address, logHalf, stride, roots, 0, butterflies);
                    continue;
                }
                int chunks = workers * 4;
                int perChunk = (butterflies + chunks - 1) / chunks;
                int stageHalf = logHalf;
                Parallel.For(0, chunks, c =>
                {
                    int start = c * perChunk;
                    int end = Math.Min(butterflies, start + perChunk);
                    if (start < end) Stage<TElement, TScalar, TGroup>((TElement*)address, stageHalf, stride, roots, start, end);
                });
            }
        }
    }

    /// <summary>Butterflies [start, end) of the stage whose blocks have half-size 2^logHalf.</summary>
    private static unsafe void Stage<TElement, TScalar, TGroup>(TElement* a, int logHalf, int rootStride, TScalar[] roots, int start, int end)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        int halfMask = (1 << logHalf) - 1;
        for (int b = start; b < end; b++)
        {
            int j = b & halfMask;
            int i0 = ((b >> logHalf) << (logHalf + 1)) + j;
            int i1 = i0 + (1 << logHalf);
            TElement u = a[i0];
            TElement t;
            if (j == 0) t = a[i1];   // ω^0 = 1: skip the multiplication (a scalar multiplication for points)
            else TGroup.MulByScalar(a[i1], roots[j * rootStride], out t);
            TGroup.Add(u, t, out a[i0]);
            TGroup.Sub(u, t, out a[i1]);
        }
    }

    private static unsafe void Scale<TElement, TScalar, TGroup>(Span<TElement> values, TScalar factor)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        int n = values.Length;
        bool parallel = Environment.ProcessorCount > 1 && n / 2 >= TGroup.ParallelMinButterflies;
        fixed (TElement* pinned = values)
        {
            nint address = (nint)pinned;
            if (!parallel)
            {
                ScaleRange<TElement, TScalar, TGroup>((TElement*)address, factor, 0, n);
                return;
            }
            int chunks = Environment.ProcessorCount * 4;
            int perChunk = (n + chunks - 1) / chunks;
            Parallel.For(0, chunks, c =>
            {
                int start = c * perChunk;
                ScaleRange<TElement, TScalar, TGroup>((TElement*)address, factor, start, Math.Min(n, start + perChunk));
            });
        }
    }

    private static unsafe void ScaleRange<TElement, TScalar, TGroup>(TElement* a, TScalar factor, int start, int end)
        where TElement : unmanaged
        where TScalar : unmanaged, IPrimeField<TScalar>
        where TGroup : IFftGroup<TElement, TScalar>
    {
        for (int i = start; i < end; i++)
        {
            TElement x = a[i];
            TGroup.MulByScalar(x, factor, out a[i]);
        }
    }
}
