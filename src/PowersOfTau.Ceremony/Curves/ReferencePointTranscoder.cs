using System.Numerics;

namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// Point encodings of spec/ptau.md §2 by plain modular arithmetic on public coordinates with BigInteger:
/// LEM ↔ uncompressed (x ↦ x·R^−1 mod q and byte order) and LEM ↔ compressed (sign flag; decompression by
/// a square root in Fq or Fq2). Variable time and slow: meant for small files and as an independent
/// reference for the fast codecs of PowersOfTau.Crypto.
/// </summary>
/// <remarks>
/// Checks: every coordinate is below q; flags are only 0x40 (infinity, all other bits zero) or, in
/// compressed points, 0x80; decompressed points are on the curve (x³ + b is a square). It does NOT check
/// subgroup membership, and LEM → other encodings do not check that the point is on the curve.
/// </remarks>
public sealed class ReferencePointTranscoder : IPointTranscoder
{
    private const byte InfinityFlag = 0x40, NegativeFlag = 0x80;

    private readonly BigInteger _q, _rInverse, _halfQ, _sqrtExponent;
    private readonly BigInteger _b1;
    private readonly (BigInteger C0, BigInteger C1) _b2;

    /// <summary>A transcoder for <paramref name="curve"/>.</summary>
    public ReferencePointTranscoder(CurveDescriptor curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        Curve = curve;
        _q = curve.Q;
        _rInverse = BigInteger.ModPow(curve.MontgomeryR % _q, _q - 2, _q);
        _halfQ = (_q - 1) / 2;
        _sqrtExponent = (_q + 1) / 4;   // q ≡ 3 (mod 4) for both curves
        if (curve == CurveDescriptor.Bn128)
        {
            // b2 = 3 / (9 + u) = 3·(9 − u) / 82 (spec/ptau.md §12)
            var inverse82 = BigInteger.ModPow(82, _q - 2, _q);
            _b1 = 3;
            _b2 = (27 * inverse82 % _q, Mod(-3 * inverse82));
        }
        else
        {
            _b1 = 4;
            _b2 = (4, 4);
        }
    }

    /// <inheritdoc/>
    public CurveDescriptor Curve { get; }

    private int CoordinateSize(CurveGroup group) => group == CurveGroup.G1 ? Curve.N8q : 2 * Curve.N8q;

    /// <inheritdoc/>
    public void LemToUncompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> uncompressed)
    {
        int pointSize = CheckSizes(group, lem.Length, uncompressed.Length, Curve.PointSize(group));
        int coordinate = CoordinateSize(group);
        for (int p = 0; p < lem.Length; p += pointSize)
        {
            for (int c = p; c < p + pointSize; c += coordinate)
            {
                // Each Fq element to plain little-endian, then reverse the whole coordinate: for G2 that puts
                // BE(c1) before BE(c0), the Zcash order.
                var destination = uncompressed.Slice(c, coordinate);
                WritePlainLittleEndian(lem.Slice(c, coordinate), destination);
                destination.Reverse();
            }
        }
    }

    /// <inheritdoc/>
    public void UncompressedToLem(CurveGroup group, ReadOnlySpan<byte> uncompressed, Span<byte> lem)
    {
        int pointSize = CheckSizes(group, uncompressed.Length, lem.Length, Curve.PointSize(group));
        int coordinate = CoordinateSize(group);
        Span<byte> reversed = stackalloc byte[coordinate];
        for (int p = 0; p < uncompressed.Length; p += pointSize)
        {
            var point = uncompressed.Slice(p, pointSize);
            if (IsInfinity(point)) { lem.Slice(p, pointSize).Clear(); continue; }
            if ((point[0] & NegativeFlag) != 0) throw new FormatException("an uncompressed point must not have the 0x80 flag set");
            for (int c = 0; c < pointSize; c += coordinate)
            {
                point.Slice(c, coordinate).CopyTo(reversed);
                reversed.Reverse();
                WriteMontgomery(reversed, lem.Slice(p + c, coordinate));
            }
        }
    }

    /// <inheritdoc/>
    public void LemToCompressed(CurveGroup group, ReadOnlySpan<byte> lem, Span<byte> compressed)
    {
        int pointSize = Curve.PointSize(group);
        int coordinate = CoordinateSize(group);
        if (lem.Length % pointSize != 0 || compressed.Length != lem.Length / 2)
            throw new ArgumentException($"the source must hold whole {pointSize}-byte points and the destination half as many bytes");
        for (int p = 0, o = 0; p < lem.Length; p += pointSize, o += coordinate)
        {
            var point = lem.Slice(p, pointSize);
            var destination = compressed.Slice(o, coordinate);
            if (point.IndexOfAnyExcept((byte)0) < 0)
            {
                destination.Clear();
                destination[0] = InfinityFlag;
                continue;
            }
            WritePlainLittleEndian(point[..coordinate], destination);
            destination.Reverse();
            var y = ReadElements(point[coordinate..], montgomery: true);
            if (IsNegative(y)) destination[0] |= NegativeFlag;
        }
    }

    /// <inheritdoc/>
    public void CompressedToLem(CurveGroup group, ReadOnlySpan<byte> compressed, Span<byte> lem)
    {
        int pointSize = Curve.PointSize(group);
        int coordinate = CoordinateSize(group);
        if (compressed.Length % coordinate != 0 || lem.Length != compressed.Length * 2)
            throw new ArgumentException($"the source must hold whole {coordinate}-byte points and the destination twice as many bytes");
        Span<byte> x = stackalloc byte[coordinate];
        for (int o = 0, p = 0; o < compressed.Length; o += coordinate, p += pointSize)
        {
            var point = compressed.Slice(o, coordinate);
            if (IsInfinity(point)) { lem.Slice(p, pointSize).Clear(); continue; }
            bool negative = (point[0] & NegativeFlag) != 0;
            point.CopyTo(x);
            x[0] &= 0x3F;
            x.Reverse();
            var xs = ReadElements(x, montgomery: false);
            var y = group == CurveGroup.G1 ? [SqrtFq(CubePlusB1(xs[0]))] : SqrtFq2(CubePlusB2(xs[0], xs[1]));
            if (IsNegative(y) != negative) y = [.. y.Select(v => Mod(-v))];
            for (int i = 0; i < xs.Length; i++) WriteElement(xs[i] * Curve.MontgomeryR % _q, lem.Slice(p + i * Curve.N8q, Curve.N8q));
            for (int i = 0; i < y.Length; i++) WriteElement(y[i] * Curve.MontgomeryR % _q, lem.Slice(p + coordinate + i * Curve.N8q, Curve.N8q));
        }
    }

    // ---- helpers ----

    private static int CheckSizes(CurveGroup group, int sourceLength, int destinationLength, int pointSize)
    {
        _ = group;
        if (sourceLength % pointSize != 0 || destinationLength != sourceLength)
            throw new ArgumentException($"source and destination must hold the same whole number of {pointSize}-byte points");
        return pointSize;
    }

    private static bool IsInfinity(ReadOnlySpan<byte> point)
    {
        if ((point[0] & InfinityFlag) == 0) return false;
        if (point[0] != InfinityFlag || point[1..].IndexOfAnyExcept((byte)0) >= 0)
            throw new FormatException("an infinity point must have no bits set but the 0x40 flag");
        return true;
    }

    /// <summary>Reads n8q-byte little-endian elements, each below q (Montgomery form is decoded if asked).</summary>
    private BigInteger[] ReadElements(ReadOnlySpan<byte> littleEndian, bool montgomery)
    {
        var values = new BigInteger[littleEndian.Length / Curve.N8q];
        for (int i = 0; i < values.Length; i++)
        {
            var value = new BigInteger(littleEndian.Slice(i * Curve.N8q, Curve.N8q), isUnsigned: true);
            if (value >= _q) throw new FormatException($"a {Curve.Name} coordinate is not below q");
            values[i] = montgomery ? value * _rInverse % _q : value;
        }
        return values;
    }

    private void WritePlainLittleEndian(ReadOnlySpan<byte> montgomeryLittleEndian, Span<byte> destination)
    {
        var values = ReadElements(montgomeryLittleEndian, montgomery: true);
        for (int i = 0; i < values.Length; i++) WriteElement(values[i], destination.Slice(i * Curve.N8q, Curve.N8q));
    }

    private void WriteMontgomery(ReadOnlySpan<byte> plainLittleEndian, Span<byte> destination)
    {
        var values = ReadElements(plainLittleEndian, montgomery: false);
        for (int i = 0; i < values.Length; i++) WriteElement(values[i] * Curve.MontgomeryR % _q, destination.Slice(i * Curve.N8q, Curve.N8q));
    }

    private static void WriteElement(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        value.TryWriteBytes(destination, out _, isUnsigned: true);
    }

    private BigInteger Mod(BigInteger value)
    {
        var r = value % _q;
        return r.Sign < 0 ? r + _q : r;
    }

    /// <summary>ffjavascript isNegative: Fq value > (q−1)/2; Fq2 decided by c1 unless it is zero (spec/ptau.md §2).</summary>
    private bool IsNegative(BigInteger[] element) =>
        element.Length == 2 && !element[1].IsZero ? element[1] > _halfQ : element[0] > _halfQ;

    private BigInteger CubePlusB1(BigInteger x) => Mod(x * x % _q * x + _b1);

    private (BigInteger, BigInteger) CubePlusB2(BigInteger x0, BigInteger x1)
    {
        var square = Mul2((x0, x1), (x0, x1));
        var cube = Mul2(square, (x0, x1));
        return (Mod(cube.Item1 + _b2.C0), Mod(cube.Item2 + _b2.C1));
    }

    private (BigInteger, BigInteger) Mul2((BigInteger A0, BigInteger A1) a, (BigInteger B0, BigInteger B1) b) =>
        (Mod(a.A0 * b.B0 - a.A1 * b.B1), Mod(a.A0 * b.B1 + a.A1 * b.B0));   // u² = −1

    private BigInteger? TrySqrtFq(BigInteger a)
    {
        var root = BigInteger.ModPow(a, _sqrtExponent, _q);
        return root * root % _q == a ? root : null;
    }

    private BigInteger SqrtFq(BigInteger a) =>
        TrySqrtFq(a) ?? throw new FormatException($"the point is not on the {Curve.Name} curve (x³ + b is not a square)");

    /// <summary>A square root in Fq2 = Fq[u]/(u² + 1) by the norm method (q ≡ 3 mod 4, so −1 is a non-square).</summary>
    private BigInteger[] SqrtFq2((BigInteger A0, BigInteger A1) a)
    {
        if (a.A1.IsZero)
        {
            if (TrySqrtFq(a.A0) is { } r) return [r, 0];
            return [0, SqrtFq(Mod(-a.A0))];     // (s·u)² = −s²
        }
        var normRoot = SqrtFq(Mod(a.A0 * a.A0 + a.A1 * a.A1));
        var half = BigInteger.ModPow(2, _q - 2, _q);
        var delta = Mod((a.A0 + normRoot) * half);
        var x0 = TrySqrtFq(delta) ?? SqrtFq(Mod((a.A0 - normRoot) * half));
        var x1 = Mod(a.A1 * BigInteger.ModPow(Mod(2 * x0), _q - 2, _q));
        var check = Mul2((x0, x1), (x0, x1));
        if (check.Item1 != a.A0 || check.Item2 != a.A1)
            throw new FormatException($"the point is not on the {Curve.Name} curve (x³ + b is not a square)");
        return [x0, x1];
    }
}
