using System.Collections.Concurrent;

namespace PowersOfTau.Interop.Tests.Infrastructure;

/// <summary>The real `tau` executable: the tau.dll built from src/PowersOfTau.Appliance and copied next to the tests.</summary>
public static class TauCli
{
    private static readonly ConcurrentDictionary<string, bool> VerbCache = new();

    /// <summary>Path of the built tau.dll.</summary>
    public static string TauDll => Path.Combine(AppContext.BaseDirectory, "tau.dll");

    /// <summary>How long one tau run may take before the test fails (a loaded 2-core machine, small powers).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(3);

    /// <summary>Runs <c>dotnet tau.dll args…</c>.</summary>
    public static ProcessResult Run(params string[] args) => Run(args, null);

    /// <summary>Runs <c>dotnet tau.dll args…</c> with extra environment variables and a working directory.</summary>
    public static ProcessResult Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string? workingDirectory = null, TimeSpan? timeout = null) =>
        ChildProcess.Run("dotnet", [TauDll, .. args], timeout ?? DefaultTimeout, environment, workingDirectory);

    /// <summary>
    /// Whether this build of tau has the verb (e.g. "powersoftau", "verify"): the help of a known verb shows the usage
    /// line "tau &lt;verb…&gt; …"; for an unknown one System.CommandLine shows the nearest parent's help (exit 0 as well).
    /// Lets the suite drive the CLI as soon as a verb lands and the room's operation directly until then.
    /// </summary>
    public static bool HasVerb(params string[] verb) =>
        VerbCache.GetOrAdd(string.Join(' ', verb), joined =>
        {
            var help = Run([.. verb, "--help"], null);
            return help.ExitCode == 0 && help.Stdout.Split('\n').Any(line =>
                line.Trim() is var usage && (usage == "tau " + joined || usage.StartsWith("tau " + joined + " ", StringComparison.Ordinal)));
        });

    /// <summary>Runs tau and fails the test unless it exits 0.</summary>
    public static ProcessResult RunOk(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
