using PowersOfTau.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PowersOfTau.Interop.Tests.MemoryScan;

/// <summary>
/// Issue #5: after `tau powersoftau contribute` has made its contribution, no secret is left in the process's memory.
/// A real tau runs with fixed randomness (--insecure-test-randomness, -e TEXT, --no-attestation); its secrets are
/// computed independently (tests/oracle/ptau-contribution-secrets.mjs: digest = BLAKE2b(seed64 ‖ text), ChaCha,
/// τ/α/β = Fr.fromRng ×3, τ²); the child is held still (<see cref="PausedTau"/>) and its whole memory is read through
/// /proc/PID/mem and searched for every encoding of τ, α, β, τ² (canonical LE/BE, Montgomery LE/BE = the raw fromRng
/// bytes), the digest (whole, first half, ChaCha key words) and the raw 64 random bytes.
/// The positive control stops the same contribution in the middle and must find τ — otherwise the scanner and the
/// patterns prove nothing.
/// The -e text is also searched and its hits are printed, not asserted: a text given on the command line is in the
/// process's argv and in the managed strings the CLI parser makes, by design (ARCHITECTURE.md §3 marks -e as such).
/// Needs root (tau sets PR_SET_DUMPABLE 0) and Linux.
/// </summary>
public sealed class ContributionMemoryScan(ITestOutputHelper output)
{
    private const string Text = "memory-scan entropy text 7f3a";
    private static readonly string RandomHex = string.Concat(Enumerable.Range(0, 64).Select(i => ((byte)(0x91 + i * 29)).ToString("x2")));
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly string[] FieldSecrets = ["tau", "alpha", "beta", "tau2"];

    [Theory]
    [InlineData("bn128", 8)]
    [InlineData("bls12381", 6)]
    public void AfterTheContribution_NoSecretIsInTheProcessMemory(string curve, int power)
    {
        using var dir = new ScratchDirectory();
        string input = MakeInput(dir, curve, power);
        var patterns = ContributionSecrets.Compute(curve, RandomHex, Text);

        ProcessMemory.ScanResult scan;
        ProcessResult finished;
        using (var tau = PausedTau.AfterContribution(dir.Path, ContributeArgs(input, dir.File("out.ptau")), Timeout))
        {
            scan = ProcessMemory.Scan(tau.Pid, patterns);
            finished = tau.Resume(Timeout);
        }
        Report(scan);
        Assert.True(finished.ExitCode == 0, finished.ToString());
        Assert.Contains("Contribution Response Hash", finished.Stdout, StringComparison.Ordinal); // it really was paused before printing
        Assert.True(scan.BytesRead > 16 << 20, $"only {scan.BytesRead} bytes read: the scan did not see the process");

        var leaks = scan.Hits.Where(h => !h.Pattern.StartsWith("text.", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "secrets left in memory after the contribution:\n" + string.Join('\n', leaks.Select(Describe)));
    }

    [Theory]
    [InlineData("bn128", 10)]
    [InlineData("bls12381", 8)]
    public void PositiveControl_InTheMiddleOfTheContribution_TauIsFound(string curve, int power)
    {
        using var dir = new ScratchDirectory();
        string input = MakeInput(dir, curve, power);
        var patterns = ContributionSecrets.Compute(curve, RandomHex, Text);

        ProcessMemory.ScanResult scan;
        // Stop once a quarter of the output is written: tauG1 is under way, τ and its powers are in use.
        long stopAt = new FileInfo(input).Length / 4;
        using (var tau = PausedTau.MidContribution(dir.Path, ContributeArgs(input, dir.File("out.ptau")), dir.File("out.ptau"), stopAt, Timeout))
        {
            scan = ProcessMemory.Scan(tau.Pid, patterns);
            var finished = tau.Resume(Timeout);
            Assert.True(finished.ExitCode == 0, finished.ToString());
        }
        Report(scan);
        Assert.True(scan.Hits.Any(h => h.Pattern.StartsWith("tau.", StringComparison.Ordinal)),
            "the scanner did not find tau in a process that is using it: the scan or the patterns are wrong");
    }

    private static string[] ContributeArgs(string input, string output) =>
        ["powersoftau", "contribute", input, output, "--name", "memory scan", "-e", Text, "--no-attestation", "--insecure-test-randomness", RandomHex];

    private static string MakeInput(ScratchDirectory dir, string curve, int power)
    {
        string path = dir.File("in.ptau");
        TauCli.RunOk("powersoftau", "new", curve, power.ToString(), path);
        return path;
    }

    private void Report(ProcessMemory.ScanResult scan)
    {
        output.WriteLine($"read {scan.BytesRead >> 20} MiB in {scan.Regions} resident mappings, {scan.BytesSkipped >> 10} KiB refused by the kernel");
        foreach (var group in scan.Hits.GroupBy(h => h.Pattern).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{group.Key}: {group.Count()} hit(s): {string.Join("; ", group.Take(4).Select(Describe))}");
        if (scan.Hits.Count == 0) output.WriteLine("no hits");
    }

    private static string Describe(ProcessMemory.Hit h) =>
        $"{h.Pattern} at 0x{h.Address:x} in {h.Region.Start:x}-{h.Region.End:x} {h.Region.Permissions} {h.Region.Name}";
}
