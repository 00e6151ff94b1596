using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Crypto.Encoding;

namespace PowersOfTau.Ceremony.Tests.Curves;

/// <summary>
/// The PowersOfTau.Crypto codecs (behind <see cref="CryptoPointTranscoder"/>) and the independent BigInteger
/// <see cref="ReferencePointTranscoder"/> agree on every point of every snarkjs fixture, in all directions.
/// </summary>
public sealed class TranscoderAgreementTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "bn128_p4_final.ptau", "bls12381_p4_final.ptau", "bn128_p4_0000.ptau" }) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Both_transcoders_give_the_same_bytes(string name)
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf(name));
        var curve = ptau.Header.Curve;
        var fast = CryptoPointTranscoder.For(curve);
        var reference = new ReferencePointTranscoder(curve);
        var sections = ptau.HasPhase2Sections ? PtauSections.PointSectionIds.Concat(PtauSections.Phase2SectionIds) : PtauSections.PointSectionIds;
        foreach (int id in sections)
        {
            var group = PtauSections.Group(id);
            var lem = new byte[ptau.Section(id).Size];
            ptau.ReadPoints(id, 0, lem);
            var (u1, u2) = (new byte[lem.Length], new byte[lem.Length]);
            fast.LemToUncompressed(group, lem, u1);
            reference.LemToUncompressed(group, lem, u2);
            Assert.Equal(u2, u1);
            var (c1, c2) = (new byte[lem.Length / 2], new byte[lem.Length / 2]);
            fast.LemToCompressed(group, lem, c1);
            reference.LemToCompressed(group, lem, c2);
            Assert.Equal(c2, c1);
            var back = new byte[lem.Length];
            fast.CompressedToLem(group, c1, back);
            Assert.Equal(lem, back);
            fast.UncompressedToLem(group, u1, back);
            Assert.Equal(lem, back);
        }
    }

    [Fact]
    public void The_fast_transcoder_refuses_a_point_outside_the_subgroup_the_reference_accepts()
    {
        // A bls12381 G1 point on the curve but not in the subgroup: x = 0 gives y² = 4, y = 2 (the curve group has
        // cofactor h1 = 0x396c8c005555e1568c00aaab0000aaab, and (0, 2) has order 3).
        var curve = CurveDescriptor.Bls12381;
        var uncompressed = new byte[curve.G1Size];
        uncompressed[^1] = 2;
        var lem = new byte[curve.G1Size];
        new ReferencePointTranscoder(curve).UncompressedToLem(CurveGroup.G1, uncompressed, lem);
        var e = Assert.Throws<PointDecodingException>(() => CryptoPointTranscoder.For(curve).UncompressedToLem(CurveGroup.G1, uncompressed, lem));
        Assert.Equal(PointDecodingError.NotInSubgroup, e.Reason);
        CryptoPointTranscoder.For(curve, checkSubgroup: false).UncompressedToLem(CurveGroup.G1, uncompressed, lem);
    }
}
