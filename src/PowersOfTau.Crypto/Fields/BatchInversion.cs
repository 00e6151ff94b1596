using System.Buffers;
using System.Runtime.InteropServices;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Montgomery's trick: n inverses for one field inversion and 3(n-1) multiplications.
/// Zero elements stay zero (they are replaced by one inside the running product, selected by mask, so the
/// sequence of operations does not depend on which elements are zero). Uses the constant-time inverse.
/// </summary>
public static class BatchInversion
{
    /// <summary>dst[i] = src[i]^-1 (0 for 0). src and dst must have the same length and must not overlap.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or the spans overlap (use <see cref="InvertInPlace{T}"/>).</exception>
    public static void Invert<T>(ReadOnlySpan<T> src, Span<T> dst) where T : unmanaged, IField<T>
    {
        if (src.Length != dst.Length) throw new ArgumentException("source and destination lengths differ", nameof(dst));
        if (src.Overlaps(dst)) throw new ArgumentException("source and destination overlap; use InvertInPlace", nameof(dst));
        if (src.Length == 0) return;

        // forward: dst[i] = product of the (non-zero) src[0..i-1]
        T acc = T.One;
        var one = T.One;
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = acc;
            T.Select(T.IsZeroMask(src[i]), one, src[i], out var x);
            T.Mul(acc, x, out acc);
        }

        T.Inverse(acc, out var inv); // inv = (product of all non-zero)^-1

        // backward: dst[i] = inv_of_prefix_through_i * prefix_before_i
        for (int i = src.Length - 1; i >= 0; i--)
        {
            ulong zero = T.IsZeroMask(src[i]);
            T.Mul(inv, dst[i], out var r);
            T.Select(zero, one, src[i], out var x);
            T.Mul(inv, x, out inv);
            T.Select(zero, T.Zero, r, out dst[i]);
        }
        ConstantTime.Wipe(ref acc);
        ConstantTime.Wipe(ref inv);
    }

    /// <summary>values[i] = values[i]^-1 (0 for 0), using a pooled scratch buffer that is cleared afterwards.</summary>
    public static void InvertInPlace<T>(Span<T> values) where T : unmanaged, IField<T>
    {
        T[] scratch = ArrayPool<T>.Shared.Rent(values.Length);
        try
        {
            var copy = scratch.AsSpan(0, values.Length);
            values.CopyTo(copy);
            Invert<T>(copy, values);
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(scratch.AsSpan()));
            ArrayPool<T>.Shared.Return(scratch);
        }
    }
}
