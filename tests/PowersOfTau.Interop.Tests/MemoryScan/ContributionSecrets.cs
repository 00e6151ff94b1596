using System.Text.Json;
using PowersOfTau.Interop.Tests.Infrastructure;
using PowersOfTau.Testing;

namespace PowersOfTau.Interop.Tests.MemoryScan;

/// <summary>
/// The secrets of one contribution computed independently by tests/oracle/ptau-contribution-secrets.mjs
/// (ffjavascript's Fr.fromRng and ChaCha, noble's BLAKE2b; spec/ptau.md §6), as named byte patterns
/// ("tau.montgomeryLE", "digest.whole", "text.utf8", …).
/// </summary>
public static class ContributionSecrets
{
    /// <summary>Runs the node script for <paramref name="curve"/>, the 64 random bytes (hex) and the -e text.</summary>
    public static Dictionary<string, byte[]> Compute(string curve, string randomHex, string text)
    {
        var result = ChildProcess.Run("node", [Path.Combine(RepoPaths.Oracle, "ptau-contribution-secrets.mjs"), curve, randomHex, text], TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var secret in json.RootElement.GetProperty("secrets").EnumerateObject())
            foreach (var encoding in secret.Value.EnumerateObject())
                patterns[secret.Name + "." + encoding.Name] = Convert.FromHexString(encoding.Value.GetString()!);
        return patterns;
    }
}
