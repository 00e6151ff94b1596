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

    [Fact]
    public void Setup_RefusesAnUnpreparedPtau()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<CeremonyFormatException>(() =>
            Groth16Setup.Run(ZkeyFixtures.R1cs("bn128"), PtauFixtures.PathOf("bn128_p4_beacon.ptau"), dir.File("out.zkey")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("no phase-2 sections (12 to 15); run powersoftau prepare phase2", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Setup_RefusesATooSmallPtau_SayingWhichPowerIsNeeded()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<CeremonyFormatException>(() =>
            Groth16Setup.Run(ZkeyFixtures.R1cs("bn128"), PtauFixtures.PathOf("bn128_p4_final_02.ptau"), dir.File("out.zkey")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("power 2 is too small", e.Message, StringComparison.Ordinal);
        Assert.Contains("use a ptau of power 3 or more", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Setup_WithTheSmallestPtauThatFits_IsByteIdentical()
    {
        // Power 3 is exactly enough (domain 8): the truncation holds the same Lagrange blocks, so the key is the same.
        using var dir = new TempDirectory();
        Groth16Setup.Run(ZkeyFixtures.R1cs("bn128"), PtauFixtures.PathOf("bn128_p4_final_03.ptau"), dir.File("out.zkey"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.Zkey("bn128", "0000")), File.ReadAllBytes(dir.File("out.zkey")));
    }

    [Theory]
    [InlineData("bls12381", "bn128")]
    [InlineData("bn128", "bls12381")]
    public void Setup_RefusesAnR1csOfTheOtherCurve(string r1csCurve, string ptauCurve)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<CeremonyFormatException>(() =>
            Groth16Setup.Run(ZkeyFixtures.R1cs(r1csCurve), ZkeyFixtures.FinalPtau(ptauCurve), dir.File("out.zkey")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains($"it is for {r1csCurve} but", e.Message, StringComparison.Ordinal);
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Setup_OfAnotherCircuit_MatchesSnarkjsToo()
    {
        using var dir = new TempDirectory();
        Groth16Setup.Run(ZkeyFixtures.PathOf("square_bn128.r1cs"), ZkeyFixtures.FinalPtau("bn128"), dir.File("out.zkey"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.PathOf("square_bn128_0000.zkey")), File.ReadAllBytes(dir.File("out.zkey")));
    }

    [Fact]
    public void Setup_RefusesToOverwriteAnExistingOutput()
    {
        using var dir = new TempDirectory();
        string output = dir.Write("out.zkey", [1, 2, 3]);
        Assert.Throws<OutputFileException>(() => Groth16Setup.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), output));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(output));
    }

    /// <summary>
    /// A degenerate ceremony (τ = 1: every H point is the identity): setup still matches snarkjs byte for byte, and
    /// verify accepts the key, since e(R1, G2) = e(R2, δ·G2) holds with both combinations the identity.
    /// </summary>
    [Fact]
    public void DegeneratePtau_SetupMatchesSnarkjs_AndVerifies()
    {
        using var dir = new TempDirectory();
        string ptau = ZkeyFixtures.PathOf("degenerate_bn128_p4.ptau");
        Groth16Setup.Run(ZkeyFixtures.R1cs("bn128"), ptau, dir.File("out.zkey"));
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.PathOf("degenerate_mul_bn128_0000.zkey")), File.ReadAllBytes(dir.File("out.zkey")));
        ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ptau, dir.File("out.zkey"));
        // Its negative twin: the same key against the real ceremony's ptau is another circuit hash.
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), dir.File("out.zkey")));
        Assert.Equal(1, e.ExitCode);
    }
}
