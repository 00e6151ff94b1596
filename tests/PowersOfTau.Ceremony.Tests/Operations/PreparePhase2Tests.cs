using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class PreparePhase2Tests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Prepare_phase2_is_byte_identical_to_snarkjs(string curve)
    {
        string output = _temp.File("final.ptau");
        PreparePhase2.Prepare(PtauFixtures.PathOf($"{curve}_p4_beacon.ptau"), output);
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_final.ptau")), File.ReadAllBytes(output));
    }

    [Fact]
    public void A_file_without_points_is_refused()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            PreparePhase2.Prepare(PtauFixtures.PathOf("bn128_p4_nopoints.ptau"), _temp.File("x.ptau")));
        Assert.Contains("sections 2 to 6 are absent", e.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void An_invalid_point_is_refused_and_nothing_left()
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_beacon.ptau")));
        raw.Body(4)[70] ^= 1; // alphaTauG1 point 1
        string input = _temp.Write("bad.ptau", raw.Build());
        var e = Assert.Throws<CeremonyFormatException>(() => PreparePhase2.Prepare(input, _temp.File("x.ptau")));
        Assert.EndsWith("section 4 (alphaTauG1) point 1: not on the curve", e.Message);
        Assert.Equal(["bad.ptau"], _temp.Entries());
    }
}
