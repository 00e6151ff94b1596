using System.CommandLine;

namespace PowersOfTau.Appliance.Commands;

/// <summary>Options several verbs share, spelled once.</summary>
public static class SharedOptions
{
    /// <summary>--force: replace existing output files (the operations refuse them otherwise).</summary>
    public static Option<bool> Force() => new("--force") { Description = "overwrite existing output files" };

    /// <summary>--json: machine-readable output.</summary>
    public static Option<bool> Json() => new("--json") { Description = "print JSON instead of text" };

    /// <summary>--quiet/-q: no progress display.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "no progress display" };

    /// <summary>--name/-n: the contribution name stored in the transcript.</summary>
    public static Option<string?> Name() => new("--name", "-n") { Description = "contribution name stored in the file" };
}
