using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// The real `tau` process with real tokens (SoftHSM2 key and certificate from hsm/ca/mint.sh, swtpm entropy):
/// new → contribute with an attestation → attest verify / show → powersoftau verify, and the tampered twins.
/// </summary>
[Collection(HardwareCollection.Name)]
public sealed class EndToEndTests(HardwareTokens tokens) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string P(string name) => Path.Combine(_dir, name);

    private TauProcess.Result Tau(params string[] args) => TauProcess.RunIn(tokens.Environment, _dir, args);

    private string SignUri => tokens.SoftHsmUri("object=ec256");

    [Fact]
    public void A_signed_contribution_verifies_as_an_attestation_and_as_a_transcript()
    {
        Assert.Equal(0, Tau("powersoftau", "new", "bn128", "4", P("in.ptau")).ExitCode);
        var contribute = Tau("powersoftau", "contribute", P("in.ptau"), P("out.ptau"), "-e", "some typed text",
            "--entropy-source", "tpm:" + tokens.TpmUri(), "--entropy-source", tokens.SoftHsmUri(), "--sign", SignUri, "--ceremony-id", "e2e");
        Assert.True(contribute.ExitCode == 0, contribute.Stderr);
        Assert.Contains("Contribution Response Hash imported: ", contribute.Stdout);
        Assert.Contains("Attestation: " + P("out.ptau.cose"), contribute.Stdout);

        var verify = Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--input", P("in.ptau"), "--output", P("out.ptau"));
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        var bound = Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--transcript", P("out.ptau"));
        Assert.True(bound.ExitCode == 0, bound.Stdout + bound.Stderr);
        Assert.Contains("record 1 of", bound.Stdout);
        var unbound = Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--transcript", P("in.ptau"));
        Assert.Equal(1, unbound.ExitCode); // a transcript without the contribution
        Assert.Contains("none of the 0 contributions", unbound.Stdout);
        var json = Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"exitCode\": 0", json.Stdout);

        var show = Tau("attest", "show", P("out.ptau.cose"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains(tokens.SoftHsmSerial, show.Stdout);
        Assert.Contains("tpm2-getrandom", show.Stdout);
        Assert.Contains("pkcs11-rng", show.Stdout);

        Assert.Equal(0, Tau("powersoftau", "verify", P("out.ptau")).ExitCode);

        // Tampered twins: another input, another root.
        Assert.Equal(1, Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--input", P("out.ptau")).ExitCode);
        Assert.Equal(1, Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.Environment["TAU_TEST_CERT_TPM_EC256"]).ExitCode);
        Assert.Equal(2, Tau("attest", "verify", P("in.ptau"), "--root", tokens.RootCaPem).ExitCode); // not a COSE message
    }

    [Fact]
    public void A_wrong_pin_is_exit_3_in_one_line_and_leaves_nothing()
    {
        Assert.Equal(0, Tau("powersoftau", "new", "bn128", "4", P("in.ptau")).ExitCode);
        string wrong = SignUri.Replace(tokens.SoftHsmPinFile, tokens.SoftHsmWrongPinFile, StringComparison.Ordinal);
        var r = Tau("powersoftau", "contribute", P("in.ptau"), P("out.ptau"), "-e", "x", "--sign", wrong);
        Assert.Equal(3, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("wrong PIN", r.Stderr);
        Assert.DoesNotContain("123456", r.Stderr);
        Assert.False(File.Exists(P("out.ptau")));
        Assert.False(File.Exists(P("out.ptau.cose")));
    }

    [Fact]
    public void An_insecure_seed_signs_an_attestation_that_verifies_only_when_allowed()
    {
        var r = Tau("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), P("out.ptau"), "--name=Deterministic",
            "-e", "deterministic entropy", "--insecure-test-randomness", ContributeVerbTests.FixedSeedHex, "--sign", SignUri);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture("bn128_p4_fixedrandom.ptau")), File.ReadAllBytes(P("out.ptau")));
        Assert.Equal(1, Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem).ExitCode);
        Assert.Equal(0, Tau("attest", "verify", P("out.ptau.cose"), "--root", tokens.RootCaPem, "--allow-insecure-test-randomness").ExitCode);
    }

    [Fact]
    public void Tokens_list_shows_the_token_its_keys_and_a_uri()
    {
        var r = Tau("tokens", "list", "--module", tokens.SoftHsmModule);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(tokens.SoftHsmToken, r.Stdout);
        Assert.Contains("ec256", r.Stdout);
        Assert.Contains($"token '{tokens.SoftHsmToken}': pkcs11:", r.Stdout);

        var missing = Tau("tokens", "list", "--module", "/nonexistent/module.so");
        Assert.Equal(0, missing.ExitCode); // a broken module is reported in the table, not thrown
        Assert.Contains("not found", missing.Stdout);
    }

    [Fact]
    public void A_signed_zkey_contribution_carries_the_circuit_digests_and_verifies()
    {
        string r1cs = SnarkjsLog.ZkeyFixture("mul_bn128.r1cs");
        var r = Tau("zkey", "contribute", SnarkjsLog.ZkeyFixture("mul_bn128_0000.zkey"), P("0001.zkey"), "-e", "x", "--r1cs", r1cs, "--sign", SignUri, "--quiet");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(0, Tau("attest", "verify", P("0001.zkey.cose"), "--root", tokens.RootCaPem,
            "--input", SnarkjsLog.ZkeyFixture("mul_bn128_0000.zkey"), "--output", P("0001.zkey")).ExitCode);
        var show = Tau("attest", "show", P("0001.zkey.cose"), "--json");
        Assert.Equal(0, show.ExitCode);
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(r1cs)));
        Assert.Contains(sha, show.Stdout);
        Assert.Equal(0, Tau("zkey", "verify", r1cs, SnarkjsLog.Fixture("bn128_p4_final.ptau"), P("0001.zkey"), "--quiet").ExitCode);
    }

    [Fact]
    public void An_unreachable_tpm_stops_the_contribution_with_exit_3_and_no_output()
    {
        Assert.Equal(0, Tau("powersoftau", "new", "bn128", "4", P("in.ptau")).ExitCode);
        // The same TPM token URI, but the tpm2-pkcs11 module is pointed at a closed loopback port (no swtpm there).
        var environment = new Dictionary<string, string>(tokens.Environment) { ["TPM2_PKCS11_TCTI"] = "swtpm:host=127.0.0.1,port=9" };
        var r = TauProcess.RunIn(environment, _dir, "powersoftau", "contribute", P("in.ptau"), P("out.ptau"), "-e", "text",
            "--entropy-source", "tpm:" + tokens.TpmUri(), "--no-attestation", "--quiet");
        Assert.Equal(3, r.ExitCode);
        var ours = r.Stderr.Split('\n').Where(l => l.StartsWith("tau: ", StringComparison.Ordinal)).ToList();
        Assert.Single(ours); // the module's own TSS2 log lines may precede it; tau says one line
        Assert.Contains("tpm", ours[0]);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(File.Exists(P("out.ptau")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }
}
