using System.Numerics;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Msm;
using PowersOfTau.Crypto.Tests.Curves;

namespace PowersOfTau.Crypto.Tests.Encoding;

/// <summary>LEM / uncompressed / compressed encodings on every group: byte-exact against ffjavascript, bulk helpers, tampered twins with the right rejection reason, round-trip property.</summary>
public abstract class EncodingSuite<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    protected abstract string GroupName { get; }

    private JsonElement V => CurveVectors.Group(GroupName);

    private static BigInteger R => TCurve.Decomposition.Order;

    private static JacobianPoint<TF, TCurve> G => JacobianPoint<TF, TCurve>.Generator;

    private static AffinePoint<TF, TCurve> U(JsonElement e) => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e));

    private static JacobianPoint<TF, TCurve> MulVt(in JacobianPoint<TF, TCurve> p, BigInteger k)
    {
        VariableTimeScalarMultiplication.MultiplyVartime(p, CurveVectors.Limbs(k), out var r);
        return r;
    }

    private static void AssertSame(in JacobianPoint<TF, TCurve> expected, in JacobianPoint<TF, TCurve> actual, string what)
    {
        Assert.True(JacobianPoint<TF, TCurve>.Equal(expected, actual), what);
        Assert.True(actual.IsOnCurve(), what + " (on curve)");
    }

    private static IEnumerable<JsonElement> EncodedPoints(JsonElement v) =>
        v.GetProperty("points").EnumerateArray()
            .Concat(v.GetProperty("scalarMults").EnumerateArray().Select(s => s.GetProperty("result")))
            .Append(v.GetProperty("generator")).Append(v.GetProperty("infinity"));

    [Fact]
    public void Encodings_decode_and_reencode_byte_for_byte_as_ffjavascript()
    {
        int n = 0;
        foreach (var e in EncodedPoints(V))
        {
            byte[] lem = CurveVectors.Hex(e.GetProperty("lem")), u = CurveVectors.Hex(e.GetProperty("u")), c = CurveVectors.Hex(e.GetProperty("c"));
            var a = PointEncoding<TF, TCurve>.ReadLem(lem);
            var b = PointEncoding<TF, TCurve>.ReadUncompressed(u);
            var d = PointEncoding<TF, TCurve>.ReadCompressed(c);
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(a, b) != 0);
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(a, d) != 0);
            var buf = new byte[PointEncoding<TF, TCurve>.LemSize];
            PointEncoding<TF, TCurve>.WriteLem(a, buf);
            Assert.Equal(lem, buf);
            PointEncoding<TF, TCurve>.WriteUncompressed(a, buf);
            Assert.Equal(u, buf);
            var cb = new byte[PointEncoding<TF, TCurve>.CompressedSize];
            PointEncoding<TF, TCurve>.WriteCompressed(a, cb);
            Assert.Equal(c, cb);
            n++;
        }
        Assert.True(n > 20);
    }

    [Fact]
    public void Bulk_encode_and_decode_agree_with_single_point_calls()
    {
        var rows = EncodedPoints(V).ToList();
        int count = 1500; // above the parallel threshold
        var pts = new AffinePoint<TF, TCurve>[count];
        for (int i = 0; i < count; i++) pts[i] = PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(rows[i % rows.Count].GetProperty("u")));
        int s = PointEncoding<TF, TCurve>.LemSize, cs = PointEncoding<TF, TCurve>.CompressedSize;
        var lem = new byte[count * s];
        var u = new byte[count * s];
        var c = new byte[count * cs];
        PointEncoding<TF, TCurve>.WriteLemMany(pts, lem);
        PointEncoding<TF, TCurve>.WriteUncompressedMany(pts, u);
        PointEncoding<TF, TCurve>.WriteCompressedMany(pts, c);
        for (int i = 0; i < count; i += 97)
        {
            var e = rows[i % rows.Count];
            Assert.Equal(CurveVectors.Hex(e.GetProperty("lem")), lem.AsSpan(i * s, s).ToArray());
            Assert.Equal(CurveVectors.Hex(e.GetProperty("c")), c.AsSpan(i * cs, cs).ToArray());
        }
        var back = new AffinePoint<TF, TCurve>[count];
        PointEncoding<TF, TCurve>.ReadLemMany(lem, back);
        Assert.Equal(pts, back);
        PointEncoding<TF, TCurve>.ReadUncompressedMany(u, back);
        Assert.Equal(pts, back);
        PointEncoding<TF, TCurve>.ReadCompressedMany(c, back);
        Assert.Equal(pts, back);

        // Tampered twin: corrupt point 1234's y in the LEM stream; the error names that index.
        lem[1234 * s + s - 1] ^= 0x01;
        var ex = Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadLemMany(lem, back));
        Assert.Equal(1234, ex.Index);
        Assert.True(ex.Reason is PointDecodingError.NotOnCurve or PointDecodingError.NonCanonical);
        Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadLemMany(lem.AsSpan(1).ToArray(), back));

        // Tampered twins: an off-subgroup point at 777 and another at 1400 (the lowest index is reported), then
        // accepted when the caller opts out of the subgroup check.
        var off = V.GetProperty("offSubgroup").EnumerateArray().ToList();
        if (off.Count > 0)
        {
            CurveVectors.Hex(off[0].GetProperty("u")).CopyTo(u, 1400 * s);
            CurveVectors.Hex(off[1].GetProperty("u")).CopyTo(u, 777 * s);
            var sub = Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadUncompressedMany(u, back));
            Assert.Equal(777, sub.Index);
            Assert.Equal(PointDecodingError.NotInSubgroup, sub.Reason);
            PointEncoding<TF, TCurve>.ReadUncompressedMany(u, back, checkSubgroup: false);
            Assert.True(back[777].IsOnCurve() && !TCurve.IsInSubgroupVartime(back[777]));
            var small = u.AsSpan(0, 800 * s).ToArray(); // below the parallel threshold
            Assert.Equal(777, Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadUncompressedMany(small, new AffinePoint<TF, TCurve>[800])).Index);
        }
    }

    [Fact]
    public void Tampered_encodings_are_rejected_with_the_right_reason()
    {
        int n8 = TF.ByteLength; // bytes per coordinate
        foreach (var e in V.GetProperty("points").EnumerateArray())
        {
            byte[] lem = CurveVectors.Hex(e.GetProperty("lem")), u = CurveVectors.Hex(e.GetProperty("u")), c = CurveVectors.Hex(e.GetProperty("c"));
            var p = PointEncoding<TF, TCurve>.ReadUncompressed(u);

            // U: flag bits
            var t = (byte[])u.Clone(); t[0] |= 0x80;
            Assert.Equal(PointDecodingError.BadFlags, PointEncoding<TF, TCurve>.TryReadUncompressed(t, out _));
            t = (byte[])u.Clone(); t[0] |= 0x40;
            Assert.Equal(PointDecodingError.BadFlags, PointEncoding<TF, TCurve>.TryReadUncompressed(t, out _));
            // U: x >= p (all ones below the flag bits)
            t = (byte[])u.Clone(); t[0] = 0x3f; t.AsSpan(1, n8 - 1).Fill(0xff);
            Assert.Equal(PointDecodingError.NonCanonical, PointEncoding<TF, TCurve>.TryReadUncompressed(t, out _));
            // U: y changed -> off the curve
            t = (byte[])u.Clone(); t[^1] ^= 0x01;
            Assert.Equal(PointDecodingError.NotOnCurve, PointEncoding<TF, TCurve>.TryReadUncompressed(t, out _));
            // LEM: a coordinate >= p, and y changed
            t = (byte[])lem.Clone(); t.AsSpan(0, n8).Fill(0xff);
            Assert.Equal(PointDecodingError.NonCanonical, PointEncoding<TF, TCurve>.TryReadLem(t, out _));
            t = (byte[])lem.Clone(); t[n8] ^= 0x01;
            Assert.Equal(PointDecodingError.NotOnCurve, PointEncoding<TF, TCurve>.TryReadLem(t, out _));
            // C: identity flag with data, x >= p, wrong lengths
            t = (byte[])c.Clone(); t[0] |= 0x40;
            Assert.Equal(PointDecodingError.BadFlags, PointEncoding<TF, TCurve>.TryReadCompressed(t, out _));
            t = (byte[])c.Clone(); t[0] = (byte)((t[0] & 0x80) | 0x3f); t.AsSpan(1).Fill(0xff);
            Assert.Equal(PointDecodingError.NonCanonical, PointEncoding<TF, TCurve>.TryReadCompressed(t, out _));
            Assert.Equal(PointDecodingError.WrongLength, PointEncoding<TF, TCurve>.TryReadCompressed(c.AsSpan(1), out _));
            Assert.Equal(PointDecodingError.WrongLength, PointEncoding<TF, TCurve>.TryReadLem(lem.AsSpan(1), out _));
            // C: the sign bit flipped gives the negated point, not the original
            t = (byte[])c.Clone(); t[0] ^= 0x80;
            var neg = PointEncoding<TF, TCurve>.ReadCompressed(t);
            AffinePoint<TF, TCurve>.Negate(p, out var minusP);
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(neg, minusP) != 0);
            Assert.True(AffinePoint<TF, TCurve>.EqualMask(neg, p) == 0);
            var ex = Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadUncompressed(u.AsSpan(0, u.Length - 1)));
            Assert.Equal(PointDecodingError.WrongLength, ex.Reason);
        }
        // C: an x with x^3 + b not a square
        var bad = FindCompressedOffCurve();
        Assert.Equal(PointDecodingError.NotOnCurve, PointEncoding<TF, TCurve>.TryReadCompressed(bad, out _));
        Assert.Equal(PointDecodingError.NotOnCurve,
            Assert.Throws<PointDecodingException>(() => PointEncoding<TF, TCurve>.ReadCompressed(bad)).Reason);
        // Identity forms: LEM zeros, U zeros or 0x40, C 0x40
        var zeros = new byte[PointEncoding<TF, TCurve>.LemSize];
        Assert.True(PointEncoding<TF, TCurve>.ReadLem(zeros).IsInfinity);
        Assert.True(PointEncoding<TF, TCurve>.ReadUncompressed(zeros).IsInfinity);
        zeros[0] = 0x40;
        Assert.True(PointEncoding<TF, TCurve>.ReadUncompressed(zeros).IsInfinity);
        var cz = new byte[PointEncoding<TF, TCurve>.CompressedSize];
        cz[0] = 0xc0;
        Assert.Equal(PointDecodingError.BadFlags, PointEncoding<TF, TCurve>.TryReadCompressed(cz, out _));
    }

    private static byte[] FindCompressedOffCurve()
    {
        var c = new byte[PointEncoding<TF, TCurve>.CompressedSize];
        for (int i = 1; i < 1000; i++)
        {
            c[^1] = (byte)i;
            c[^2] = (byte)(i >> 8);
            if (PointEncoding<TF, TCurve>.TryReadCompressed(c, out _, checkSubgroup: false) == PointDecodingError.NotOnCurve) return c;
        }
        throw new InvalidOperationException("no off-curve x found");
    }

    private const int Iterations = 25;

    private static readonly Gen<BigInteger> GenScalarOrEdge =
        Gen.OneOf(Gen.Byte.Array[40].Select(b => new BigInteger(b, isUnsigned: true) % R), Gen.Int[0, 3].Select(i => new[] { BigInteger.Zero, BigInteger.One, R - 1, R - 2 }[i]));

    [Fact]
    public void Property_encodings_round_trip()
    {
        GenScalarOrEdge.Sample(k =>
        {
            var a = MulVt(G, k).ToAffineVartime();
            var buf = new byte[PointEncoding<TF, TCurve>.LemSize];
            var cbuf = new byte[PointEncoding<TF, TCurve>.CompressedSize];
            PointEncoding<TF, TCurve>.WriteLem(a, buf);
            bool ok = AffinePoint<TF, TCurve>.EqualMask(PointEncoding<TF, TCurve>.ReadLem(buf), a) != 0;
            PointEncoding<TF, TCurve>.WriteUncompressed(a, buf);
            ok &= AffinePoint<TF, TCurve>.EqualMask(PointEncoding<TF, TCurve>.ReadUncompressed(buf), a) != 0;
            PointEncoding<TF, TCurve>.WriteCompressed(a, cbuf);
            ok &= AffinePoint<TF, TCurve>.EqualMask(PointEncoding<TF, TCurve>.ReadCompressed(cbuf), a) != 0;
            return ok;
        }, iter: Iterations);
    }
}

public sealed class Bn254G1EncodingTests : EncodingSuite<Fp254, Bn254G1> { protected override string GroupName => "bn128 G1"; }
public sealed class Bn254G2EncodingTests : EncodingSuite<Fp2<Fp254>, Bn254G2> { protected override string GroupName => "bn128 G2"; }
public sealed class Bls12381G1EncodingTests : EncodingSuite<Fp381, Bls12381G1> { protected override string GroupName => "bls12381 G1"; }
public sealed class Bls12381G2EncodingTests : EncodingSuite<Fp2<Fp381>, Bls12381G2> { protected override string GroupName => "bls12381 G2"; }
