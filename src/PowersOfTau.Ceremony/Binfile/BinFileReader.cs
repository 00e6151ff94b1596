using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Binfile;

/// <summary>
/// Reads the binfile container shared by .ptau and .zkey (spec/ptau.md §1) without loading section
/// bodies: <see cref="Open"/> walks the section table and indexes it (id → every occurrence), and section
/// bodies are then read through bounded streams or positional reads.
/// </summary>
/// <remarks>
/// <see cref="Open"/> checks: the 12-byte header is present; the magic is the expected one; the version is
/// 1..maxVersion; each of the declared section headers and bodies lies inside the file; no bytes follow the
/// last declared section (snarkjs never writes any; a file with extra bytes is not one it wrote). It does
/// not check which ids appear or how often — the format readers (e.g. <see cref="Ptau.PtauFile"/>) do, via
/// <see cref="GetSingleSection"/>. Every failure is a <see cref="CeremonyFormatException"/> of category
/// <see cref="CeremonyErrorCategory.Unreadable"/>.
/// </remarks>
public sealed class BinFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<int, List<BinFileSection>> _sections;
    private readonly Func<int, string?> _sectionName;

    private BinFileReader(SafeFileHandle handle, string fileName, long length, uint version, uint declared,
        Dictionary<int, List<BinFileSection>> sections, List<BinFileSection> inFileOrder, Func<int, string?> sectionName)
    {
        _handle = handle;
        FileName = fileName;
        Length = length;
        Version = version;
        DeclaredSectionCount = declared;
        _sections = sections;
        SectionsInFileOrder = inFileOrder;
        _sectionName = sectionName;
    }

    /// <summary>The file name as given (used in every error message).</summary>
    public string FileName { get; }

    /// <summary>File length in bytes when it was opened.</summary>
    public long Length { get; }

    /// <summary>Container version (1 for .ptau and .zkey).</summary>
    public uint Version { get; }

    /// <summary>The "number of sections" word of the header (spec/ptau.md §1: 7, 11 or 2 for .ptau).</summary>
    public uint DeclaredSectionCount { get; }

    /// <summary>Every section in the order it appears in the file.</summary>
    public IReadOnlyList<BinFileSection> SectionsInFileOrder { get; }

    /// <summary>
    /// Opens <paramref name="path"/> and indexes its sections.
    /// </summary>
    /// <param name="path">File to open (read-only, shared read).</param>
    /// <param name="magic">Expected 4-character magic, e.g. <see cref="BinFileFormat.PtauMagic"/>.</param>
    /// <param name="maxVersion">Highest container version accepted.</param>
    /// <param name="sectionName">Names sections in messages ("section 2 (tauG1)"); null for unnamed ids.</param>
    /// <param name="displayName">Name used in messages; defaults to <paramref name="path"/>.</param>
    /// <exception cref="CeremonyFormatException">The file cannot be opened or its container is malformed.</exception>
    public static BinFileReader Open(string path, string magic, uint maxVersion = 1,
        Func<int, string?>? sectionName = null, string? displayName = null)
    {
        string file = displayName ?? path;
        sectionName ??= static _ => null;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (IOException e)
        {
            throw CeremonyErrors.CannotRead(file, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw CeremonyErrors.CannotRead(file, new IOException(e.Message, e));
        }

        try
        {
            return Index(handle, file, magic, maxVersion, sectionName);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static BinFileReader Index(SafeFileHandle handle, string file, string magic, uint maxVersion, Func<int, string?> sectionName)
    {
        long length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[BinFileFormat.FileHeaderSize];
        if (length < BinFileFormat.FileHeaderSize) throw CeremonyErrors.TooShortForContainerHeader(file, length);
        ReadExactly(handle, header, 0, file);

        Span<byte> expectedMagic = stackalloc byte[4];
        Encoding.ASCII.GetBytes(magic, expectedMagic);
        if (!header[..4].SequenceEqual(expectedMagic)) throw CeremonyErrors.WrongMagic(file, magic, header[..4]);

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (version < 1 || version > maxVersion) throw CeremonyErrors.UnsupportedVersion(file, version, maxVersion);

        uint declared = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        var sections = new Dictionary<int, List<BinFileSection>>();
        var inOrder = new List<BinFileSection>();
        long position = BinFileFormat.FileHeaderSize;
        Span<byte> sectionHeader = stackalloc byte[BinFileFormat.SectionHeaderSize];
        for (long index = 1; index <= declared; index++)
        {
            if (length - position < BinFileFormat.SectionHeaderSize)
                throw CeremonyErrors.SectionHeaderPastEnd(file, index, declared, position, length);
            ReadExactly(handle, sectionHeader, position, file);
            uint rawId = BinaryPrimitives.ReadUInt32LittleEndian(sectionHeader);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(sectionHeader[4..]);
            if (rawId > int.MaxValue) throw CeremonyErrors.SectionIdOutOfRange(file, index, rawId);
            int id = (int)rawId;
            long bodyOffset = position + BinFileFormat.SectionHeaderSize;
            if (size > (ulong)(length - bodyOffset))
                throw CeremonyErrors.SectionBodyPastEnd(file, id, sectionName(id), bodyOffset, size, length);

            var section = new BinFileSection(id, bodyOffset, (long)size);
            if (!sections.TryGetValue(id, out var list)) sections[id] = list = [];
            list.Add(section);
            inOrder.Add(section);
            position = section.End;
        }
        if (position != length) throw CeremonyErrors.TrailingBytes(file, length - position, declared);

        return new BinFileReader(handle, file, length, version, declared, sections, inOrder, sectionName);
    }

    /// <summary>Every occurrence of section <paramref name="id"/>, in file order (empty if absent).</summary>
    public IReadOnlyList<BinFileSection> GetSections(int id) =>
        _sections.TryGetValue(id, out var list) ? list : [];

    /// <summary>True when section <paramref name="id"/> appears at least once.</summary>
    public bool HasSection(int id) => _sections.ContainsKey(id);

    /// <summary>The ids present, ascending.</summary>
    public IReadOnlyList<int> SectionIds => [.. _sections.Keys.Order()];

    /// <summary>The only occurrence of section <paramref name="id"/>.</summary>
    /// <exception cref="CeremonyFormatException">The section is missing or appears more than once.</exception>
    public BinFileSection GetSingleSection(int id)
    {
        if (!_sections.TryGetValue(id, out var list)) throw CeremonyErrors.MissingSection(FileName, id, _sectionName(id));
        if (list.Count != 1) throw CeremonyErrors.DuplicateSection(FileName, id, _sectionName(id), list.Count);
        return list[0];
    }

    /// <summary>A read-only seekable stream over the body of <paramref name="section"/>; reads nothing up front.</summary>
    public Stream OpenSection(BinFileSection section) => new SectionReadStream(_handle, section);

    /// <summary>
    /// Reads <paramref name="destination"/>.Length bytes of <paramref name="section"/> starting
    /// <paramref name="offsetInSection"/> bytes into its body (positional read, thread-safe).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the section.</exception>
    public void ReadSection(BinFileSection section, long offsetInSection, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offsetInSection);
        if (offsetInSection > section.Size - destination.Length)
            throw new ArgumentOutOfRangeException(nameof(offsetInSection), "the range reaches past the end of the section");
        try
        {
            ReadExactly(_handle, destination, section.Offset + offsetInSection, FileName);
        }
        catch (EndOfStreamException)
        {
            throw CeremonyErrors.FileChangedWhileReading(FileName, section.Id, _sectionName(section.Id));
        }
    }

    /// <summary>
    /// Loads a whole (small) section body into a new array, for headers and contribution lists.
    /// </summary>
    /// <exception cref="CeremonyFormatException">The body is larger than <paramref name="maxSize"/>.</exception>
    public byte[] ReadWholeSection(BinFileSection section, long maxSize)
    {
        if (section.Size > maxSize)
            throw CeremonyErrors.SectionTooLargeToLoad(FileName, section.Id, _sectionName(section.Id), section.Size, maxSize);
        var body = new byte[section.Size];
        ReadSection(section, 0, body);
        return body;
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset, string file)
    {
        try
        {
            while (!destination.IsEmpty)
            {
                int read = RandomAccess.Read(handle, destination, offset);
                if (read == 0) throw new EndOfStreamException();
                destination = destination[read..];
                offset += read;
            }
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            throw CeremonyErrors.CannotRead(file, e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _handle.Dispose();
}
