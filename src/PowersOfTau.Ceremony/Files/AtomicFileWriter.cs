using System.Security.Cryptography;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Files;

/// <summary>
/// Writes an output file so that it appears whole or not at all (ARCHITECTURE.md §4): the bytes go to
/// <c>&lt;name&gt;.tmp-&lt;random&gt;</c> in the same directory; <see cref="Commit"/> flushes them to the
/// disk (fsync), renames the temporary file to the final name and syncs the directory. Disposing without
/// a commit — an exception, a cancellation — deletes the temporary file.
/// </summary>
/// <remarks>
/// <see cref="Create"/> refuses, with an <see cref="OutputFileException"/>: an output path that is one of
/// the inputs (compared as full paths and, where stat(2) exists, by device and inode, so a symlink or hard
/// link to the input is caught; snarkjs silently corrupts the transcript in that case), even with
/// overwrite; and an existing output unless overwrite is set. A full disk (ENOSPC) while writing or
/// committing becomes an <see cref="OutputFileException"/> with <see cref="OutputFileException.IsDiskFull"/>
/// set, through <see cref="Commit"/> or <see cref="Write"/>.
/// </remarks>
public sealed class AtomicFileWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int Enospc = 28;                              // Linux, macOS
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    private readonly bool _overwrite;
    private FileStream? _stream;
    private bool _committed;

    private AtomicFileWriter(string outputPath, string displayName, string temporaryPath, FileStream stream, bool overwrite)
    {
        OutputPath = outputPath;
        DisplayName = displayName;
        TemporaryPath = temporaryPath;
        _stream = stream;
        _overwrite = overwrite;
    }

    /// <summary>Full path of the final output file.</summary>
    public string OutputPath { get; }

    /// <summary>The output name as the user gave it (used in messages).</summary>
    public string DisplayName { get; }

    /// <summary>Full path of the temporary file being written.</summary>
    public string TemporaryPath { get; }

    /// <summary>The temporary file, open for writing and seeking.</summary>
    public FileStream Stream => _stream ?? throw new ObjectDisposedException(nameof(AtomicFileWriter));

    /// <summary>
    /// Checks the output path and creates the temporary file next to it.
    /// </summary>
    /// <param name="outputPath">The final file name.</param>
    /// <param name="overwrite">Replace an existing output (the CLI's --force).</param>
    /// <param name="inputPaths">Files read by the same operation; the output may be none of them.</param>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is an input, or the disk is full.</exception>
    public static AtomicFileWriter Create(string outputPath, bool overwrite = false, IEnumerable<string>? inputPaths = null)
    {
        string fullOutput = CheckTarget(outputPath, overwrite, inputPaths);

        string directory = Path.GetDirectoryName(fullOutput)!;
        string temporary = Path.Combine(directory,
            $"{Path.GetFileName(fullOutput)}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}");
        FileStream stream;
        try
        {
            stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize);
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            throw CeremonyErrors.DiskFull(outputPath, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw CeremonyErrors.OutputDirectoryMissing(outputPath, directory, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw CeremonyErrors.OutputNotWritable(outputPath, directory, e);
        }
        return new AtomicFileWriter(fullOutput, outputPath, temporary, stream, overwrite);
    }

    /// <summary>
    /// The checks <see cref="Create"/> makes before it creates anything, for callers that must refuse a bad output
    /// path before long work (e.g. before collecting entropy): the output is none of the inputs (path, symlink or
    /// hard link), and it does not exist unless <paramref name="overwrite"/>. Returns the full output path.
    /// </summary>
    /// <exception cref="OutputFileException">The output is an input, exists (without overwrite), or is a directory.</exception>
    public static string CheckTarget(string outputPath, bool overwrite = false, IEnumerable<string>? inputPaths = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        string fullOutput = Path.GetFullPath(outputPath);
        foreach (string input in inputPaths ?? [])
        {
            if (IsSameFile(input, fullOutput)) throw CeremonyErrors.OutputIsInput(outputPath, input);
        }
        if (!overwrite && (File.Exists(fullOutput) || Directory.Exists(fullOutput))) throw CeremonyErrors.OutputExists(outputPath);
        if (Directory.Exists(fullOutput)) throw CeremonyErrors.OutputIsDirectory(outputPath);
        return fullOutput;
    }

    /// <summary>
    /// Creates the output with <see cref="Create"/>, lets <paramref name="write"/> fill the stream, and
    /// commits; the temporary file is removed if anything throws (including cancellation).
    /// </summary>
    /// <exception cref="OutputFileException">See <see cref="Create"/>; also a full disk while writing.</exception>
    public static void Write(string outputPath, Action<FileStream> write, bool overwrite = false,
        IEnumerable<string>? inputPaths = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var writer = Create(outputPath, overwrite, inputPaths);
        try
        {
            write(writer.Stream);
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            throw CeremonyErrors.DiskFull(outputPath, e);
        }
        writer.Commit();
    }

    /// <summary>
    /// Flushes the file to the disk (fsync), renames it to the output name (refusing to replace a file that
    /// appeared meanwhile unless overwrite was set) and syncs the directory.
    /// </summary>
    /// <exception cref="OutputFileException">The disk is full, or the output appeared meanwhile.</exception>
    public void Commit()
    {
        var stream = Stream;
        if (_committed) throw new InvalidOperationException("already committed");
        try
        {
            stream.Flush(flushToDisk: true);
            stream.Dispose();
            _stream = null;
            if (!_overwrite && File.Exists(OutputPath)) throw CeremonyErrors.OutputExists(DisplayName);
            File.Move(TemporaryPath, OutputPath, _overwrite);
            _committed = true;
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            throw CeremonyErrors.DiskFull(DisplayName, e);
        }
        finally
        {
            if (!_committed) DeleteTemporary();
        }
        DirectorySync.Flush(Path.GetDirectoryName(OutputPath)!);
    }

    /// <summary>Closes the temporary file and deletes it unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        if (_committed) return;
        DeleteTemporary();
    }

    private void DeleteTemporary()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (IOException)
        {
            // Flushing the buffer failed (e.g. the disk is full); the file is deleted below anyway.
        }
        _stream = null;
        try
        {
            File.Delete(TemporaryPath);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more; the name pattern (*.tmp-*) makes leftovers findable.
        }
    }

    /// <summary>True when <paramref name="e"/> reports a full disk (ENOSPC / ERROR_DISK_FULL).</summary>
    public static bool IsDiskFull(IOException e) =>
        e.HResult is Enospc or WindowsDiskFull or WindowsHandleDiskFull;

    private static bool IsSameFile(string input, string fullOutput)
    {
        string fullInput = Path.GetFullPath(input);
        if (string.Equals(fullInput, fullOutput, StringComparison.Ordinal)) return true;
        if (ResolveFinalTarget(fullInput) is { } a && ResolveFinalTarget(fullOutput) is { } b
            && string.Equals(a, b, StringComparison.Ordinal)) return true;
        return FileIdentity.Of(fullInput) is { } inputId && FileIdentity.Of(fullOutput) is { } outputId && inputId == outputId;
    }

    private static string? ResolveFinalTarget(string path)
    {
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? path : Path.GetFullPath(target.FullName);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
