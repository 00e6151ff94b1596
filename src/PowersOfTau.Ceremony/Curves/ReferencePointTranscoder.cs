using System.Numerics;

namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// LEM ↔ uncompressed conversion by plain modular arithmetic on public coordinates (x ↦ x·R^−1 mod q and
/// back, then byte order; spec/ptau.md §2). Variable time and slow (BigInteger per coordinate): meant for
/// small files and as an independent reference for the fast codecs of PowersOfTau.Crypto. It checks that
/// coordinates are below q, and nothing about the curve (on-curve and subgroup checks belong to the codecs).
/// </summary>
public sealed class ReferencePointTranscoder : IPointTranscoder
{
    private readonly BigInteger _rInverse;

    /// <summary>A transcoder for <paramref name="curve"/>.</summary>
    public ReferencePointTranscoder(CurveDescriptor curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        Curve = curve;
        _rInverse = BigInteger.ModPow(curve.MontgomeryR % curve.Q, curve.Q - 2, curve.Q);
    }

    /// <inheritdoc/>
    public CurveDescriptor Curve { get; }

    /// <inheritdoc/>
    public void LemToUncompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> uncompressed)
    {
        int pointSize = CheckSizes(group, lem.Length, uncompressed.Length);
        int n8 = Curve.N8q;
        int coordinate = group == CurveGroup.G1 ? n8 : 2 * n8;
        for (int p = 0; p < lem.Length; p += pointSize)
        {
            for (int c = p; c < p + pointSize; c += coordinate)
            {
                var destination = uncompressed.Slice(c, coordinate);
                // Each Fq element to plain little-endian, then reverse the whole coordinate: for G2 that puts
                // BE(c1) before BE(c0), the Zcash order.
                for (int e = 0; e < coordinate; e += n8)
                {
                    var value = ReadLittleEndian(lem.Slice(c + e, n8)) * _rInverse % Curve.Q;
                    WriteLittleEndian(value, destination.Slice(e, n8));
                }
                destination.Reverse();
            }
        }
    }

    /// <inheritdoc/>
    public void UncompressedToLem(CurveGroup group, ReadOnlySpan<byte> uncompressed, Span<byte> lem)
    {
        int pointSize = CheckSizes(group, uncompressed.Length, lem.Length);
        int n8 = Curve.N8q;
        int coordinate = group == CurveGroup.G1 ? n8 : 2 * n8;
        Span<byte> reversed = stackalloc byte[coordinate];
        for (int p = 0; p < uncompressed.Length; p += pointSize)
        {
            var point = uncompressed.Slice(p, pointSize);
            if ((point[0] & 0x40) != 0)
            {
                if ((point[0] & 0xBF) != 0 || point[1..].IndexOfAnyExcept((byte)0) >= 0)
                    throw new FormatException("an uncompressed infinity must have no bits set but the 0x40 flag");
                lem.Slice(p, pointSize).Clear();
                continue;
            }
            if ((point[0] & 0x80) != 0) throw new FormatException("an uncompressed point must not have the 0x80 flag set");
            for (int c = 0; c < pointSize; c += coordinate)
            {
                point.Slice(c, coordinate).CopyTo(reversed);
                reversed.Reverse();
                for (int e = 0; e < coordinate; e += n8)
                {
                    var value = ReadLittleEndian(reversed.Slice(e, n8)) * Curve.MontgomeryR % Curve.Q;
                    WriteLittleEndian(value, lem.Slice(p + c + e, n8));
                }
            }
        }
    }

    private int CheckSizes(CurveGroup group, int sourceLength, int destinationLength)
    {
        int pointSize = Curve.PointSize(group);
        if (sourceLength % pointSize != 0 || destinationLength != sourceLength)
            throw new ArgumentException($"source and destination must hold the same whole number of {pointSize}-byte points");
        return pointSize;
    }

    private BigInteger ReadLittleEndian(ReadOnlySpan<byte> bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
        if (value >= Curve.Q) throw new FormatException($"a {Curve.Name} coordinate is not below q");
        return value;
    }

    private static void WriteLittleEndian(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        value.TryWriteBytes(destination, out _, isUnsigned: true, isBigEndian: false);
    }
}
