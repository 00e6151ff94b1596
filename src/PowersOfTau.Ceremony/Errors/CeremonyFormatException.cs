namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// A ceremony file (.ptau, challenge, response) is unreadable or invalid. The message is one line naming the
/// file, the place (section, contribution) and the problem; it never contains secret data. Build instances
/// through <see cref="CeremonyErrors"/>.
/// </summary>
public sealed class CeremonyFormatException : Exception
{
    internal CeremonyFormatException(string fileName, CeremonyErrorCategory category, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
        Category = category;
    }

    /// <summary>The file name as the user gave it.</summary>
    public string FileName { get; }

    /// <summary>Unreadable (exit code 2) or invalid transcript (exit code 1).</summary>
    public CeremonyErrorCategory Category { get; }

    /// <summary>The process exit code for this error (ARCHITECTURE.md §3).</summary>
    public int ExitCode => Category == CeremonyErrorCategory.Unreadable ? 2 : 1;
}
