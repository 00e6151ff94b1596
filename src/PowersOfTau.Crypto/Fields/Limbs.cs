namespace PowersOfTau.Crypto.Fields;

/// <summary>Multi-limb (little-endian 64-bit) integer helpers for the variable-time algorithms on public values.</summary>
internal static class Limbs
{
    public static bool IsZero(ReadOnlySpan<ulong> x)
    {
        ulong acc = 0;
        foreach (ulong w in x) acc |= w;
        return acc == 0;
    }

    public static bool IsOne(ReadOnlySpan<ulong> x)
    {
        ulong acc = x[0] ^ 1;
        for (int i = 1; i < x.Length; i++) acc |= x[i];
        return acc == 0;
    }

    /// <summary>x = (x >> 1) | (topBit &lt;&lt; (64n - 1)).</summary>
    public static void ShiftRight1(Span<ulong> x, ulong topBit)
    {
        for (int i = 0; i < x.Length - 1; i++) x[i] = (x[i] >> 1) | (x[i + 1] << 63);
        x[^1] = (x[^1] >> 1) | (topBit << 63);
    }

    /// <summary>x += y; returns the carry out (0 or 1).</summary>
    public static ulong Add(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong c = 0;
        for (int i = 0; i < x.Length; i++)
        {
            ulong s = x[i] + y[i];
            ulong c1 = s < x[i] ? 1UL : 0UL;
            ulong t = s + c;
            c = c1 | (t < s ? 1UL : 0UL);
            x[i] = t;
        }
        return c;
    }

    /// <summary>x -= y; returns the borrow out (0 or 1).</summary>
    public static ulong Sub(Span<ulong> x, ReadOnlySpan<ulong> y)
    {
        ulong b = 0;
        for (int i = 0; i < x.Length; i++)
        {
            ulong d = x[i] - y[i];
            ulong b1 = x[i] < y[i] ? 1UL : 0UL;
            ulong t = d - b;
            b = b1 | (d < b ? 1UL : 0UL);
            x[i] = t;
        }
        return b;
    }

    public static bool GreaterOrEqual(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (int i = x.Length - 1; i >= 0; i--)
            if (x[i] != y[i]) return x[i] > y[i];
        return true;
    }
}
