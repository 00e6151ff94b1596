using System.Runtime.Intrinsics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Eight independent field elements processed together (one per 64-bit lane of Vector512), for batches of
/// constant-time work such as many scalar multiplications at once (notes/performance.md §4). Every member runs
/// the same instruction stream for all lanes. Implementations keep their own internal representation and
/// convert from and to the scalar field type <typeparamref name="TScalar"/>; results are always valid inputs.
/// Use only when <see cref="IsSupported"/> (AVX-512F).
/// </summary>
public interface IBatchField<T, TScalar> where T : struct, IBatchField<T, TScalar> where TScalar : unmanaged
{
    /// <summary>Lanes per value.</summary>
    const int LaneCount = 8;

    static abstract bool IsSupported { get; }
    static abstract T Zero { get; }
    static abstract T One { get; }

    static abstract void Add(in T a, in T b, out T r);
    static abstract void Sub(in T a, in T b, out T r);
    static abstract void Neg(in T a, out T r);
    static abstract void Double(in T a, out T r);
    static abstract void Mul(in T a, in T b, out T r);
    static abstract void Square(in T a, out T r);

    /// <summary>Per lane: r = mask lane all-ones ? a : b.</summary>
    static abstract void Select(Vector512<ulong> mask, in T a, in T b, out T r);

    /// <summary>Per lane: all-ones when the element is zero.</summary>
    static abstract Vector512<ulong> IsZeroMask(in T a);

    /// <summary>Per lane: all-ones when a == b.</summary>
    static abstract Vector512<ulong> EqualMask(in T a, in T b);

    /// <summary>Lane k = src[k]; src.Length must be 8.</summary>
    static abstract T FromElements(ReadOnlySpan<TScalar> src);

    /// <summary>All lanes = x.</summary>
    static abstract T Broadcast(in TScalar x);

    /// <summary>dst[k] = lane k, canonical; dst.Length must be 8.</summary>
    static abstract void ToElements(in T a, Span<TScalar> dst);
}
