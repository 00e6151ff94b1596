using System.Buffers;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// <see cref="IPointTranscoder"/> over the point codecs of PowersOfTau.Crypto (<see cref="PointEncoding{TF,TCurve}"/>):
/// every point is decoded with all checks — canonical coordinates, flags, on the curve and, unless
/// disabled, in the prime-order subgroup (ARCHITECTURE.md §4) — then re-encoded; bulk conversions run in
/// parallel. Failures are <see cref="PointDecodingException"/> (a <see cref="FormatException"/>) whose
/// <see cref="PointDecodingException.Index"/> is the point's position in the span.
/// </summary>
public sealed class CryptoPointTranscoder : IPointTranscoder
{
    private readonly IGroupTranscoder _g1, _g2;

    private CryptoPointTranscoder(CurveDescriptor curve, IGroupTranscoder g1, IGroupTranscoder g2)
    {
        Curve = curve;
        _g1 = g1;
        _g2 = g2;
    }

    /// <summary>The transcoder for <paramref name="curve"/>.</summary>
    /// <param name="curve">bn128 or bls12381.</param>
    /// <param name="checkSubgroup">Check subgroup membership of every decoded point (default true).</param>
    public static CryptoPointTranscoder For(CurveDescriptor curve, bool checkSubgroup = true)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve == CurveDescriptor.Bn128)
            return new(curve, new GroupTranscoder<Fp254, Bn254G1>(checkSubgroup), new GroupTranscoder<Fp2<Fp254>, Bn254G2>(checkSubgroup));
        if (curve == CurveDescriptor.Bls12381)
            return new(curve, new GroupTranscoder<Fp381, Bls12381G1>(checkSubgroup), new GroupTranscoder<Fp2<Fp381>, Bls12381G2>(checkSubgroup));
        throw new ArgumentException($"no codec for curve {curve.Name}", nameof(curve));
    }

    /// <inheritdoc/>
    public CurveDescriptor Curve { get; }

    private IGroupTranscoder Group(CurveGroup group) => group == CurveGroup.G1 ? _g1 : _g2;

    /// <inheritdoc/>
    public void LemToUncompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> uncompressed) =>
        Group(group).Convert(lem, Encoding.Lem, uncompressed, Encoding.Uncompressed);

    /// <inheritdoc/>
    public void UncompressedToLem(CurveGroup group, ReadOnlySpan<byte> uncompressed, Span<byte> lem) =>
        Group(group).Convert(uncompressed, Encoding.Uncompressed, lem, Encoding.Lem);

    /// <inheritdoc/>
    public void LemToCompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> compressed) =>
        Group(group).Convert(lem, Encoding.Lem, compressed, Encoding.Compressed);

    /// <inheritdoc/>
    public void CompressedToLem(CurveGroup group, ReadOnlySpan<byte> compressed, Span<byte> lem) =>
        Group(group).Convert(compressed, Encoding.Compressed, lem, Encoding.Lem);

    private enum Encoding { Lem, Uncompressed, Compressed }

    private interface IGroupTranscoder
    {
        void Convert(ReadOnlySpan<byte> source, Encoding from, Span<byte> destination, Encoding to);
    }

    private sealed class GroupTranscoder<TF, TCurve>(bool checkSubgroup) : IGroupTranscoder
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        private static int Size(Encoding e) => e == Encoding.Compressed
            ? PointEncoding<TF, TCurve>.CompressedSize
            : PointEncoding<TF, TCurve>.LemSize;

        public void Convert(ReadOnlySpan<byte> source, Encoding from, Span<byte> destination, Encoding to)
        {
            int inSize = Size(from), outSize = Size(to);
            if (source.Length % inSize != 0 || destination.Length / outSize != source.Length / inSize || destination.Length % outSize != 0)
                throw new ArgumentException($"{source.Length} bytes of {inSize}-byte points do not fit {destination.Length} bytes of {outSize}-byte points");
            int count = source.Length / inSize;
            var pool = ArrayPool<AffinePoint<TF, TCurve>>.Shared;
            var points = pool.Rent(count);
            try
            {
                var span = points.AsSpan(0, count);
                switch (from)
                {
                    case Encoding.Lem: PointEncoding<TF, TCurve>.ReadLemMany(source, span, checkSubgroup); break;
                    case Encoding.Uncompressed: PointEncoding<TF, TCurve>.ReadUncompressedMany(source, span, checkSubgroup); break;
                    default: PointEncoding<TF, TCurve>.ReadCompressedMany(source, span, checkSubgroup); break;
                }
                switch (to)
                {
                    case Encoding.Lem: PointEncoding<TF, TCurve>.WriteLemMany(span, destination); break;
                    case Encoding.Uncompressed: PointEncoding<TF, TCurve>.WriteUncompressedMany(span, destination); break;
                    default: PointEncoding<TF, TCurve>.WriteCompressedMany(span, destination); break;
                }
            }
            finally
            {
                pool.Return(points);
            }
        }
    }
}
