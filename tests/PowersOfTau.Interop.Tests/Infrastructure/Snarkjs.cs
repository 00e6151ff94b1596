using PowersOfTau.Testing;

namespace PowersOfTau.Interop.Tests.Infrastructure;

/// <summary>
/// snarkjs 0.7.6 as the oracle: <c>node tests/oracle/node_modules/snarkjs/cli.js</c> (pinned in tests/oracle/package.json;
/// <c>npm ci</c> there first).
/// </summary>
public static class Snarkjs
{
    /// <summary>The CLI script.</summary>
    public static string CliJs => Path.Combine(RepoPaths.Oracle, "node_modules", "snarkjs", "cli.js");

    /// <summary>The preload that replaces snarkjs's 64 OS-random bytes by SNARKJS_FIXED_RANDOM_HEX.</summary>
    public static string FixedRandomPreload => Path.Combine(RepoPaths.Oracle, "fixed-random-env.mjs");

    /// <summary>How long one snarkjs run may take before the test fails.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(3);

    /// <summary>Runs snarkjs with real OS randomness.</summary>
    public static ProcessResult Run(params string[] args) => Run(args, fixedRandomHex: null);

    /// <summary>
    /// Runs snarkjs; with <paramref name="fixedRandomHex"/> (128 hex digits) its getRandomBytes(64) returns those bytes
    /// (only for contribute / challenge contribute — never for verify).
    /// </summary>
    public static ProcessResult Run(IEnumerable<string> args, string? fixedRandomHex, string? workingDirectory = null)
    {
        if (!File.Exists(CliJs)) throw new InvalidOperationException($"{CliJs} is missing: run `npm ci` in tests/oracle");
        List<string> nodeArgs = [];
        Dictionary<string, string>? env = null;
        if (fixedRandomHex is not null)
        {
            nodeArgs.AddRange(["--import", new Uri(FixedRandomPreload).AbsoluteUri]);
            env = new() { ["SNARKJS_FIXED_RANDOM_HEX"] = fixedRandomHex };
        }
        nodeArgs.Add(CliJs);
        nodeArgs.AddRange(args);
        return ChildProcess.Run("node", nodeArgs, DefaultTimeout, env, workingDirectory);
    }

    /// <summary>Runs snarkjs and fails the test unless it exits 0.</summary>
    public static ProcessResult RunOk(IEnumerable<string> args, string? fixedRandomHex = null, string? workingDirectory = null)
    {
        var result = Run(args, fixedRandomHex, workingDirectory);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    /// <summary>`snarkjs powersoftau verify`: true when it exits 0 and prints "Powers of Tau Ok!".</summary>
    public static (bool Accepted, ProcessResult Result) Verify(string ptau)
    {
        var result = Run("powersoftau", "verify", ptau);
        return (result.ExitCode == 0 && result.Stdout.Contains("Powers of Tau Ok!", StringComparison.Ordinal), result);
    }

    /// <summary>Fails the test unless snarkjs verify accepts <paramref name="ptau"/>.</summary>
    public static void AssertAccepts(string ptau)
    {
        var (accepted, result) = Verify(ptau);
        Assert.True(accepted, "snarkjs powersoftau verify rejected " + Path.GetFileName(ptau) + ":\n" + result);
    }
}
