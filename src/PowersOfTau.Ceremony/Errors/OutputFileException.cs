namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// An output file cannot be written as asked: it exists (and --force was not given), it is the input file,
/// or the disk is full. Bad usage or bad environment, so the exit code is 2. No partial output is left
/// behind when this is thrown by <see cref="Files.AtomicFileWriter"/>.
/// </summary>
public sealed class OutputFileException : IOException
{
    internal OutputFileException(string fileName, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
    }

    /// <summary>The output file name as the user gave it.</summary>
    public string FileName { get; }

    /// <summary>True when the cause is ENOSPC (no space left on the device).</summary>
    public bool IsDiskFull { get; internal init; }

    /// <summary>The process exit code for this error (ARCHITECTURE.md §3).</summary>
    public static int ExitCode => 2;
}
