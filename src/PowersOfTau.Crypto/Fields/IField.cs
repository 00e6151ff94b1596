namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// A finite field element type, implemented as a small unmanaged struct in Montgomery form.
/// Static abstract members let one generic algorithm (curve formulas, pairing, FFT) serve every
/// field without boxing: the JIT specializes generic code per struct type.
/// Unless a member says "variable time", it runs in time independent of the values of its arguments.
/// </summary>
public interface IField<T> where T : unmanaged, IField<T>
{
    static abstract T Zero { get; }
    static abstract T One { get; }

    static abstract void Add(in T a, in T b, out T r);
    static abstract void Sub(in T a, in T b, out T r);
    static abstract void Neg(in T a, out T r);
    static abstract void Double(in T a, out T r);
    static abstract void Mul(in T a, in T b, out T r);
    static abstract void Square(in T a, out T r);

    /// <summary>Multiplicative inverse, constant time; the inverse of zero is zero.</summary>
    static abstract void Inverse(in T a, out T r);

    /// <summary>Multiplicative inverse, variable time (for public values only); inverse of zero is zero.</summary>
    static abstract void InverseVartime(in T a, out T r);

    /// <summary>All-ones when a == 0.</summary>
    static abstract ulong IsZeroMask(in T a);

    /// <summary>All-ones when a == b.</summary>
    static abstract ulong EqualMask(in T a, in T b);

    /// <summary>r = mask == all-ones ? a : b (mask is all-ones or zero).</summary>
    static abstract void Select(ulong mask, in T a, in T b, out T r);

    /// <summary>Square root if one exists (variable time: only for public data, e.g. decompression).</summary>
    static abstract bool SqrtVartime(in T a, out T r);

    /// <summary>
    /// snarkjs/ffjavascript "negative" (isNegative / sign): for a prime field, the canonical value exceeds (p-1)/2;
    /// for Fp2, decided by c1 when c1 != 0, else by c0. Used for point compression flags.
    /// </summary>
    static abstract bool IsNegative(in T a);

    /// <summary>Byte length of the canonical little-endian encoding (n8 of ffjavascript times the degree).</summary>
    static abstract int ByteLength { get; }

    /// <summary>Writes the Montgomery representation little-endian (the .ptau/.zkey "LEM" encoding).</summary>
    static abstract void WriteMontgomeryLE(in T a, Span<byte> dst);

    /// <summary>Reads a Montgomery-form little-endian value; false when any limb group is not &lt; p (non-canonical).</summary>
    static abstract bool TryReadMontgomeryLE(ReadOnlySpan<byte> src, out T r);

    /// <summary>Writes the canonical (non-Montgomery) integer little-endian.</summary>
    static abstract void WriteCanonicalLE(in T a, Span<byte> dst);

    /// <summary>Reads a canonical little-endian integer; false when it is &gt;= p.</summary>
    static abstract bool TryReadCanonicalLE(ReadOnlySpan<byte> src, out T r);

    /// <summary>
    /// Writes the canonical integer big-endian (the "U"/"C" point encodings, spec/ptau.md §2).
    /// For Fp2 the order is BE(c1) || BE(c0), c1 first (Zcash/bellman convention).
    /// </summary>
    static abstract void WriteCanonicalBE(in T a, Span<byte> dst);

    /// <summary>Reads a canonical big-endian integer (Fp2: c1 first); false when any component is &gt;= p.</summary>
    static abstract bool TryReadCanonicalBE(ReadOnlySpan<byte> src, out T r);

    /// <summary>
    /// a^e for a PUBLIC exponent given as little-endian 64-bit limbs: constant time in a, but the running time
    /// depends on the exponent (fixed 4-bit window over its bits).
    /// </summary>
    static abstract T Pow(in T a, ReadOnlySpan<ulong> exponentLE);

    // Operators for readable formulas in generic code (each is the static method of the same name).
    static abstract T operator +(in T a, in T b);
    static abstract T operator -(in T a, in T b);
    static abstract T operator -(in T a);
    static abstract T operator *(in T a, in T b);

    /// <summary>Value equality, constant time (EqualMask).</summary>
    static abstract bool operator ==(in T a, in T b);
    static abstract bool operator !=(in T a, in T b);
}

/// <summary>A prime field F_p with Montgomery limbs.</summary>
public interface IPrimeField<T> : IField<T> where T : unmanaged, IPrimeField<T>
{
    /// <summary>Number of 64-bit limbs (4 for 254/255-bit fields, 6 for the 381-bit field).</summary>
    static abstract int LimbCount { get; }

    /// <summary>The modulus, little-endian bytes (ByteLength bytes).</summary>
    static abstract ReadOnlySpan<byte> ModulusLE { get; }

    /// <summary>Legendre symbol: 0 for zero, 1 for a nonzero square, -1 otherwise (variable time).</summary>
    static abstract int Legendre(in T a);

    /// <summary>Builds an element from a small integer.</summary>
    static abstract T FromUInt64(ulong v);

    /// <summary>Reduces an arbitrary-length little-endian integer modulo p (constant time in the value).</summary>
    static abstract T FromLEReduce(ReadOnlySpan<byte> src);

    /// <summary>The canonical value as little-endian 64-bit limbs (dst.Length == LimbCount).</summary>
    static abstract void ToCanonicalLimbs(in T a, Span<ulong> dst);

    /// <summary>Raw Montgomery limbs (no conversion), for serializers and SIMD kernels.</summary>
    static abstract void ToMontgomeryLimbs(in T a, Span<ulong> dst);

    /// <summary>From raw Montgomery limbs; caller guarantees the value is &lt; p.</summary>
    static abstract T FromMontgomeryLimbs(ReadOnlySpan<ulong> src);

    /// <summary>From canonical little-endian limbs (exactly LimbCount); false, with r = 0, when the value is &gt;= p.</summary>
    static abstract bool TryFromCanonicalLimbs(ReadOnlySpan<ulong> src, out T r);
}
