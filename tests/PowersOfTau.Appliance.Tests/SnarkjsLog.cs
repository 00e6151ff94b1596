using PowersOfTau.Testing;

namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// Hash blocks as snarkjs 0.7.6 printed them in the committed fixture logs (tests/oracle/fixtures/ptau/*.log, made
/// by tests/oracle/make-ptau-fixtures.sh): the title line without the logger's "[INFO]  snarkJS: " prefix and the
/// four indented lines after it.
/// </summary>
internal static class SnarkjsLog
{
    public static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests/oracle/fixtures/ptau", name);

    public static string ZkeyFixture(string name) => Path.Combine(RepoPaths.Root, "tests/oracle/fixtures/zkey", name);

    /// <summary>The <paramref name="occurrence"/>-th block titled <paramref name="title"/> after the line containing <paramref name="after"/>.</summary>
    public static string Block(string log, string title, string after = "", int occurrence = 0)
    {
        var lines = File.ReadAllLines(File.Exists(Fixture(log)) ? Fixture(log) : ZkeyFixture(log));
        int start = after.Length == 0 ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        Assert.True(start >= 0, $"'{after}' not in {log}");
        const string prefix = "[INFO]  snarkJS: ";
        for (int i = start; i < lines.Length; i++)
        {
            if (lines[i] != prefix + title) continue;
            if (occurrence-- > 0) continue;
            return string.Join('\n', lines.Skip(i).Take(5).Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? l[prefix.Length..] : l));
        }
        throw new InvalidOperationException($"no block '{title}' in {log}");
    }
}
