namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// The seam through which the file formats convert point encodings (spec/ptau.md §2) without knowing curve
/// arithmetic. <see cref="ReferencePointTranscoder"/> does the LEM ↔ uncompressed part with BigInteger;
/// the codecs of PowersOfTau.Crypto (with compression and on-curve/subgroup checks) plug in here later.
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
}
