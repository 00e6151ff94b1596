using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace PowersOfTau.Secrets;

/// <summary>
/// Branch-free helpers for data that depends on secrets. Masks are all-ones (true) or all-zeros (false);
/// no function here branches on or indexes memory by its arguments' values.
/// </summary>
public static class ConstantTime
{
    /// <summary>All-ones when <paramref name="x"/> is zero, else zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong IsZeroMask(ulong x) => (ulong)((long)((x | (0 - x)) >> 63) - 1);

    /// <summary>All-ones when a == b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EqualMask(ulong a, ulong b) => IsZeroMask(a ^ b);

    /// <summary>All-ones when bit 0 of <paramref name="bit"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MaskFromBit(ulong bit) => 0 - (bit & 1);

    /// <summary>mask ? a : b, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Select(ulong mask, ulong a, ulong b) => b ^ (mask & (a ^ b));

    /// <summary>All-ones when a &lt; b (unsigned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LessThanMask(ulong a, ulong b) => 0 - (((~a & b) | ((~(a ^ b)) & (a - b))) >> 63);

    /// <summary>dst = mask ? a : b, element-wise.</summary>
    public static void Select(ulong mask, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> dst)
    {
        if (a.Length != b.Length || dst.Length != a.Length) throw new ArgumentException("length mismatch");
        for (int i = 0; i < dst.Length; i++) dst[i] = b[i] ^ (mask & (a[i] ^ b[i]));
    }

    /// <summary>Swaps x and y when mask is all-ones.</summary>
    public static void ConditionalSwap(ulong mask, Span<ulong> x, Span<ulong> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("length mismatch");
        for (int i = 0; i < x.Length; i++)
        {
            ulong t = mask & (x[i] ^ y[i]);
            x[i] ^= t;
            y[i] ^= t;
        }
    }

    /// <summary>Swaps x and y (bytes) when mask is all-ones.</summary>
    public static void ConditionalSwap(ulong mask, Span<byte> x, Span<byte> y)
    {
        if (x.Length != y.Length) throw new ArgumentException("length mismatch");
        byte m = (byte)mask;
        for (int i = 0; i < x.Length; i++)
        {
            byte t = (byte)(m & (x[i] ^ y[i]));
            x[i] ^= t;
            y[i] ^= t;
        }
    }

    /// <summary>Equality of two byte strings in time that depends only on their length.</summary>
    public static bool Equal(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary>All-ones when every limb is zero; accumulates with OR, never exits early.</summary>
    public static ulong IsZeroMask(ReadOnlySpan<ulong> x)
    {
        ulong acc = 0;
        for (int i = 0; i < x.Length; i++) acc |= x[i];
        return IsZeroMask(acc);
    }

    /// <summary>Zeroes memory in a way the JIT cannot elide.</summary>
    public static void Wipe(Span<byte> s) => CryptographicOperations.ZeroMemory(s);

    /// <summary>Zeroes an unmanaged struct (e.g. a stack copy of secret limbs) in a way the JIT cannot elide.</summary>
    public static void Wipe<T>(ref T value) where T : unmanaged =>
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(
            System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref value, 1)));
}
