using System.Numerics;
using CsCheck;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Transcript;

namespace PowersOfTau.Ceremony.Tests.Curves;

public sealed class ReferencePointTranscoderTests
{
    public static TheoryData<string> Curves() => new() { "bn128", "bls12381" };

    [Theory]
    [MemberData(nameof(Curves))]
    public void Every_point_of_a_snarkjs_challenge_converts_to_the_ptau_points_and_back(string curve)
    {
        // challenge_0002 was exported by snarkjs from _0001.ptau: the same points, U vs LEM (spec/ptau.md §2).
        var c = CurveDescriptor.FromName(curve)!;
        var transcoder = new ReferencePointTranscoder(c);
        using var ptau = PtauFile.Open(PtauFixtures.PathOf($"{curve}_p4_0001.ptau"));
        using var challenge = TranscriptFile.Open(PtauFixtures.PathOf($"challenge_{curve}_p4_0002"), TranscriptFileKind.Challenge, c, 4);
        foreach (int id in PtauSections.PointSectionIds)
        {
            var group = PtauSections.Group(id);
            var lem = new byte[PtauSections.ByteSize(id, 4, c)];
            var u = new byte[lem.Length];
            ptau.ReadPoints(id, 0, lem);
            challenge.ReadPoints(id, 0, u);
            var converted = new byte[lem.Length];
            transcoder.LemToUncompressed(group, lem, converted);
            Assert.Equal(u, converted);
            transcoder.UncompressedToLem(group, u, converted);
            Assert.Equal(lem, converted);
        }
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Every_point_of_a_snarkjs_response_compresses_and_decompresses_like_snarkjs(string curve)
    {
        // _0002.ptau holds the points snarkjs decompressed from response_0002 (spec/ptau.md §2, §9); for
        // bls12381 this checks the phase2-bn254-style flags (0x80 = negative y, no "compressed" bit) on real files.
        var c = CurveDescriptor.FromName(curve)!;
        var transcoder = new ReferencePointTranscoder(c);
        using var ptau = PtauFile.Open(PtauFixtures.PathOf($"{curve}_p4_0002.ptau"));
        using var response = TranscriptFile.Open(PtauFixtures.PathOf($"response_{curve}_p4_0002"), TranscriptFileKind.Response, c, 4);
        int negatives = 0;
        foreach (int id in PtauSections.PointSectionIds)
        {
            var group = PtauSections.Group(id);
            var lem = new byte[PtauSections.ByteSize(id, 4, c)];
            var compressed = new byte[lem.Length / 2];
            ptau.ReadPoints(id, 0, lem);
            response.ReadPoints(id, 0, compressed);
            var converted = new byte[compressed.Length];
            transcoder.LemToCompressed(group, lem, converted);
            Assert.Equal(compressed, converted);
            var decompressed = new byte[lem.Length];
            transcoder.CompressedToLem(group, compressed, decompressed);
            Assert.Equal(lem, decompressed);
            int size = c.CompressedPointSize(group);
            for (int i = 0; i < compressed.Length; i += size)
            {
                Assert.Equal(0, compressed[i] & 0x40);
                negatives += compressed[i] >> 7;
            }
        }
        Assert.InRange(negatives, 1, 300); // both signs occur, so the flag is really exercised
    }

    [Fact]
    public void Decompression_rejects_points_off_the_curve_and_bad_flags()
    {
        var c = CurveDescriptor.Bn128;
        var transcoder = new ReferencePointTranscoder(c);
        var lem = new byte[64];
        var compressed = new byte[32];
        transcoder.LemToCompressed(CurveGroup.G1, c.G1GeneratorLem, compressed);
        Assert.Equal(1, compressed[31]); // x = 1, y = 2 is not negative
        transcoder.CompressedToLem(CurveGroup.G1, compressed, lem);
        Assert.Equal(c.G1GeneratorLem.ToArray(), lem);

        compressed[0] |= 0x80; // the other root: −G
        transcoder.CompressedToLem(CurveGroup.G1, compressed, lem);
        Assert.NotEqual(c.G1GeneratorLem.ToArray(), lem);
        Assert.Equal(c.G1GeneratorLem[..32].ToArray(), lem[..32]);

        compressed[0] = 0;
        compressed[31] = 4; // x = 4: 64 + 3 = 67 is not a square mod q (bn128; checked with Euler's criterion in Python)
        var e = Assert.Throws<FormatException>(() => transcoder.CompressedToLem(CurveGroup.G1, compressed, lem));
        Assert.Contains("not on the bn128 curve", e.Message);

        var infinity = new byte[32];
        infinity[0] = 0x40;
        transcoder.CompressedToLem(CurveGroup.G1, infinity, lem);
        Assert.All(lem, b => Assert.Equal(0, b));
        transcoder.LemToCompressed(CurveGroup.G1, new byte[64], compressed);
        Assert.Equal(infinity, compressed);
        infinity[0] = 0xC0;
        Assert.Throws<FormatException>(() => transcoder.CompressedToLem(CurveGroup.G1, infinity, lem));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void The_g2_generator_decompresses_from_its_x(string curve)
    {
        var c = CurveDescriptor.FromName(curve)!;
        var transcoder = new ReferencePointTranscoder(c);
        var compressed = new byte[c.G2CompressedSize];
        transcoder.LemToCompressed(CurveGroup.G2, c.G2GeneratorLem, compressed);
        Assert.Equal(c.G2GeneratorUncompressed[..c.G2CompressedSize].ToArray().Select((b, i) => i == 0 ? (byte)(b & 0x3F) : b),
            compressed.Select((b, i) => i == 0 ? (byte)(b & 0x3F) : b));
        var lem = new byte[c.G2Size];
        transcoder.CompressedToLem(CurveGroup.G2, compressed, lem);
        Assert.Equal(c.G2GeneratorLem.ToArray(), lem);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Any_coordinates_below_q_round_trip(string curve)
    {
        var c = CurveDescriptor.FromName(curve)!;
        var transcoder = new ReferencePointTranscoder(c);
        var belowQ = Gen.Byte.Array[c.N8q].Select(b => new BigInteger(b, isUnsigned: true) % c.Q);
        belowQ.Array[4].Sample(values =>
        {
            var lem = new byte[c.G2Size];
            for (int i = 0; i < 4; i++) values[i].TryWriteBytes(lem.AsSpan(i * c.N8q, c.N8q), out _, isUnsigned: true);
            var u = new byte[lem.Length];
            var back = new byte[lem.Length];
            transcoder.LemToUncompressed(CurveGroup.G2, lem, u);
            transcoder.UncompressedToLem(CurveGroup.G2, u, back);
            Assert.Equal(lem, back);
        }, iter: 100);
    }

    [Fact]
    public void Infinity_and_invalid_encodings()
    {
        var c = CurveDescriptor.Bn128;
        var transcoder = new ReferencePointTranscoder(c);
        var point = new byte[64];
        var output = new byte[64];
        transcoder.LemToUncompressed(CurveGroup.G1, point, output);
        Assert.All(output, b => Assert.Equal(0, b));

        point[0] = 0x40; // uncompressed infinity flag (spec/ptau.md §2)
        output[5] = 9;
        transcoder.UncompressedToLem(CurveGroup.G1, point, output);
        Assert.All(output, b => Assert.Equal(0, b));

        point[63] = 1; // infinity with other bits set
        Assert.Throws<FormatException>(() => transcoder.UncompressedToLem(CurveGroup.G1, point, output));

        var flagged = c.G1GeneratorUncompressed.ToArray();
        flagged[0] |= 0x80;
        Assert.Throws<FormatException>(() => transcoder.UncompressedToLem(CurveGroup.G1, flagged, output));

        var qLem = new byte[64];
        c.QLittleEndian.CopyTo(qLem); // x = q is not a field element
        Assert.Throws<FormatException>(() => transcoder.LemToUncompressed(CurveGroup.G1, qLem, output));
        Assert.Throws<ArgumentException>(() => transcoder.LemToUncompressed(CurveGroup.G1, new byte[63], new byte[63]));
    }
}
