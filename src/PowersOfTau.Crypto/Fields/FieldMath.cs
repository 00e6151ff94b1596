using System.Runtime.InteropServices;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Fields;

/// <summary>Algorithms that work for every field type (prime fields and extensions).</summary>
public static class FieldMath
{
    /// <summary>
    /// a^e for a PUBLIC exponent (little-endian 64-bit limbs). Fixed 4-bit window: the sequence of squarings and
    /// table indices depends only on the exponent, so the time is independent of a. The table of powers of a is
    /// wiped before returning because a may be secret.
    /// </summary>
    public static T Pow<T>(in T a, ReadOnlySpan<ulong> exponentLE) where T : unmanaged, IField<T>
    {
        Span<T> table = stackalloc T[16];
        table[0] = T.One;
        table[1] = a;
        for (int i = 2; i < 16; i++) T.Mul(table[i - 1], a, out table[i]);

        T acc = T.One;
        bool started = false; // skips leading zero nibbles of the public exponent
        for (int nibble = exponentLE.Length * 16 - 1; nibble >= 0; nibble--)
        {
            int digit = (int)((exponentLE[nibble >> 4] >> ((nibble & 15) * 4)) & 15);
            if (started)
            {
                T.Square(acc, out acc);
                T.Square(acc, out acc);
                T.Square(acc, out acc);
                T.Square(acc, out acc);
            }
            if (digit != 0)
            {
                T.Mul(acc, table[digit], out acc);
                started = true;
            }
        }
        ConstantTime.Wipe(MemoryMarshal.AsBytes(table));
        return acc;
    }
}
