using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>The .zkey model: parse then write gives snarkjs's bytes back, for every fixture.</summary>
public sealed class ZkeyModelTests
{
    public static TheoryData<string> Files() => new()
    {
        "mul_bn128_0000.zkey", "mul_bn128_0001.zkey", "mul_bn128_0002.zkey", "mul_bn128_final.zkey",
        "mul_bls12381_0000.zkey", "mul_bls12381_0001.zkey", "mul_bls12381_0002.zkey", "mul_bls12381_final.zkey",
        "square_bn128_0000.zkey",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadThenWrite_IsByteIdentical(string name)
    {
        string path = ZkeyFixtures.PathOf(name);
        using var zkey = ZkeyFile.Open(path);
        var output = new MemoryStream();
        var writer = new BinFileWriter(output, BinFileFormat.ZkeyMagic, 1, ZkeySections.Count);
        foreach (var section in zkey.Container.SectionsInFileOrder)
        {
            if (section.Id == ZkeySections.Groth16Header) writer.WriteSection(section.Id, zkey.Header.ToBytes());
            else if (section.Id == ZkeySections.Contributions) writer.WriteSection(section.Id, zkey.MpcParams.ToBytes());
            else writer.CopySection(zkey.Container, section);
        }
        writer.Complete();
        Assert.Equal(File.ReadAllBytes(path), output.ToArray());
    }

    [Fact]
    public void Header_HoldsWhatSnarkjsExported()
    {
        // mul_bn128_final_zkey.json is snarkjs's `zkey export json` of the same file.
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ZkeyFixtures.PathOf("mul_bn128_final_zkey.json"))).RootElement;
        using var zkey = ZkeyFile.Open(ZkeyFixtures.Zkey("bn128", "final"));
        Assert.Equal(json.GetProperty("nVars").GetUInt32(), zkey.Header.NVars);
        Assert.Equal(json.GetProperty("nPublic").GetUInt32(), zkey.Header.NPublic);
        Assert.Equal(json.GetProperty("domainSize").GetUInt32(), zkey.Header.DomainSize);
        Assert.Equal(json.GetProperty("power").GetInt32(), zkey.Header.Power);
        Assert.Equal(json.GetProperty("ccoefs").GetArrayLength(), (int)zkey.CoefficientCount);
        Assert.Equal(3, zkey.MpcParams.Contributions.Count);
    }

    [Fact]
    public void SetupOrder_IsSnarkjss()
    {
        using var zkey = ZkeyFile.Open(ZkeyFixtures.Zkey("bn128", "0000"));
        Assert.Equal(ZkeySections.SetupOrder, zkey.Container.SectionsInFileOrder.Select(s => s.Id));
        using var contributed = ZkeyFile.Open(ZkeyFixtures.Zkey("bn128", "0001"));
        Assert.Equal(Enumerable.Range(1, 10), contributed.Container.SectionsInFileOrder.Select(s => s.Id));
    }
}
