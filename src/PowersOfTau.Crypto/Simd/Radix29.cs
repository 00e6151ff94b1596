namespace PowersOfTau.Crypto.Simd;

/// <summary>
/// Converts between 64-bit little-endian words and the radix-2^29 limbs of the lane fields (performance.md §4).
/// Shifts and indices depend only on positions (public), never on the value.
/// </summary>
internal static class Radix29
{
    private const int Bits = 29;
    private const ulong Mask = (1UL << Bits) - 1;

    /// <summary>
    /// Splits <paramref name="words"/> into radix-2^29 limbs written to <c>limbs[j * 8 + lane]</c> for every limb j
    /// (limbs.Length / 8 limbs). Words beyond the limbs' capacity must be zero (the caller's values are below p).
    /// </summary>
    public static void Split(ReadOnlySpan<ulong> words, Span<ulong> limbs, int lane)
    {
        int count = limbs.Length / 8;
        for (int j = 0; j < count; j++)
        {
            int bit = j * Bits;
            int w = bit >> 6;
            int off = bit & 63;
            ulong v = w < words.Length ? words[w] >> off : 0;
            if (off > 64 - Bits && w + 1 < words.Length) v |= words[w + 1] << (64 - off);
            limbs[j * 8 + lane] = v & Mask;
        }
    }

    /// <summary>
    /// Joins the canonical radix-2^29 limbs <c>limbs[j * 8 + lane]</c> (each below 2^29) into 64-bit words.
    /// </summary>
    public static void Join(ReadOnlySpan<ulong> limbs, int lane, Span<ulong> words)
    {
        words.Clear();
        int count = limbs.Length / 8;
        for (int j = 0; j < count; j++)
        {
            ulong v = limbs[j * 8 + lane];
            int bit = j * Bits;
            int w = bit >> 6;
            int off = bit & 63;
            if (w < words.Length) words[w] |= v << off;
            if (off > 64 - Bits && w + 1 < words.Length) words[w + 1] |= v >> (64 - off);
        }
    }
}
