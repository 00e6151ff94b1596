using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class PtauTruncateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Truncate_is_byte_identical_to_snarkjs(string curve)
    {
        string input = _temp.Write($"{curve}_p4_final.ptau", File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_final.ptau")));
        var written = PtauTruncate.Truncate(input);
        Assert.Equal(3, written.Count);
        foreach (int p in new[] { 1, 2, 3 })
        {
            string name = $"{curve}_p4_final_{p:00}.ptau";
            Assert.Equal(_temp.File(name), written[p - 1]);
            Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf(name)), File.ReadAllBytes(_temp.File(name)));
            using var ptau = PtauFile.Open(written[p - 1]);
            Assert.Equal((p, 4), (ptau.Header.Power, ptau.Header.CeremonyPower));
        }
    }

    [Fact]
    public void The_template_follows_the_snarkjs_cli()
    {
        Assert.Equal("dir/pot_final_", PtauTruncate.DefaultTemplate("dir/pot_final.ptau"));
        Assert.Equal("a.b_", PtauTruncate.DefaultTemplate("a.b.ptau"));
        Assert.Equal("_", PtauTruncate.DefaultTemplate("noextension"));
        Assert.Equal(["t_01.ptau", "t_02.ptau"], PtauTruncate.OutputPaths("t_", 3));
    }

    [Fact]
    public void An_unprepared_file_is_refused_and_nothing_written()
    {
        string input = _temp.Write("in.ptau", File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_beacon.ptau")));
        var e = Assert.Throws<CeremonyFormatException>(() => PtauTruncate.Truncate(input));
        Assert.Contains("run prepare phase2", e.Message);
        Assert.Equal(["in.ptau"], _temp.Entries());
    }

    [Fact]
    public void An_existing_output_stops_everything_before_writing()
    {
        string input = _temp.Write("f.ptau", File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_final.ptau")));
        _temp.Write("f_02.ptau", [1]);
        Assert.Throws<OutputFileException>(() => PtauTruncate.Truncate(input));
        Assert.Equal(["f.ptau", "f_02.ptau"], _temp.Entries().Order());
    }
}
