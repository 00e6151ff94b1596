namespace PowersOfTau.Testing;

/// <summary>Locates the repository (the folder holding PowersOfTau.sln) and its oracle vectors from a test's bin folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Oracle => Path.Combine(Root, "tests", "oracle");

    public static string Vectors(string fileName) => Path.Combine(Oracle, "vectors", fileName);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "PowersOfTau.sln"))) return d.FullName;
        throw new InvalidOperationException("PowersOfTau.sln not found above " + AppContext.BaseDirectory);
    }
}
