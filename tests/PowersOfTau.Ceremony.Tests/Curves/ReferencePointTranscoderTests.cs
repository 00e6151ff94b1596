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
