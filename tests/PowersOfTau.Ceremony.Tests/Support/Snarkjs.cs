using System.Diagnostics;
using PowersOfTau.Testing;

namespace PowersOfTau.Ceremony.Tests.Support;

/// <summary>
/// Runs the pinned snarkjs 0.7.6 CLI (tests/oracle/node_modules, installed by `npm ci` in tests/oracle) as a child
/// process: the independent oracle for phase-2 interop tests.
/// </summary>
internal static class Snarkjs
{
    public static string Cli => Path.Combine(RepoPaths.Oracle, "node_modules", "snarkjs", "cli.js");

    public sealed record Outcome(int ExitCode, string Output);

    /// <summary>Runs <c>node cli.js args…</c> (optionally preloading fix-random.js with FIX_RANDOM_HEX) and waits.</summary>
    public static Outcome Run(IEnumerable<string> args, string? fixedRandomHex = null)
    {
        Assert.True(File.Exists(Cli), $"snarkjs is not installed: run `npm ci` in {RepoPaths.Oracle}");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (fixedRandomHex is not null)
        {
            start.ArgumentList.Add("-r");
            start.ArgumentList.Add(Path.Combine(RepoPaths.Oracle, "fix-random.js"));
            start.Environment["FIX_RANDOM_HEX"] = fixedRandomHex;
        }
        start.ArgumentList.Add(Cli);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Outcome(process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>`zkey verify r1cs ptau zkey`: true when snarkjs prints "ZKey Ok!" and exits 0.</summary>
    public static bool ZkeyVerifies(string r1cs, string ptau, string zkey)
    {
        var outcome = Run(["zkey", "verify", r1cs, ptau, zkey]);
        return outcome.ExitCode == 0 && outcome.Output.Contains("ZKey Ok!", StringComparison.Ordinal);
    }
}
