using System.Text;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// Contributions compared byte for byte with snarkjs runs whose 64 "OS random" bytes were fixed to 0x2a
/// (tests/oracle/fixed-random.mjs, fixtures/ptau/deterministic.log).
/// </summary>
public sealed class PowersOfTauContributeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SecretBuffer FixtureSeed(string entropy = "deterministic entropy")
    {
        var random = new byte[64];
        Array.Fill(random, (byte)0x2a);
        return PowersOfTauContribute.SnarkjsSeed(random, Encoding.UTF8.GetBytes(entropy));
    }

    [Theory]
    [InlineData("bn128_p4_0000.ptau", "bn128_p4_fixedrandom.ptau")]
    [InlineData("bls12381_p4_0001.ptau", "bls12381_p4_fixedrandom.ptau")]
    public void Contribute_is_byte_identical_to_snarkjs_with_the_same_randomness(string input, string expected)
    {
        string output = _temp.File("contributed.ptau");
        using var seed = FixtureSeed();
        var result = PowersOfTauContribute.Apply(PtauFixtures.PathOf(input), output, seed, "Deterministic");
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf(expected)), File.ReadAllBytes(output));
        string printed = PtauFixtures.Ptau(expected).GetProperty("contributions").EnumerateArray().Last().GetProperty("responseHash").GetString()!;
        Assert.Equal(printed, Convert.ToHexStringLower(result.ResponseHash));
    }

    [Fact]
    public void Other_entropy_gives_another_key()
    {
        string output = _temp.File("contributed.ptau");
        using var seed = FixtureSeed("other entropy");
        PowersOfTauContribute.Apply(PtauFixtures.PathOf("bn128_p4_0000.ptau"), output, seed, "Deterministic");
        using var mine = PtauFile.Open(output);
        using var theirs = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_fixedrandom.ptau"));
        Assert.NotEqual(theirs.Contributions[0].PublicKey.ToBytes(), mine.Contributions[0].PublicKey.ToBytes());
        Assert.NotEqual(theirs.Contributions[0].TauG1, mine.Contributions[0].TauG1);
    }

    [Fact]
    public void A_short_seed_and_an_input_as_output_are_refused()
    {
        using var shortSeed = new SecretBuffer(31);
        Assert.Throws<ArgumentException>(() =>
            PowersOfTauContribute.Apply(PtauFixtures.PathOf("bn128_p4_0000.ptau"), _temp.File("a.ptau"), shortSeed, null));
        string input = _temp.Write("in.ptau", File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0000.ptau")));
        using var seed = FixtureSeed();
        Assert.Throws<OutputFileException>(() => PowersOfTauContribute.Apply(input, input, seed, null, overwrite: true));
        Assert.Equal(["in.ptau"], _temp.Entries());
    }

    [Fact]
    public void An_invalid_input_point_is_refused_and_nothing_left()
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0001.ptau")));
        raw.Body(2)[64 * 5 + 3] ^= 1; // tauG1 point 5
        string input = _temp.Write("bad.ptau", raw.Build());
        using var seed = FixtureSeed();
        var e = Assert.Throws<CeremonyFormatException>(() => PowersOfTauContribute.Apply(input, _temp.File("x.ptau"), seed, null));
        Assert.EndsWith("section 2 (tauG1) point 5: not on the curve", e.Message);
        Assert.Equal(["bad.ptau"], _temp.Entries());
    }
}
