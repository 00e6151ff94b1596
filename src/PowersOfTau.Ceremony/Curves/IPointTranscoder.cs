namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// The seam through which the file formats convert point encodings (spec/ptau.md §2).
/// <see cref="ReferencePointTranscoder"/> does it with BigInteger (slow, public data only); the fast codecs
/// of PowersOfTau.Crypto (with subgroup checks) plug in here later.
/// All points handled here are public.
/// </summary>
public interface IPointTranscoder
{
    /// <summary>The curve whose points this transcoder handles.</summary>
    CurveDescriptor Curve { get; }

    /// <summary>
    /// Converts whole LEM points of <paramref name="group"/> to uncompressed points (same size), e.g. a chunk
    /// of a .ptau section into challenge-file bytes. Infinity (all zero) stays all zero.
    /// </summary>
    /// <exception cref="FormatException">A coordinate is not below q.</exception>
    void LemToUncompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> uncompressed);

    /// <summary>
    /// Converts whole uncompressed points to LEM. A point whose first byte has the 0x40 flag is infinity
    /// (spec/ptau.md §2) and becomes all zero.
    /// </summary>
    /// <exception cref="FormatException">A coordinate is not below q, or other flag bits are set.</exception>
    void UncompressedToLem(CurveGroup group, ReadOnlySpan<byte> uncompressed, Span<byte> lem);

    /// <summary>
    /// Converts whole LEM points to compressed points (half the size): BE(x) with 0x80 set when y is
    /// "negative", infinity as 0x40 then zeros (spec/ptau.md §2).
    /// </summary>
    /// <exception cref="FormatException">A coordinate is not below q.</exception>
    void LemToCompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> compressed);

    /// <summary>
    /// Decompresses whole compressed points to LEM: y = sqrt(x³ + b), the root whose sign matches the 0x80
    /// flag; 0x40 = infinity.
    /// </summary>
    /// <exception cref="FormatException">x is not below q, x³ + b is not a square (not on the curve), or an
    /// infinity has other bits set.</exception>
    void CompressedToLem(CurveGroup group, ReadOnlySpan<byte> compressed, Span<byte> lem);
}
