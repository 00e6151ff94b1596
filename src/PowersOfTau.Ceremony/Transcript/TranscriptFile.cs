using Microsoft.Win32.SafeHandles;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Transcript;

/// <summary>
/// An open challenge or response file (spec/ptau.md §9): the leading hash is read, the point sections are
/// read on demand through bounded streams or positional reads (files can be GBs).
/// </summary>
/// <remarks>
/// <see cref="Open"/> checks only the size: it must be exactly the layout size for the given power, or, when
/// no power is given, for some power (as snarkjs's challenge contribute infers it). Points are not checked.
/// </remarks>
public sealed class TranscriptFile : IDisposable
{
    private readonly SafeFileHandle _handle;

    private TranscriptFile(SafeFileHandle handle, string fileName, TranscriptLayout layout, byte[] leadingHash)
    {
        _handle = handle;
        FileName = fileName;
        Layout = layout;
        LeadingHash = leadingHash;
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>Kind, curve, power and offsets.</summary>
    public TranscriptLayout Layout { get; }

    /// <summary>
    /// The first 64 bytes: in a challenge, the previous response hash; in a response, the hash of the
    /// challenge it answers.
    /// </summary>
    public byte[] LeadingHash { get; }

    /// <summary>Opens a challenge or response file and checks its size.</summary>
    /// <param name="path">File to open.</param>
    /// <param name="kind">Challenge or response.</param>
    /// <param name="curve">The curve (the file does not say).</param>
    /// <param name="power">The expected power, or null to infer it from the size.</param>
    /// <param name="displayName">Name used in messages; defaults to <paramref name="path"/>.</param>
    /// <exception cref="CeremonyFormatException">The file cannot be read or has the wrong size.</exception>
    public static TranscriptFile Open(string path, TranscriptFileKind kind, CurveDescriptor curve, int? power = null,
        string? displayName = null)
    {
        string file = displayName ?? path;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CeremonyErrors.CannotRead(file, e as IOException ?? new IOException(e.Message, e));
        }
        try
        {
            long size = RandomAccess.GetLength(handle);
            var layout = power is { } p
                ? TranscriptLayout.For(kind, curve, p)
                : TranscriptLayout.ForFileSize(kind, curve, size) ?? throw CeremonyErrors.TranscriptSizeMatchesNoPower(file, kind, curve, size);
            if (layout.FileSize != size) throw CeremonyErrors.TranscriptSize(file, layout, size);
            var hash = new byte[TranscriptLayout.HashSize];
            Read(handle, file, 0, hash);
            return new TranscriptFile(handle, file, layout, hash);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>A read-only stream over point section <paramref name="id"/> (2..6) as stored in the file.</summary>
    public Stream OpenSection(int id) =>
        new SectionReadStream(_handle, new BinFileSection(id, Layout.SectionOffset(id), Layout.SectionSize(id)));

    /// <summary>A read-only stream over the whole file (to hash it).</summary>
    public Stream OpenWhole() => new SectionReadStream(_handle, new BinFileSection(0, 0, Layout.FileSize));

    /// <summary>Reads whole points <paramref name="firstPoint"/>.. of section <paramref name="id"/> (positional, thread-safe).</summary>
    public void ReadPoints(int id, long firstPoint, Span<byte> destination)
    {
        int pointSize = Layout.PointSize(PtauSections.Group(id));
        if (destination.Length % pointSize != 0)
            throw new ArgumentException($"the destination must hold whole {pointSize}-byte points", nameof(destination));
        long offset = firstPoint * pointSize;
        if (firstPoint < 0 || offset + destination.Length > Layout.SectionSize(id))
            throw new ArgumentOutOfRangeException(nameof(firstPoint), "the range reaches past the end of the section");
        Read(_handle, FileName, Layout.SectionOffset(id) + offset, destination);
    }

    /// <summary>The public key of a response file, its points uncompressed as stored.</summary>
    /// <exception cref="InvalidOperationException">This is a challenge file.</exception>
    public PtauPublicKey ReadPublicKey()
    {
        if (Layout.Kind != TranscriptFileKind.Response) throw new InvalidOperationException("a challenge file has no public key");
        var bytes = new byte[PtauPublicKey.ByteSize(Layout.Curve)];
        Read(_handle, FileName, Layout.PublicKeyOffset, bytes);
        return PtauPublicKey.FromBytes(bytes, Layout.Curve);
    }

    private static void Read(SafeFileHandle handle, string file, long offset, Span<byte> destination)
    {
        try
        {
            while (!destination.IsEmpty)
            {
                int read = RandomAccess.Read(handle, destination, offset);
                if (read == 0) throw CeremonyErrors.TranscriptChangedWhileReading(file);
                destination = destination[read..];
                offset += read;
            }
        }
        catch (IOException e)
        {
            throw CeremonyErrors.CannotRead(file, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();
}
