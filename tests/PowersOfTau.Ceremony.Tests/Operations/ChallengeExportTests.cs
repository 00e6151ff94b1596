using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class ChallengeExportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128_p4_0000.ptau", "challenge_bn128_p4_0000")]
    [InlineData("bn128_p4_0001.ptau", "challenge_bn128_p4_0002")]
    [InlineData("bls12381_p4_0000.ptau", "challenge_bls12381_p4_0000")]
    [InlineData("bls12381_p4_0001.ptau", "challenge_bls12381_p4_0002")]
    public void Export_is_byte_identical_to_snarkjs(string ptau, string challenge)
    {
        string output = _temp.File("challenge");
        var result = ChallengeExport.Export(PtauFixtures.PathOf(ptau), output);
        var expected = File.ReadAllBytes(PtauFixtures.PathOf(challenge));
        Assert.Equal(expected, File.ReadAllBytes(output));
        Assert.Equal(expected[..64], result.LastResponseHash);
    }

    private string AlteredTauG2Point()
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0001.ptau")));
        raw.Body(3)[200] ^= 1; // tauG2 point 1 (bytes 128..255): still below q, no longer on the curve
        return _temp.Write("altered.ptau", raw.Build());
    }

    [Fact]
    public void An_altered_point_is_refused_by_the_codec_and_no_challenge_is_left()
    {
        string input = AlteredTauG2Point();
        var e = Assert.Throws<CeremonyFormatException>(() => ChallengeExport.Export(input, _temp.File("challenge")));
        Assert.Equal(CeremonyErrorCategory.InvalidTranscript, e.Category);
        Assert.EndsWith("section 3 (tauG2) point 1: not on the curve", e.Message);
        Assert.Equal(["altered.ptau"], _temp.Entries());
    }

    [Fact]
    public void An_altered_point_also_breaks_the_hash_chain()
    {
        // The reference transcoder does not check the curve equation: the stored nextChallenge still catches it.
        string input = AlteredTauG2Point();
        var transcoder = new ReferencePointTranscoder(CurveDescriptor.Bn128);
        var e = Assert.Throws<CeremonyFormatException>(() => ChallengeExport.Export(input, _temp.File("challenge"), transcoder));
        Assert.Equal(CeremonyErrorCategory.InvalidTranscript, e.Category);
        Assert.Contains("nextChallenge of contribution 1", e.Message);
        Assert.Equal(["altered.ptau"], _temp.Entries());
    }

    [Theory]
    [InlineData("bn128_p4_0001.ptau", "challenge_bn128_p4_0002")]
    [InlineData("bls12381_p4_0000.ptau", "challenge_bls12381_p4_0000")]
    public void The_reference_transcoder_exports_the_same_bytes(string ptau, string challenge)
    {
        string output = _temp.File("challenge");
        ChallengeExport.Export(PtauFixtures.PathOf(ptau), output, new ReferencePointTranscoder(ptau.StartsWith("bn128") ? CurveDescriptor.Bn128 : CurveDescriptor.Bls12381));
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf(challenge)), File.ReadAllBytes(output));
    }

    [Fact]
    public void A_file_without_points_cannot_be_exported()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ChallengeExport.Export(PtauFixtures.PathOf("bn128_p4_nopoints.ptau"), _temp.File("challenge")));
        Assert.Contains("sections 2 to 6 are absent", e.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void The_input_cannot_be_the_output()
    {
        string input = _temp.Write("in.ptau", File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0000.ptau")));
        Assert.Throws<OutputFileException>(() => ChallengeExport.Export(input, input, overwrite: true));
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0000.ptau")), File.ReadAllBytes(input));
    }

    [Fact]
    public void An_impossible_partial_hash_is_an_invalid_transcript()
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0001.ptau")));
        // Contribution 1's partialHash starts after count(4) + 5 points (448) + public key (768); pos is at +200.
        raw.Body(7)[4 + 448 + 768 + 200] = 200;
        string input = _temp.Write("bad-partial.ptau", raw.Build());
        var e = Assert.Throws<CeremonyFormatException>(() => ChallengeExport.Export(input, _temp.File("challenge")));
        Assert.Equal(CeremonyErrorCategory.InvalidTranscript, e.Category);
        Assert.Contains("section 7 (contributions): contribution 1: partialHash", e.Message);
        Assert.Equal(["bad-partial.ptau"], _temp.Entries());
    }

    [Fact]
    public void A_truncated_file_cannot_be_exported()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ChallengeExport.Export(PtauFixtures.PathOf("bn128_p4_final_02.ptau"), _temp.File("challenge")));
        Assert.Contains("was truncated (power 2 of a power-4 ceremony)", e.Message);
        Assert.Empty(_temp.Entries());
    }
}
