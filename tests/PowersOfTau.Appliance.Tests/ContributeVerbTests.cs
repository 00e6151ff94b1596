namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// `tau powersoftau contribute` without tokens: with snarkjs's 64 "OS random" bytes fixed to 0x2a (the fixture's
/// tests/oracle/fixed-random.mjs) given as --insecure-test-randomness, the output must be snarkjs's file byte for
/// byte and the printed hashes snarkjs's lines; and the refusals that happen before any entropy is drawn.
/// </summary>
public sealed class ContributeVerbTests : IDisposable
{
    internal static readonly string FixedSeedHex = string.Concat(Enumerable.Repeat("2a", 64));
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-contribute-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("bn128_p4_0000.ptau", "bn128_p4_fixedrandom.ptau")]
    [InlineData("bls12381_p4_0001.ptau", "bls12381_p4_fixedrandom.ptau")]
    public void A_fixed_seed_reproduces_snarkjs_byte_for_byte_with_its_hash_lines_and_a_loud_warning(string input, string expected)
    {
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture(input), Out("out.ptau"), "--name=Deterministic",
            "-e", "deterministic entropy", "--insecure-test-randomness", FixedSeedHex, "--no-attestation");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture(expected)), File.ReadAllBytes(Out("out.ptau")));
        string section = "## contribute " + input;
        Assert.Equal(SnarkjsLog.Block("deterministic.log", "Contribution Response Hash imported: ", section) + "\n"
            + SnarkjsLog.Block("deterministic.log", "Next Challenge Hash: ", section), r.Stdout.TrimEnd('\n'));
        Assert.Contains("WORTHLESS", r.Stderr);
    }

    [Fact]
    public void Other_entropy_text_gives_another_contribution()
    {
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "--name=Deterministic",
            "-e", "deterministic entropy!", "--insecure-test-randomness", FixedSeedHex, "--no-attestation");
        Assert.Equal(0, r.ExitCode);
        Assert.NotEqual(File.ReadAllBytes(SnarkjsLog.Fixture("bn128_p4_fixedrandom.ptau")), File.ReadAllBytes(Out("out.ptau")));
    }

    [Fact]
    public void The_insecure_seed_is_refused_from_a_config_file_before_anything_is_written()
    {
        File.WriteAllText(Out("tau.toml"), $"no-attestation = true\ninsecure-test-randomness = \"{FixedSeedHex}\"\n");
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--config", Out("tau.toml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("insecure-test-randomness is never accepted from a configuration file", r.Stderr);
        Assert.False(File.Exists(Out("out.ptau")));
    }

    [Fact]
    public void A_config_file_supplies_the_settings_the_command_line_leaves_out()
    {
        File.WriteAllText(Out("tau.toml"), "no-attestation = true\nquiet = true\nentropy-sources = [\"os\"]\n");
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--config", Out("tau.toml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stdout); // quiet came from the file
        Assert.True(File.Exists(Out("out.ptau")));
        Assert.False(File.Exists(Out("out.ptau.cose")));
    }

    [Theory]
    [InlineData("nope = 1\n", "unknown key 'nope'")]
    [InlineData("quiet = \"yes\"\n", "'quiet' must be true or false")]
    [InlineData("quiet = \n", "not valid TOML")]
    public void A_bad_config_file_is_bad_usage(string toml, string message)
    {
        File.WriteAllText(Out("tau.toml"), toml);
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--no-attestation", "--config", Out("tau.toml"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(File.Exists(Out("out.ptau")));
    }

    [Theory]
    [InlineData("--insecure-test-randomness", "2a2a")]
    [InlineData("--entropy-source", "dice")]
    [InlineData("--entropy-source", "pkcs11:token=x?pin-value=1234")]
    public void Malformed_entropy_settings_are_bad_usage(string option, string value)
    {
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--no-attestation", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Out("out.ptau")));
    }

    [Fact]
    public void Without_a_key_an_attestation_must_be_declined_explicitly()
    {
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--sign", r.Stderr);
        Assert.False(File.Exists(Out("out.ptau")));
    }

    [Fact]
    public void Airgapped_is_refused_while_a_network_interface_is_up()
    {
        bool up = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Any(i =>
            i.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up && i.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback);
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--no-attestation", "--airgapped");
        Assert.Equal(up ? 2 : 0, r.ExitCode);
        Assert.Equal(!up, File.Exists(Out("out.ptau")));
        if (up) Assert.Contains("--airgapped", r.Stderr);
    }

    [Fact]
    public void The_insecure_option_is_hidden_from_help()
    {
        var r = TauProcess.Run("powersoftau", "contribute", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--entropy-source", r.Stdout);
        Assert.Contains("--sign", r.Stdout);
        Assert.DoesNotContain("insecure", r.Stdout);
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Challenge_contribute_with_the_fixed_seed_reproduces_snarkjs_s_response_and_lines(string curve)
    {
        var r = TauProcess.Run("powersoftau", "challenge", "contribute", curve, SnarkjsLog.Fixture($"challenge_{curve}_p4_0002"), Out("response"),
            "-e", "deterministic entropy", "--insecure-test-randomness", FixedSeedHex, "--no-attestation");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"response_{curve}_p4_fixedrandom")), File.ReadAllBytes(Out("response")));
        string section = $"## challenge contribute {curve}";
        Assert.Equal(string.Join("\n", new[] { "Claimed Previous Response Hash: ", "Current Challenge Hash: ", "Contribution Response Hash: " }
            .Select(title => SnarkjsLog.Block("deterministic.log", title, section))), r.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Progress_goes_to_stderr_as_plain_lines_when_piped_and_not_at_all_with_quiet()
    {
        var shown = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("a.ptau"), "-e", "x", "--no-attestation");
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("applying key to tauG1: 31/31 points (", shown.Stderr);
        Assert.DoesNotContain("points", shown.Stdout);

        var quiet = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("b.ptau"), "-e", "x", "--no-attestation", "--quiet");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Stderr);
        Assert.Equal("", quiet.Stdout);
    }

    [Fact]
    public async Task A_termination_signal_mid_contribution_cancels_it_and_leaves_no_file_behind()
    {
        Assert.Equal(0, TauProcess.Run("powersoftau", "new", "bn128", "14", Out("in.ptau")).ExitCode);
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string a in new[] { TauProcess.TauDll, "powersoftau", "contribute", Out("in.ptau"), Out("out.ptau"), "-e", "x", "--no-attestation" })
            psi.ArgumentList.Add(a);
        using var tau = System.Diagnostics.Process.Start(psi)!;
        tau.StandardInput.Close();
        var stdout = tau.StandardOutput.ReadToEndAsync();
        string? first = await tau.StandardError.ReadLineAsync(); // the first progress line: the key is being applied
        Assert.StartsWith("applying key to tauG1", first);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", tau.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        string rest = await tau.StandardError.ReadToEndAsync();
        await tau.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(130, tau.ExitCode);
        Assert.Contains("tau: cancelled", rest);
        Assert.Equal("", await stdout);
        Assert.False(File.Exists(Out("out.ptau")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp-*"));
    }

    [Fact]
    public async Task Ctrl_c_at_the_operator_prompt_exits_at_once_with_130()
    {
        // script(1) gives tau a terminal, so the operator prompt appears (the default at a terminal).
        string command = $"exec dotnet {TauProcess.TauDll} powersoftau contribute {SnarkjsLog.Fixture("bn128_p4_0000.ptau")} {Out("out.ptau")} --no-attestation";
        var psi = new System.Diagnostics.ProcessStartInfo("script", ["-qec", command, "/dev/null"])
            { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        using var script = System.Diagnostics.Process.Start(psi)!;
        var shown = new System.Text.StringBuilder();
        var buffer = new char[256];
        while (!shown.ToString().Contains("then Enter", StringComparison.Ordinal))
        {
            int n = await script.StandardOutput.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(n > 0, "tau ended before prompting: " + shown);
            shown.Append(buffer, 0, n);
        }
        string children = await File.ReadAllTextAsync($"/proc/{script.Id}/task/{script.Id}/children");
        int tau = int.Parse(children.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-INT", tau.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        string rest = await script.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await script.WaitForExitAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}"); // not the 60 s termination timeout
        Assert.Equal(130, script.ExitCode); // script -e passes tau's exit code on
        Assert.Contains("tau: cancelled", rest);
        Assert.False(File.Exists(Out("out.ptau")));
        script.StandardInput.Close();
    }

    [Fact]
    public void A_warning_says_so_exactly_when_swap_is_on()
    {
        bool swapOn = PowersOfTau.Secrets.ProcessHardening.SwapTotalKiB() > 0;
        var r = TauProcess.Run("powersoftau", "contribute", SnarkjsLog.Fixture("bn128_p4_0000.ptau"), Out("out.ptau"), "-e", "x", "--no-attestation", "--quiet");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(swapOn, r.Stderr.Contains("swap is on", StringComparison.Ordinal));
    }
}
