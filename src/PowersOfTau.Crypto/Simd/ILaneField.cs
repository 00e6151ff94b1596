using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Simd;

/// <summary>
/// Eight elements of a field processed together, one per 64-bit lane of AVX-512 vectors (performance.md §4): the
/// batch scalar multiplication runs 8 independent points through one instruction stream. The contract mirrors
/// <see cref="IField{T}"/>, with per-lane masks (<see cref="Vector512{T}"/> lanes all-ones or zero) in place of
/// <c>ulong</c> masks. Every member runs the same instructions whatever the values (constant time).
/// Values are kept partially reduced (below 2p per lane) between operations; <see cref="Store"/> makes them canonical.
/// Implementations: <see cref="Fp381x8"/>, <see cref="Fp254x8"/>, <see cref="Fp2x8{TLane,TFp}"/>.
/// </summary>
/// <typeparam name="T">The implementing 8-lane type.</typeparam>
/// <typeparam name="TScalar">The scalar field type whose elements the lanes hold.</typeparam>
public interface ILaneField<T, TScalar>
    where T : unmanaged, ILaneField<T, TScalar>
    where TScalar : unmanaged, IField<TScalar>
{
    /// <summary>Zero in every lane.</summary>
    static abstract T Zero { get; }

    /// <summary>One in every lane.</summary>
    static abstract T One { get; }

    /// <summary>
    /// r = a·b per lane, below 2p. Inputs may be unreduced (see <see cref="AddUnreduced"/>, <see cref="SubUnreduced"/>) as long
    /// as the product of their bounds, in units of p, stays at or below 40 (per Fp2 component). r may alias a or b.
    /// </summary>
    static abstract void Mul(in T a, in T b, out T r);

    /// <summary>r = a² per lane.</summary>
    static abstract void Square(in T a, out T r);

    /// <summary>r = a + b per lane.</summary>
    static abstract void Add(in T a, in T b, out T r);

    /// <summary>
    /// r = a + b without the final reduction: the result is only valid as an input of <see cref="Mul"/> or
    /// <see cref="Square"/> (they accept values below 4p).
    /// </summary>
    static abstract void AddUnreduced(in T a, in T b, out T r);

    /// <summary>
    /// r = a - b + 8p per lane without reduction, for b below 8p (per component): valid ONLY as an input of <see cref="Mul"/>
    /// (lazy reduction; the caller keeps the product of the input bounds within the multiplication's limit).
    /// </summary>
    static abstract void SubUnreduced(in T a, in T b, out T r);

    /// <summary>r = a - b per lane.</summary>
    static abstract void Sub(in T a, in T b, out T r);

    /// <summary>r = 2a per lane.</summary>
    static abstract void Double(in T a, out T r);

    /// <summary>r = -a per lane.</summary>
    static abstract void Neg(in T a, out T r);

    /// <summary>The Frobenius map a^p per lane: the identity for a prime field, the conjugate for Fp2.</summary>
    static abstract void Conjugate(in T a, out T r);

    /// <summary>Per lane r = mask ? a : b.</summary>
    static abstract void Select(Vector512<ulong> mask, in T a, in T b, out T r);

    /// <summary>Per lane all-ones where the element is zero.</summary>
    static abstract Vector512<ulong> IsZeroMask(in T a);

    /// <summary>Transposes 8 scalar elements (exactly 8) into the lanes, converting their Montgomery form.</summary>
    static abstract void Load(ReadOnlySpan<TScalar> src, out T r);

    /// <summary>The same scalar element in every lane.</summary>
    static abstract void Broadcast(in TScalar a, out T r);

    /// <summary>Writes the 8 lanes, canonical, as scalar elements (exactly 8).</summary>
    static abstract void Store(in T a, Span<TScalar> dst);
}
