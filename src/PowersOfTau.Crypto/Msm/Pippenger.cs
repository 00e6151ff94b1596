using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Msm;

/// <summary>
/// Multi-scalar multiplication Σ k_i·P_i for PUBLIC points and scalars (verification): Pippenger's bucket method
/// with signed windows of c ≈ 0.69·log2(n) + 2 bits (digits in [−2^(c−1), 2^(c−1)], so 2^(c−1) buckets per window),
/// and the windows processed in parallel on every core. Buckets are accumulated either in Jacobian coordinates
/// (mixed additions, 7M + 4S each) or, for large inputs, in affine coordinates with batched additions (one shared
/// inversion per batch by Montgomery's trick: about 6M each), see <see cref="MsmBucketStrategy"/>.
/// Variable time; never use it with secret scalars.
/// </summary>
public static class Pippenger
{
    private const int ScalarLimbs = 4;
    private const int ScalarBits = 256;
    private const int BatchAffineThreshold = 1 << 12;

    /// <summary>
    /// Returns Σ k_i·P_i. <paramref name="scalars"/> holds 4 little-endian 64-bit limbs per point (any value below
    /// 2^256; it need not be reduced mod r). Points may include the identity (0, 0).
    /// <paramref name="windowBits"/> overrides the window width (1..15; 0 chooses from n and the scalars' bit length).
    /// 16 is refused: a digit of +2^15 does not fit the 16-bit digit table.
    /// </summary>
    public static unsafe JacobianPoint<TF, TCurve> MultiplyVartime<TF, TCurve>(
        ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, int windowBits = 0,
        MsmBucketStrategy strategy = MsmBucketStrategy.Auto)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int n = points.Length;
        if (scalars.Length != n * ScalarLimbs) throw new ArgumentException("need 4 scalar limbs per point", nameof(scalars));
        if (windowBits is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(windowBits));
        if (n == 0) return JacobianPoint<TF, TCurve>.Infinity;
        // The scalars are public, so their largest bit length may steer the work: verification's random 64-bit
        // scalars need a quarter of the windows that 256-bit ones do.
        int bits = MaxBitLength(scalars);
        if (bits == 0) return JacobianPoint<TF, TCurve>.Infinity;
        int c = windowBits > 0 ? windowBits : DefaultWindow(n, bits);
        bool batchAffine = strategy == MsmBucketStrategy.BatchAffine
            || (strategy == MsmBucketStrategy.Auto && n >= BatchAffineThreshold);
        // floor(bits / c) + 1 windows: ceil(bits / c) for the bits, plus one for the top carry of the signed
        // recoding when c divides bits (a partial top window of r < c bits holds a digit ≤ 2^r ≤ 2^(c−1), no carry).
        int windows = bits / c + 1;
        var digits = new short[n * windows];
        var windowSums = new JacobianPoint<TF, TCurve>[windows];
        fixed (AffinePoint<TF, TCurve>* pp = points)
        fixed (ulong* ps = scalars)
        {
            nint pointsAddr = (nint)pp, scalarsAddr = (nint)ps;
            const int chunk = 4096;
            Parallel.For(0, (n + chunk - 1) / chunk, ci =>
            {
                var ks = new ReadOnlySpan<ulong>((void*)scalarsAddr, n * ScalarLimbs);
                int end = Math.Min(n, (ci + 1) * chunk);
                for (int i = ci * chunk; i < end; i++) Recode(ks.Slice(i * ScalarLimbs, ScalarLimbs), c, digits.AsSpan(i * windows, windows));
            });
            Parallel.For(0, windows, w =>
            {
                var pts = new ReadOnlySpan<AffinePoint<TF, TCurve>>((void*)pointsAddr, n);
                windowSums[w] = batchAffine
                    ? BatchAffineBuckets<TF, TCurve>.WindowSum(pts, digits, windows, w, c)
                    : WindowSum(pts, digits, windows, w, c);
            });
        }
        var acc = windowSums[windows - 1];
        for (int w = windows - 2; w >= 0; w--)
        {
            for (int i = 0; i < c; i++) JacobianPoint<TF, TCurve>.Double(acc, out acc);
            JacobianPoint<TF, TCurve>.AddVartime(acc, windowSums[w], out acc);
        }
        return acc;
    }

    /// <summary>The window width used for n points of 256-bit scalars when none is given.</summary>
    public static int DefaultWindow(int n) => DefaultWindow(n, ScalarBits);

    /// <summary>
    /// The window width used for n points whose scalars have at most <paramref name="bits"/> bits: the c in 2..15
    /// that minimises the estimated additions (bits/c + 1)·(n + 2^c) — n bucket additions and about 2·2^(c−1)
    /// for the running-sum reduction per window.
    /// </summary>
    public static int DefaultWindow(int n, int bits)
    {
        int best = 2;
        double bestCost = double.MaxValue;
        for (int c = 2; c <= 15; c++)
        {
            double cost = (bits / c + 1) * ((double)n + (1 << c));
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    /// <summary>The largest bit length among the 4-limb scalars (0 when all are zero).</summary>
    private static int MaxBitLength(ReadOnlySpan<ulong> scalars)
    {
        // OR the limbs of each position together: the top set bit of the OR is the top set bit of the maximum.
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        for (int i = 0; i < scalars.Length; i += ScalarLimbs)
        {
            l0 |= scalars[i]; l1 |= scalars[i + 1]; l2 |= scalars[i + 2]; l3 |= scalars[i + 3];
        }
        if (l3 != 0) return 192 + 64 - System.Numerics.BitOperations.LeadingZeroCount(l3);
        if (l2 != 0) return 128 + 64 - System.Numerics.BitOperations.LeadingZeroCount(l2);
        if (l1 != 0) return 64 + 64 - System.Numerics.BitOperations.LeadingZeroCount(l1);
        return 64 - System.Numerics.BitOperations.LeadingZeroCount(l0);
    }

    /// <summary>Signed base-2^c digits of k, least significant first: Σ d_w·2^(c·w) = k, |d_w| ≤ 2^(c−1).</summary>
    private static void Recode(ReadOnlySpan<ulong> k, int c, Span<short> digits)
    {
        int carry = 0;
        int half = 1 << (c - 1), full = 1 << c;
        for (int w = 0; w < digits.Length; w++)
        {
            int d = Bits(k, w * c, c) + carry;
            carry = d > half ? 1 : 0;
            digits[w] = (short)(d - carry * full);
        }
    }

    private static JacobianPoint<TF, TCurve> WindowSum<TF, TCurve>(
        ReadOnlySpan<AffinePoint<TF, TCurve>> points, short[] digits, int windows, int w, int c)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var buckets = new JacobianPoint<TF, TCurve>[1 << (c - 1)];
        buckets.AsSpan().Fill(JacobianPoint<TF, TCurve>.Infinity);
        for (int i = 0; i < points.Length; i++)
        {
            int d = digits[i * windows + w];
            if (d > 0)
            {
                JacobianPoint<TF, TCurve>.AddMixedVartime(buckets[d - 1], points[i], out buckets[d - 1]);
            }
            else if (d < 0)
            {
                AffinePoint<TF, TCurve>.Negate(points[i], out var neg);
                JacobianPoint<TF, TCurve>.AddMixedVartime(buckets[-d - 1], neg, out buckets[-d - 1]);
            }
        }
        // Σ_b (b+1)·bucket[b] by running sums from the top bucket down.
        var running = JacobianPoint<TF, TCurve>.Infinity;
        var sum = JacobianPoint<TF, TCurve>.Infinity;
        for (int b = buckets.Length - 1; b >= 0; b--)
        {
            JacobianPoint<TF, TCurve>.AddVartime(running, buckets[b], out running);
            JacobianPoint<TF, TCurve>.AddVartime(sum, running, out sum);
        }
        return sum;
    }

    private static int Bits(ReadOnlySpan<ulong> k, int shift, int c)
    {
        if (shift >= ScalarBits) return 0;
        int limb = shift >> 6, bit = shift & 63;
        ulong v = k[limb] >> bit;
        if (bit + c > 64 && limb + 1 < ScalarLimbs) v |= k[limb + 1] << (64 - bit);
        return (int)(v & ((1UL << c) - 1));
    }
}
