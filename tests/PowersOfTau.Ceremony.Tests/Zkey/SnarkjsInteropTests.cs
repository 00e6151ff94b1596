using System.Security.Cryptography;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>
/// The mixed chain snarkjs setup → our contribute → snarkjs contribute → our beacon, with snarkjs's `zkey verify`
/// (a child process, the pinned 0.7.6) and ours agreeing at every step, on a tampered twin too; then a real Groth16
/// proof (circom2's wasm, snarkjs wtns calculate / groth16 prove) made with our final key verifies against the
/// verification key we export.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SnarkjsInteropTests
{
    private static void BothVerify(string curve, string zkey)
    {
        Assert.True(Snarkjs.ZkeyVerifies(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), zkey), $"snarkjs rejects {zkey}");
        ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), zkey);
    }

    private static void BothReject(string curve, string zkey)
    {
        Assert.False(Snarkjs.ZkeyVerifies(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), zkey), $"snarkjs accepts {zkey}");
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), zkey));
        Assert.Equal(1, e.ExitCode);
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void MixedChain_SnarkjsAndWeAgree_AndTheKeyProves(string curve)
    {
        using var dir = new TempDirectory();
        string r1cs = ZkeyFixtures.R1cs(curve), ptau = ZkeyFixtures.FinalPtau(curve);

        var setup = Snarkjs.Run(["groth16", "setup", r1cs, ptau, dir.File("0.zkey")]);
        Assert.Equal(0, setup.ExitCode);
        BothVerify(curve, dir.File("0.zkey"));

        using (var digest = new SecretBuffer(ZkeyContribute.DigestLength))
        {
            RandomNumberGenerator.Fill(digest.Reveal());
            ZkeyContribute.Run(dir.File("0.zkey"), dir.File("1.zkey"), digest, "ours");
        }
        BothVerify(curve, dir.File("1.zkey"));

        var contribute = Snarkjs.Run(["zkey", "contribute", dir.File("1.zkey"), dir.File("2.zkey"), "--name=theirs", "-e=interop entropy"]);
        Assert.Equal(0, contribute.ExitCode);
        BothVerify(curve, dir.File("2.zkey"));

        ZkeyBeacon.Run(dir.File("2.zkey"), dir.File("3.zkey"), Convert.FromHexString("deadbeef"), 10, "our beacon");
        BothVerify(curve, dir.File("3.zkey"));

        // The tampered twin: two L points swapped (both still valid points).
        var bytes = File.ReadAllBytes(dir.File("3.zkey"));
        var (start, _) = ZkeyFixtures.Locate(bytes, ZkeySections.L);
        int g1 = curve == "bn128" ? 64 : 96;
        var first = bytes.AsSpan((int)start, g1).ToArray();
        bytes.AsSpan((int)start + g1, g1).CopyTo(bytes.AsSpan((int)start));
        first.CopyTo(bytes.AsSpan((int)start + g1));
        BothReject(curve, dir.Write("3-tampered.zkey", bytes));

        // A proof with the final key verifies against the verification key we export; a wrong public input does not.
        ZkeyExport.WriteVerificationKey(dir.File("3.zkey"), dir.File("vk.json"));
        Assert.Equal(0, Snarkjs.Run(["wtns", "calculate", ZkeyFixtures.PathOf($"mul_{curve}.wasm"), ZkeyFixtures.PathOf("input.json"), dir.File("w.wtns")]).ExitCode);
        Assert.Equal(0, Snarkjs.Run(["groth16", "prove", dir.File("3.zkey"), dir.File("w.wtns"), dir.File("proof.json"), dir.File("public.json")]).ExitCode);
        var verify = Snarkjs.Run(["groth16", "verify", dir.File("vk.json"), dir.File("public.json"), dir.File("proof.json")]);
        Assert.True(verify.ExitCode == 0 && verify.Output.Contains("OK!", StringComparison.Ordinal), verify.Output);
        File.WriteAllText(dir.File("public-wrong.json"), "[\n \"382\",\n \"11\"\n]");
        var wrong = Snarkjs.Run(["groth16", "verify", dir.File("vk.json"), dir.File("public-wrong.json"), dir.File("proof.json")]);
        Assert.NotEqual(0, wrong.ExitCode);
    }
}
