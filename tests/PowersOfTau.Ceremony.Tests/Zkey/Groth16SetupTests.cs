using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>groth16 setup against snarkjs 0.7.6's output for the same r1cs and ptau (fixtures/zkey).</summary>
public sealed class Groth16SetupTests
{
    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void Setup_IsByteIdenticalToSnarkjs(string curve)
    {
        using var dir = new TempDirectory();
        var result = Groth16Setup.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), dir.File("out.zkey"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "0000")), File.ReadAllBytes(dir.File("out.zkey")));
        Assert.Equal(8u, result.DomainSize);
        // The circuit hash snarkjs printed ("Circuit hash:" in the log).
        Assert.Equal(ZkeyFixtures.LoggedHashes(curve, "Circuit hash:")[0], result.CsHash);
    }
}
