using System.Numerics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Fft;

/// <summary>
/// The 2^k-th roots of unity of a prime field exactly as ffjavascript 0.3.1 defines <c>F.w[k]</c>
/// (wasm_field1.js; spec/ptau.md §10): nqr = the smallest integer ≥ 2 that is a quadratic non-residue,
/// p − 1 = t·2^s with t odd, w[s] = nqr^t, and w[k] = w[k+1]^2 down to w[0] = 1. For bn128 Fr s = 28,
/// for bls12381 Fr s = 32. Computed once per field on first use (public constants).
/// </summary>
public static class RootsOfUnity<TFr> where TFr : unmanaged, IPrimeField<TFr>
{
    private static readonly Lazy<(int S, TFr[] W)> Table = new(Compute);

    /// <summary>The 2-adicity s of p − 1: the largest k with a primitive 2^k-th root of unity.</summary>
    public static int TwoAdicity => Table.Value.S;

    /// <summary>ffjavascript <c>F.w[log2Size]</c>: a primitive 2^log2Size-th root of unity (0 ≤ log2Size ≤ s).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="log2Size"/> is negative or above s.</exception>
    public static TFr Root(int log2Size)
    {
        var (s, w) = Table.Value;
        if (log2Size < 0 || log2Size > s)
            throw new ArgumentOutOfRangeException(nameof(log2Size), $"This field has roots of unity of order up to 2^{s}.");
        return w[log2Size];
    }

    private static (int, TFr[]) Compute()
    {
        var p = new BigInteger(TFr.ModulusLE, isUnsigned: true, isBigEndian: false);
        var t = p - 1;
        int s = 0;
        while (t.IsEven) { t >>= 1; s++; }

        ulong nqr = 2;
        while (TFr.Legendre(TFr.FromUInt64(nqr)) != -1) nqr++;

        var w = new TFr[s + 1];
        w[s] = PowVartime(TFr.FromUInt64(nqr), t);
        for (int k = s - 1; k >= 0; k--) TFr.Square(w[k + 1], out w[k]);
        if (TFr.EqualMask(w[0], TFr.One) == 0)
            throw new InvalidOperationException("Roots of unity: w[0] is not 1; the field implementation is wrong.");
        return (s, w);
    }

    private static TFr PowVartime(TFr b, BigInteger e)
    {
        var result = TFr.One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            TFr.Square(result, out var squared);
            result = squared;
            if (!((e >> (int)i) & 1).IsZero)
            {
                TFr.Mul(result, b, out var product);
                result = product;
            }
        }
        return result;
    }
}
