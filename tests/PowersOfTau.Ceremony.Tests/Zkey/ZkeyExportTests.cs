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

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void ZkeyJson_IsByteIdentical(string curve)
    {
        using var dir = new TempDirectory();
        ZkeyExport.WriteZkeyJson(ZkeyFixtures.Zkey(curve, "final"), dir.File("zkey.json"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.PathOf($"mul_{curve}_final_zkey.json")), File.ReadAllBytes(dir.File("zkey.json")));
    }

    [Fact]
    public void ZkeyJson_OfAnotherKey_Differs()
    {
        using var dir = new TempDirectory();
        ZkeyExport.WriteZkeyJson(ZkeyFixtures.Zkey("bn128", "0002"), dir.File("zkey.json"));
        Assert.NotEqual(File.ReadAllBytes(ZkeyFixtures.PathOf("mul_bn128_final_zkey.json")), File.ReadAllBytes(dir.File("zkey.json")));
    }
}
