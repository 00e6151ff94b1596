using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>zkey export verificationkey against the JSON snarkjs 0.7.6 wrote for the same keys.</summary>
public sealed class ZkeyExportTests
{
    [Theory]
    [InlineData("bn128", "final", "vk")]
    [InlineData("bn128", "0000", "0000_vk")]
    [InlineData("bls12381", "final", "vk")]
    [InlineData("bls12381", "0000", "0000_vk")]
    public void VerificationKey_IsByteIdentical(string curve, string step, string json)
    {
        using var dir = new TempDirectory();
        ZkeyExport.WriteVerificationKey(ZkeyFixtures.Zkey(curve, step), dir.File("vk.json"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.PathOf($"mul_{curve}_{json}.json")), File.ReadAllBytes(dir.File("vk.json")));
    }

    [Fact]
    public void VerificationKey_OfAnotherKey_Differs() =>
        Assert.NotEqual(File.ReadAllText(ZkeyFixtures.PathOf("mul_bn128_vk.json")), ZkeyExport.VerificationKeyJson(ZkeyFixtures.Zkey("bn128", "0000")));
}
