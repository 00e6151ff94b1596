using System.Text.RegularExpressions;

namespace PowersOfTau.Ceremony.Tests.Support;

/// <summary>Reads the hashes snarkjs printed (-v) into the fixture logs: a label line, then 4 lines of 4 hex words.</summary>
internal static partial class SnarkjsLog
{
    public static string FirstHashAfter(string logName, string label)
    {
        string text = File.ReadAllText(PtauFixtures.PathOf(logName));
        int at = text.IndexOf(label, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{label} not in {logName}");
        var words = HexWord().Matches(text[(at + label.Length)..]).Take(16).Select(m => m.Value);
        string hash = string.Concat(words);
        Assert.Equal(128, hash.Length);
        return hash;
    }

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex HexWord();
}
