namespace PowersOfTau.Interop.Tests.Infrastructure;

/// <summary>A fresh temporary folder per test, deleted afterwards.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates /tmp/tau-interop-&lt;random&gt;.</summary>
    public ScratchDirectory() => Path = Directory.CreateTempSubdirectory("tau-interop-").FullName;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A file name inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Names of every file in the folder (to check that nothing was left behind).</summary>
    public string[] FileNames() => [.. Directory.GetFiles(Path).Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
