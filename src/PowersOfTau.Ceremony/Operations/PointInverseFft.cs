using System.Numerics;
using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// snarkjs <c>G1.ifft</c> / <c>G2.ifft</c> for prepare phase2 (spec/ptau.md §10), the same values as
/// <see cref="Radix2Fft.Inverse{TElement,TScalar,TGroup}"/> with <see cref="JacobianPointFftGroup{TF,TCurve,TFr}"/>, but with
/// the twiddle multiplications of a whole stage done as ONE batch by the 8-lane AVX-512 kernel on all cores, instead of
/// a scalar variable-time multiplication per butterfly: each stage normalises its points to affine (one batch
/// inversion), multiplies every second operand whose twiddle is not 1 by its root, then adds and subtracts.
/// out_i = n⁻¹·Σ_j ω^(−i·j)·in_j with ffjavascript's roots: scale by n⁻¹ first (the inputs are affine already), forward
/// transform, then swap entries i and n − i. The data is public; the constant-time kernel is used only because it is
/// the fastest batch multiplication (about 5× a scalar variable-time one per point on this machine).
/// </summary>
internal static class PointInverseFft<TF, TCurve, TFr>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
    where TFr : unmanaged, IPrimeField<TFr>
{
    private const int ScalarLimbs = 4;

    /// <summary>output ← ifft(input); both of length n, a power of two within the field's 2-adicity.</summary>
    public static void Inverse(ReadOnlySpan<AffinePoint<TF, TCurve>> input, Span<AffinePoint<TF, TCurve>> output)
    {
        int n = input.Length;
        if (n == 0 || !BitOperations.IsPow2(n) || output.Length != n) throw new ArgumentException("the FFT size must be a power of two and the spans of equal length");
        if (TFr.LimbCount != ScalarLimbs) throw new InvalidOperationException("the batch multiplication takes 4-limb scalars");
        int log2 = BitOperations.Log2((uint)n);
        if (log2 > RootsOfUnity<TFr>.TwoAdicity) throw new ArgumentException($"FFT size 2^{log2} exceeds the field's roots of unity");
        int cores = Environment.ProcessorCount;

        // Bit-reversed copy (the iterative Cooley–Tukey order), scaled by 1/n in one batch.
        var affine = new AffinePoint<TF, TCurve>[n];
        int shift = 32 - log2;
        for (int i = 0; i < n; i++) affine[log2 == 0 ? 0 : (int)(ReverseBits((uint)i) >> shift)] = input[i];
        var points = new JacobianPoint<TF, TCurve>[n];
        var scalars = new ulong[n * ScalarLimbs];
        TFr.InverseVartime(TFr.FromUInt64((ulong)n), out var nInverse);
        for (int i = 0; i < n; i++) TFr.ToCanonicalLimbs(nInverse, scalars.AsSpan(i * ScalarLimbs, ScalarLimbs));
        SecretBatchMultiplication.Multiply<TF, TCurve>(affine, scalars, points, cores);

        // roots[j] = ω_n^j, j < n/2 (Radix2Fft's table).
        int half = n / 2;
        var roots = new TFr[Math.Max(half, 1)];
        roots[0] = TFr.One;
        var w = RootsOfUnity<TFr>.Root(log2);
        for (int j = 1; j < half; j++) TFr.Mul(roots[j - 1], w, out roots[j]);

        var operands = new AffinePoint<TF, TCurve>[half];
        var products = new JacobianPoint<TF, TCurve>[half];
        for (int logHalf = 0; logHalf < log2; logHalf++)
        {
            int h = 1 << logHalf, rootStride = n >> (logHalf + 1);
            // The second operands whose twiddle is not 1 (j ≠ 0), in butterfly order: (blocks) × (h − 1).
            int blocks = n >> (logHalf + 1), perBlock = h - 1, count = blocks * perBlock;
            if (count > 0)
            {
                JacobianPoint<TF, TCurve>.BatchToAffineVartime(points, affine);
                for (int blk = 0, k = 0; blk < blocks; blk++)
                    for (int j = 1; j < h; j++, k++)
                    {
                        operands[k] = affine[blk * 2 * h + h + j];
                        TFr.ToCanonicalLimbs(roots[j * rootStride], scalars.AsSpan(k * ScalarLimbs, ScalarLimbs));
                    }
                SecretBatchMultiplication.Multiply<TF, TCurve>(operands.AsSpan(0, count), scalars.AsSpan(0, count * ScalarLimbs), products.AsSpan(0, count), cores);
            }
            int workers = Math.Max(1, Math.Min(cores, blocks));
            Parallel.For(0, workers, worker =>
            {
                int from = (int)((long)blocks * worker / workers), to = (int)((long)blocks * (worker + 1) / workers);
                for (int blk = from; blk < to; blk++)
                    for (int j = 0; j < h; j++)
                    {
                        int i0 = blk * 2 * h + j, i1 = i0 + h;
                        var u = points[i0];
                        var t = j == 0 ? points[i1] : products[blk * perBlock + j - 1];
                        JacobianPoint<TF, TCurve>.AddVartime(u, t, out points[i0]);
                        JacobianPoint<TF, TCurve>.Negate(t, out var negated);
                        JacobianPoint<TF, TCurve>.AddVartime(u, negated, out points[i1]);
                    }
            });
        }
        // Σ_j ω^(i·j) at index n − i is Σ_j ω^(−i·j): reverse entries 1..n−1.
        points.AsSpan(1).Reverse();
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(points, output);
    }

    private static uint ReverseBits(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(x);
    }
}
