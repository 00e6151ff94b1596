namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// The phase-2 verbs as the real `tau` process against snarkjs 0.7.6's fixtures (tests/oracle/fixtures/zkey, made by
/// tests/oracle/make-zkey-fixtures.sh): byte-identical keys and JSON, snarkjs's hash lines, and the refusals.
/// </summary>
public sealed class ZkeyVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-zkey-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    /// <summary>FIX_RANDOM_HEX of the first contribution: bytes 01 02 … 40 (fixtures/zkey/README.md).</summary>
    private static readonly string FirstRandomHex = Convert.ToHexStringLower([.. Enumerable.Range(1, 64).Select(i => (byte)i)]);

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Setup_contribute_beacon_and_export_give_snarkjs_s_files_and_verify_passes(string curve)
    {
        var setup = TauProcess.Run("groth16", "setup", SnarkjsLog.ZkeyFixture($"mul_{curve}.r1cs"), SnarkjsLog.Fixture($"{curve}_p4_final.ptau"), Out("0000.zkey"));
        Assert.Equal(0, setup.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.ZkeyFixture($"mul_{curve}_0000.zkey")), File.ReadAllBytes(Out("0000.zkey")));
        Assert.Equal(SnarkjsLog.Block($"mul_{curve}.log", "Circuit hash: ", "## groth16 setup"), setup.Stdout.TrimEnd('\n'));

        var contribute = TauProcess.Run("zkey", "contribute", Out("0000.zkey"), Out("0001.zkey"), "--name=First phase2 contribution",
            "-e", "phase2 entropy one", "--insecure-test-randomness", FirstRandomHex, "--no-attestation");
        Assert.Equal(0, contribute.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.ZkeyFixture($"mul_{curve}_0001.zkey")), File.ReadAllBytes(Out("0001.zkey")));
        string section = "## zkey contribute (FIX_RANDOM_HEX=" + FirstRandomHex;
        Assert.Equal(SnarkjsLog.Block($"mul_{curve}.log", "Circuit Hash: ", section) + "\n" + SnarkjsLog.Block($"mul_{curve}.log", "Contribution Hash: ", section),
            contribute.Stdout.TrimEnd('\n'));

        var beacon = TauProcess.Run("zkey", "beacon", SnarkjsLog.ZkeyFixture($"mul_{curve}_0002.zkey"), Out("final.zkey"),
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "10", "-n", "Final Beacon phase2");
        Assert.Equal(0, beacon.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.ZkeyFixture($"mul_{curve}_final.zkey")), File.ReadAllBytes(Out("final.zkey")));
        Assert.Equal(SnarkjsLog.Block($"mul_{curve}.log", "Contribution Hash: ", "## zkey beacon"), beacon.Stdout.TrimEnd('\n'));

        var verify = TauProcess.Run("zkey", "verify", SnarkjsLog.ZkeyFixture($"mul_{curve}.r1cs"), SnarkjsLog.Fixture($"{curve}_p4_final.ptau"), Out("final.zkey"));
        Assert.Equal(0, verify.ExitCode);
        Assert.EndsWith("ZKey Ok!", verify.Stdout.TrimEnd('\n'));

        Assert.Equal(0, TauProcess.Run("zkey", "export", "verificationkey", Out("final.zkey"), Out("vk.json")).ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.ZkeyFixture($"mul_{curve}_vk.json")), File.ReadAllBytes(Out("vk.json")));
    }

    [Fact]
    public void Verify_against_another_circuit_fails_and_writes_no_ok()
    {
        var r = TauProcess.Run("zkey", "verify", SnarkjsLog.ZkeyFixture("square_bn128.r1cs"), SnarkjsLog.Fixture("bn128_p4_final.ptau"),
            SnarkjsLog.ZkeyFixture("mul_bn128_final.zkey"));
        Assert.NotEqual(0, r.ExitCode);
        Assert.DoesNotContain("ZKey Ok!", r.Stdout);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_attested_zkey_contribution_must_name_its_circuit()
    {
        var r = TauProcess.Run("zkey", "contribute", SnarkjsLog.ZkeyFixture("mul_bn128_0000.zkey"), Out("0001.zkey"), "-e", "x", "--sign", "pkcs11:token=any;object=any");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--r1cs", r.Stderr);
        Assert.False(File.Exists(Out("0001.zkey")));
    }
}
