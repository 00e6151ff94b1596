using PowersOfTau.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PowersOfTau.Interop.Tests.Chain;

/// <summary>
/// One ceremony that alternates snarkjs 0.7.6 and tau (ARCHITECTURE.md §4: every file tau writes verifies in snarkjs,
/// and deterministic verbs are byte-identical):
/// snarkjs new → tau contribute → snarkjs contribute → tau export challenge / challenge contribute / import response →
/// snarkjs contribute → tau beacon → tau prepare phase2 → tau truncate.
/// At every tau step snarkjs runs the same verb on the same input and the two outputs must be byte-identical
/// (contribute / challenge contribute with the same 64 "OS random" bytes on both sides: the fixed-random-env.mjs
/// preload for snarkjs, --insecure-test-randomness for tau); every .ptau of the chain must pass
/// `snarkjs powersoftau verify`, and `tau powersoftau verify` as well once that verb exists in the build.
/// </summary>
public sealed class MixedToolChain(ITestOutputHelper output)
{
    private const string BeaconHash = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";

    /// <summary>Two different 64-byte "OS random" fills (public test values).</summary>
    private static readonly string RandomA = string.Concat(Enumerable.Range(0, 64).Select(i => ((byte)(0x5a ^ (i * 7))).ToString("x2")));
    private static readonly string RandomB = string.Concat(Enumerable.Range(0, 64).Select(i => ((byte)(0xc3 + i * 13)).ToString("x2")));

    public static TheoryData<string, int> SmallPowers => new() { { "bn128", 5 }, { "bls12381", 3 } };

    // bls12381 at 8: snarkjs prepare phase2 alone takes minutes above that on a loaded 2-core machine (suite budget).
    public static TheoryData<string, int> LargePowers => new() { { "bn128", 10 }, { "bls12381", 8 } };

    [Theory]
    [MemberData(nameof(SmallPowers))]
    public void ChainOfBothTools_VerifiesAtEveryStep_AndDeterministicVerbsAreByteIdentical(string curve, int power) => RunChain(curve, power);

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(LargePowers))]
    public void ChainOfBothTools_AtLargerPowers(string curve, int power) => RunChain(curve, power);

    private void RunChain(string curve, int power)
    {
        using var dir = new ScratchDirectory();
        var tau = new TauVerbs(output.WriteLine);
        string S(string name) => dir.File("s_" + name); // written by snarkjs
        string T(string name) => dir.File("t_" + name); // written by tau

        // 0: new — snarkjs's file carries the chain; tau's must be identical.
        Snarkjs.RunOk(["powersoftau", "new", curve, power.ToString(), S("0000.ptau")]);
        tau.New(curve, power, T("0000.ptau"));
        AssertSameBytes(S("0000.ptau"), T("0000.ptau"), "new");

        // 1: tau contribute (fixed randomness) on snarkjs's file; snarkjs with the same bytes must agree.
        tau.Contribute(S("0000.ptau"), T("0001.ptau"), "tau one", "tau entropy one", RandomA);
        Snarkjs.RunOk(["powersoftau", "contribute", S("0000.ptau"), S("0001.ptau"), "--name=tau one", "-e=tau entropy one"], RandomA);
        AssertSameBytes(S("0001.ptau"), T("0001.ptau"), "contribute (fixed randomness)");
        AssertValid(T("0001.ptau"), tau);

        // 2: snarkjs contribute with real randomness on tau's file.
        Snarkjs.RunOk(["powersoftau", "contribute", T("0001.ptau"), S("0002.ptau"), "--name=snarkjs two", "-e=real os randomness"]);
        AssertValid(S("0002.ptau"), tau);

        // 3: the offline flow: export challenge, challenge contribute, import response.
        tau.ExportChallenge(S("0002.ptau"), T("challenge_0003"));
        Snarkjs.RunOk(["powersoftau", "export", "challenge", S("0002.ptau"), S("challenge_0003")]);
        AssertSameBytes(S("challenge_0003"), T("challenge_0003"), "export challenge");

        tau.ChallengeContribute(curve, T("challenge_0003"), T("response_0003"), "offline three", "offline entropy", RandomB);
        Snarkjs.RunOk(["powersoftau", "challenge", "contribute", curve, T("challenge_0003"), S("response_0003"), "-e=offline entropy"], RandomB);
        AssertSameBytes(S("response_0003"), T("response_0003"), "challenge contribute (fixed randomness)");

        tau.ImportResponse(S("0002.ptau"), T("response_0003"), T("0003.ptau"), "imported three");
        Snarkjs.RunOk(["powersoftau", "import", "response", S("0002.ptau"), T("response_0003"), S("0003.ptau"), "-n=imported three"]);
        AssertSameBytes(S("0003.ptau"), T("0003.ptau"), "import response");
        AssertValid(T("0003.ptau"), tau);

        // 4: snarkjs contribute with real randomness on tau's import.
        Snarkjs.RunOk(["powersoftau", "contribute", T("0003.ptau"), S("0004.ptau"), "--name=snarkjs four", "-e=more os randomness"]);
        AssertValid(S("0004.ptau"), tau);

        // 5: beacon.
        tau.Beacon(S("0004.ptau"), T("beacon.ptau"), BeaconHash, 10, "Final Beacon");
        Snarkjs.RunOk(["powersoftau", "beacon", S("0004.ptau"), S("beacon.ptau"), BeaconHash, "10", "-n=Final Beacon"]);
        AssertSameBytes(S("beacon.ptau"), T("beacon.ptau"), "beacon");
        AssertValid(T("beacon.ptau"), tau);

        // 6: prepare phase2 (verify then also checks the Lagrange sections 12-15, spec/ptau.md §7 step 6).
        tau.PreparePhase2(T("beacon.ptau"), T("final.ptau"));
        Snarkjs.RunOk(["powersoftau", "prepare", "phase2", T("beacon.ptau"), S("final.ptau")]);
        AssertSameBytes(S("final.ptau"), T("final.ptau"), "prepare phase2");
        AssertValid(T("final.ptau"), tau);

        // 7: truncate: <name>_01 .. <name>_(power-1) from both tools (in their own folders: same names).
        string tauDir = Directory.CreateDirectory(dir.File("tau-truncate")).FullName;
        string snarkjsDir = Directory.CreateDirectory(dir.File("snarkjs-truncate")).FullName;
        File.Copy(T("final.ptau"), Path.Combine(tauDir, "final.ptau"));
        File.Copy(T("final.ptau"), Path.Combine(snarkjsDir, "final.ptau"));
        tau.Truncate(Path.Combine(tauDir, "final.ptau"));
        Snarkjs.RunOk(["powersoftau", "truncate", "final.ptau"], workingDirectory: snarkjsDir);
        for (int p = 1; p < power; p++)
        {
            string name = $"final_{p:D2}.ptau";
            AssertSameBytes(Path.Combine(snarkjsDir, name), Path.Combine(tauDir, name), "truncate " + name);
        }
        Assert.Equal(power - 1, Directory.GetFiles(tauDir, "final_*.ptau").Length);
        AssertValid(Path.Combine(tauDir, $"final_{power - 1:D2}.ptau"), tau);

        output.WriteLine("CLI used per verb: " + string.Join(", ", tau.UsedCli.Select(kv => $"{kv.Key}={(kv.Value ? "cli" : "in-process")}")));
        output.WriteLine(TauVerbs.HasVerify ? "tau powersoftau verify checked every step" : "tau powersoftau verify is not in this build: snarkjs verify only");
    }

    private void AssertValid(string ptau, TauVerbs tau)
    {
        Snarkjs.AssertAccepts(ptau);
        if (tau.Verify(ptau) is { } result)
            Assert.True(result.ExitCode == 0, "tau powersoftau verify rejected " + Path.GetFileName(ptau) + ":\n" + result);
        output.WriteLine("verified " + Path.GetFileName(ptau));
    }

    private static void AssertSameBytes(string expectedPath, string actualPath, string step)
    {
        byte[] expected = File.ReadAllBytes(expectedPath), actual = File.ReadAllBytes(actualPath);
        Assert.True(expected.Length == actual.Length, $"{step}: snarkjs wrote {expected.Length} bytes, tau {actual.Length}");
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{step}: tau's output differs from snarkjs's at byte {first} of {expected.Length}");
    }
}
