using PowersOfTau.Attestation.Verification;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// The real `tau serve` process with a real SoftHSM2 attestation key (hsm/ scripts, the HardwareTokens fixture):
/// a dropped ptau / zkey comes out contributed and attested, bad inputs go to failed/ with a one-line reason,
/// SIGTERM stops it with exit 0 and nothing half-written, systemd notifications arrive, and bad starts fail fast.
/// </summary>
[Collection(HardwareCollection.Name)]
public sealed class ServeTests(HardwareTokens tokens) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Spool => Path.Combine(_dir, "spool");

    private string In(string folder, string name = "") => Path.Combine(Spool, folder, name);

    private string SignUri => tokens.SoftHsmUri("object=ec256");

    /// <summary>A spool with its four folders and a valid configuration; <paramref name="extra"/> lines go before [service].</summary>
    private string Config(string extra = "", string sign = "", string service = "", string console = "none")
    {
        foreach (string folder in new[] { "inbox", "outbox", "done", "failed" }) Directory.CreateDirectory(In(folder));
        string path = Path.Combine(_dir, "powersoftau.toml");
        File.WriteAllText(path, $"""
            sign = "{(sign.Length > 0 ? sign : SignUri)}"
            entropy-sources = ["os", "{tokens.SoftHsmUri()}"]
            ceremony-id = "serve-test"
            {extra}

            [service]
            spool = "{Spool}"
            operator-console = "{console}"
            allow-swap = true
            poll-interval-ms = 100
            {service}
            """);
        return path;
    }

    /// <summary>Drops a file into inbox/ the way a coordinator should: hidden name first, then a rename.</summary>
    private void Drop(string source, string name)
    {
        string hidden = In("inbox", "." + name + ".part");
        File.Copy(source, hidden);
        File.Move(hidden, In("inbox", name));
    }

    private static VerificationResult Verify(string cose, string root, string? input, string? output) =>
        AttestationVerifier.VerifyFile(cose, new VerificationOptions
        {
            TrustedRoots = TrustedRoots.LoadPemFiles([root]),
            InputPath = input,
            OutputPath = output,
        });

    private static string[] Listing(string folder) => [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!];

    [Fact]
    public void A_dropped_ptau_comes_out_contributed_and_attested_and_a_bad_one_goes_to_failed()
    {
        using var serve = ServeProcess.Start(Config(), tokens.Environment);
        serve.WaitReady();

        Drop(SnarkjsLog.Fixture("bn128_p4_0000.ptau"), "round1.ptau");
        serve.WaitFor(() => File.Exists(In("done", "round1.ptau")), "round1.ptau in done/");
        Assert.True(File.Exists(In("outbox", "round1.ptau")));
        Assert.True(File.Exists(In("outbox", "round1.ptau.cose")));
        Assert.Empty(Directory.GetFiles(In("inbox")));

        var verified = Verify(In("outbox", "round1.ptau.cose"), tokens.RootCaPem, In("done", "round1.ptau"), In("outbox", "round1.ptau"));
        Assert.True(verified.Outcome == VerificationOutcome.Valid, string.Join("; ", verified.Failures.Select(f => f.ToString())));
        Assert.Equal(0, TauProcess.Run("powersoftau", "verify", In("outbox", "round1.ptau")).ExitCode);
        // Tampered twin: the attestation does not describe the fixture as the output.
        Assert.NotEqual(VerificationOutcome.Valid, Verify(In("outbox", "round1.ptau.cose"), tokens.RootCaPem, null, SnarkjsLog.Fixture("bn128_p4_0000.ptau")).Outcome);

        // A bad input: not a ptau at all.
        File.WriteAllText(In("inbox", ".bad.ptau.part"), "this is not a ptau file");
        File.Move(In("inbox", ".bad.ptau.part"), In("inbox", "bad.ptau"));
        serve.WaitFor(() => File.Exists(In("failed", "bad.ptau.error.txt")), "bad.ptau.error.txt in failed/");
        Assert.True(File.Exists(In("failed", "bad.ptau")));
        string[] reason = File.ReadAllLines(In("failed", "bad.ptau.error.txt"));
        Assert.Single(reason);
        Assert.Contains("exit code 2", reason[0]);
        Assert.Equal(["round1.ptau", "round1.ptau.cose"], Listing(In("outbox")));

        // The status follows the file moves; wait for it (bounded) rather than race it.
        serve.WaitFor(() => serve.Notifications.Any(n => n.StartsWith("STATUS=failed: bad.ptau", StringComparison.Ordinal)), "STATUS=failed: bad.ptau", seconds: 5);
        var notes = serve.Notifications.ToArray();
        Assert.Contains(notes, n => n.Contains("READY=1") && n.Contains("STATUS=ready"));
        Assert.Contains(notes, n => n.StartsWith("STATUS=contributing to round1.ptau", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("STATUS=done: round1.ptau", StringComparison.Ordinal));

        serve.TerminateCleanly();
        Assert.Contains(serve.Notifications, n => n.StartsWith("STOPPING=1", StringComparison.Ordinal));
        Assert.Equal(["round1.ptau", "round1.ptau.cose"], Listing(In("outbox")));
        Assert.Contains("Contribution Response Hash imported:", serve.Output); // the hash lines reach the journal
    }

    [Fact]
    public void A_dropped_zkey_with_its_circuit_is_contributed_and_without_it_fails()
    {
        using var serve = ServeProcess.Start(Config(), tokens.Environment);
        serve.WaitReady();

        Drop(SnarkjsLog.ZkeyFixture("mul_bn128.r1cs"), "mul_0000.r1cs");
        Drop(SnarkjsLog.ZkeyFixture("mul_bn128_0000.zkey"), "mul_0000.zkey");
        serve.WaitFor(() => File.Exists(In("done", "mul_0000.zkey")), "mul_0000.zkey in done/");
        Assert.True(File.Exists(In("done", "mul_0000.r1cs")));
        var verified = Verify(In("outbox", "mul_0000.zkey.cose"), tokens.RootCaPem, In("done", "mul_0000.zkey"), In("outbox", "mul_0000.zkey"));
        Assert.True(verified.Outcome == VerificationOutcome.Valid, string.Join("; ", verified.Failures.Select(f => f.ToString())));
        var zkeyVerify = TauProcess.Run("zkey", "verify", SnarkjsLog.ZkeyFixture("mul_bn128.r1cs"), SnarkjsLog.Fixture("bn128_p4_final.ptau"), In("outbox", "mul_0000.zkey"));
        Assert.True(zkeyVerify.ExitCode == 0, zkeyVerify.Stdout + zkeyVerify.Stderr);

        Drop(SnarkjsLog.ZkeyFixture("mul_bn128_0000.zkey"), "orphan.zkey");
        serve.WaitFor(() => File.Exists(In("failed", "orphan.zkey.error.txt")), "orphan.zkey.error.txt in failed/");
        Assert.Contains("orphan.r1cs is missing", File.ReadAllText(In("failed", "orphan.zkey.error.txt")));
        Assert.False(File.Exists(In("outbox", "orphan.zkey")));
        serve.TerminateCleanly();
    }

    [Fact]
    public void SIGTERM_while_idle_exits_0_leftovers_of_a_killed_run_are_removed_and_the_watchdog_is_fed()
    {
        string config = Config();
        File.WriteAllText(In("outbox", ".inprogress-old.ptau.tmp-abc"), "half-written by a killed run");
        File.WriteAllText(In("outbox", "finished-earlier.ptau"), "a published output is not a leftover");
        using var serve = ServeProcess.Start(config, tokens.Environment, watchdogMicroseconds: 400_000);
        serve.WaitReady();
        Assert.Equal(["finished-earlier.ptau"], Listing(In("outbox")));
        // WatchdogSec=0.4 s: pings every 0.2 s; wait for a few.
        serve.WaitFor(() => serve.Notifications.Count(n => n == "WATCHDOG=1") >= 3, "three WATCHDOG=1", seconds: 10);
        serve.TerminateCleanly();
        Assert.Equal(["finished-earlier.ptau"], Listing(In("outbox")));
    }

    [Fact]
    public void The_operator_types_entropy_at_the_console_without_echo_and_the_attestation_says_so()
    {
        using var console = new PseudoTerminal();
        using var serve = ServeProcess.Start(Config(console: console.SlavePath), tokens.Environment);
        serve.WaitReady();
        Drop(SnarkjsLog.Fixture("bn128_p4_0000.ptau"), "typed.ptau");
        serve.WaitFor(() => console.Seen.Contains("Type some random text", StringComparison.Ordinal) && console.EchoOff, "the no-echo prompt on the console");
        console.Type("correct horse battery staple\n");
        serve.WaitFor(() => File.Exists(In("done", "typed.ptau")), "typed.ptau in done/");
        serve.WaitFor(() => console.Seen.Contains("(28 characters read)", StringComparison.Ordinal), "the character count on the console", seconds: 5);
        Assert.DoesNotContain("horse", console.Seen); // not echoed
        Assert.DoesNotContain("horse", serve.Output); // not logged

        var show = TauProcess.Run("attest", "show", In("outbox", "typed.ptau.cose"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("operator-keyboard", show.Stdout);
        Assert.True(Verify(In("outbox", "typed.ptau.cose"), tokens.RootCaPem, In("done", "typed.ptau"), In("outbox", "typed.ptau")).Outcome == VerificationOutcome.Valid);
        serve.TerminateCleanly();
    }

    [Fact]
    public void A_console_that_is_not_a_terminal_fails_the_start_with_exit_2()
    {
        string notATerminal = Path.Combine(_dir, "plain-file");
        File.WriteAllText(notATerminal, "");
        using var serve = ServeProcess.Start(Config(console: notATerminal), tokens.Environment);
        Assert.Equal(2, serve.WaitExit());
        Assert.Contains("is not a terminal", serve.Output);
    }

    [Fact]
    public void SIGTERM_during_a_contribution_cancels_it_leaves_nothing_in_outbox_and_keeps_the_input()
    {
        string big = Path.Combine(_dir, "p15.ptau"); // 2^15: seconds of work even with the 8-lane path (2^12 now ends in ~0.5 s)
        Assert.Equal(0, TauProcess.Run("powersoftau", "new", "bn128", "15", big).ExitCode);
        using var serve = ServeProcess.Start(Config(), tokens.Environment);
        serve.WaitReady();
        Drop(big, "big.ptau");
        serve.WaitFor(() => serve.Notifications.Any(n => n.StartsWith("STATUS=contributing to big.ptau", StringComparison.Ordinal)), "the contribution to start");
        Thread.Sleep(500); // past the key and the entropy, into the point loops
        var watch = System.Diagnostics.Stopwatch.StartNew();
        serve.TerminateCleanly();
        Assert.Contains("cancelled by the stop request", serve.Output);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the stop took {watch.Elapsed}");
        Assert.True(File.Exists(In("inbox", "big.ptau")));
        Assert.Empty(Directory.GetFiles(In("outbox"))); // no output, no in-progress name, no *.tmp-*
        Assert.Empty(Directory.GetFiles(In("done")));
        Assert.Empty(Directory.GetFiles(In("failed")));
    }

    [Fact]
    public void A_configuration_with_insecure_test_randomness_is_refused_with_exit_2()
    {
        using var serve = ServeProcess.Start(Config(extra: $"insecure-test-randomness = \"{ContributeVerbTests.FixedSeedHex}\""), tokens.Environment);
        Assert.Equal(2, serve.WaitExit());
        Assert.Contains("insecure-test-randomness is never accepted", serve.Output);
        Assert.DoesNotContain(serve.Notifications, n => n.Contains("READY=1"));
    }

    [Fact]
    public void A_wrong_pin_fails_the_start_with_exit_3_and_a_missing_spool_folder_with_exit_2()
    {
        string wrong = SignUri.Replace(tokens.SoftHsmPinFile, tokens.SoftHsmWrongPinFile, StringComparison.Ordinal);
        using (var serve = ServeProcess.Start(Config(sign: wrong), tokens.Environment))
        {
            Assert.Equal(3, serve.WaitExit());
            Assert.Contains("wrong PIN", serve.Output);
            Assert.DoesNotContain(serve.Notifications, n => n.Contains("READY=1"));
        }
        string config = Config();
        Directory.Delete(In("failed"));
        using (var serve = ServeProcess.Start(config, tokens.Environment))
        {
            Assert.Equal(2, serve.WaitExit());
            Assert.Contains("failed does not exist", serve.Output);
        }
    }
}
