using PowersOfTau.Interop.Tests.Infrastructure;
using PowersOfTau.Testing;

namespace PowersOfTau.Interop.Tests.Chain;

/// <summary>
/// `tau powersoftau contribute --insecure-test-randomness` against the committed snarkjs fixtures made with
/// fixed-random.mjs (64 × 0x2a, -e "deterministic entropy", tests/oracle/fixtures/ptau/README.md), and its negative
/// twin: one different random byte must change the output (so the byte comparisons of <see cref="MixedToolChain"/>
/// can fail).
/// </summary>
public sealed class FixedRandomnessContribution
{
    private static readonly string Fill2a = string.Concat(Enumerable.Repeat("2a", 64));

    private static string Fixture(string name) => Path.Combine(RepoPaths.Oracle, "fixtures", "ptau", name);

    [Theory]
    [InlineData("bn128_p4_0000.ptau", "bn128_p4_fixedrandom.ptau")]
    [InlineData("bls12381_p4_0001.ptau", "bls12381_p4_fixedrandom.ptau")]
    public void SameRandomBytesAndText_GiveSnarkjsFileByteForByte_AndOneOtherByteDoesNot(string input, string expected)
    {
        using var dir = new ScratchDirectory();
        var tau = new TauVerbs();
        tau.Contribute(Fixture(input), dir.File("same.ptau"), "Deterministic", "deterministic entropy", Fill2a);
        Assert.True(File.ReadAllBytes(Fixture(expected)).AsSpan().SequenceEqual(File.ReadAllBytes(dir.File("same.ptau"))),
            "tau contribute with snarkjs's fixed random bytes differs from the snarkjs fixture " + expected);

        string otherByte = "2b" + Fill2a[2..];
        tau.Contribute(Fixture(input), dir.File("other.ptau"), "Deterministic", "deterministic entropy", otherByte);
        byte[] expectedBytes = File.ReadAllBytes(Fixture(expected)), other = File.ReadAllBytes(dir.File("other.ptau"));
        Assert.Equal(expectedBytes.Length, other.Length);
        Assert.False(expectedBytes.AsSpan().SequenceEqual(other), "a different random byte must give a different contribution");
    }
}
