using System.Globalization;
using System.Numerics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// Builds public curve constants from their printed form at type initialisation (BigInteger is fine here:
/// nothing secret passes through).
/// </summary>
internal static class FieldConstants
{
    /// <summary>Parses "0x..." (hex) or decimal, with an optional leading '-'.</summary>
    public static BigInteger Integer(string text)
    {
        bool neg = text.StartsWith('-');
        string t = neg ? text[1..] : text;
        BigInteger v = t.StartsWith("0x", StringComparison.Ordinal)
            ? BigInteger.Parse("0" + t[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture);
        return neg ? -v : v;
    }

    /// <summary>
    /// A field element from its canonical coefficients (one for a prime field; c0, c1 for Fp2), each "0x..." or decimal.
    /// </summary>
    public static T Element<T>(params string[] coefficients) where T : unmanaged, IField<T>
    {
        int n8 = T.ByteLength / coefficients.Length;
        var buf = new byte[T.ByteLength];
        for (int i = 0; i < coefficients.Length; i++)
        {
            BigInteger v = Integer(coefficients[i]);
            if (!v.TryWriteBytes(buf.AsSpan(i * n8, n8), out _, isUnsigned: true, isBigEndian: false))
                throw new InvalidOperationException("constant does not fit the field");
        }
        if (!T.TryReadCanonicalLE(buf, out T r)) throw new InvalidOperationException("constant is not below the modulus");
        return r;
    }

    /// <summary>A non-negative integer as little-endian 64-bit limbs (at least <paramref name="minLimbs"/>).</summary>
    public static ulong[] Limbs(BigInteger v, int minLimbs = 1)
    {
        if (v.Sign < 0) throw new ArgumentOutOfRangeException(nameof(v));
        int n = Math.Max(minLimbs, (int)((v.GetBitLength() + 63) / 64));
        var r = new ulong[n];
        for (int i = 0; i < n; i++) { r[i] = (ulong)(v & ulong.MaxValue); v >>= 64; }
        return r;
    }

    /// <summary>The ScalarDecomposition for a printed eigenvalue and basis.</summary>
    public static ScalarDecomposition Decomposition(string order, string lambda, string[][] basis) =>
        new(Integer(order), Integer(lambda), basis.Select(row => row.Select(Integer).ToArray()).ToArray());
}
