using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PowersOfTau.Ceremony.Binfile;

/// <summary>
/// Writes the binfile container (spec/ptau.md §1) section by section to a stream, in the order the caller
/// chooses. A section's size is either given up front (<see cref="BeginSection(int, long)"/>, checked at
/// <see cref="EndSection"/>) or patched in after the body is written (<see cref="BeginSection(int)"/>, needs a
/// seekable stream, like snarkjs's startWriteSection/endWriteSection). Bodies are streamed: copying a section
/// from a <see cref="BinFileReader"/> goes through a fixed 1 MiB buffer whatever its size.
/// </summary>
/// <remarks>
/// The writer does not own or close the stream. <see cref="Complete"/> checks that exactly the declared number
/// of sections was written, since readers (snarkjs's readBinFile, <see cref="BinFileReader"/>) walk that many.
/// </remarks>
public sealed class BinFileWriter
{
    private const int CopyBufferSize = 1 << 20;

    private readonly Stream _output;
    private readonly uint _declaredSectionCount;
    private uint _sectionsWritten;
    private OpenSection? _open;
    private bool _completed;

    private sealed record OpenSection(int Id, long SizeFieldPosition, long BodyStart, long? ExpectedSize);

    /// <summary>Writes the 12-byte container header: magic, version, declared number of sections.</summary>
    /// <param name="output">Destination, positioned where the file starts (normally an empty file).</param>
    /// <param name="magic">4 ASCII characters, e.g. <see cref="BinFileFormat.PtauMagic"/>.</param>
    /// <param name="version">Container version (1).</param>
    /// <param name="declaredSectionCount">Number of sections that will be written.</param>
    public BinFileWriter(Stream output, string magic, uint version, uint declaredSectionCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (magic.Length != 4 || Encoding.ASCII.GetByteCount(magic) != 4)
            throw new ArgumentException("the magic must be 4 ASCII characters", nameof(magic));
        _output = output;
        _declaredSectionCount = declaredSectionCount;
        Span<byte> header = stackalloc byte[BinFileFormat.FileHeaderSize];
        Encoding.ASCII.GetBytes(magic, header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], version);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], declaredSectionCount);
        _output.Write(header);
    }

    /// <summary>
    /// The stream to write the open section's body to (the output stream itself; write only between
    /// <c>BeginSection</c> and <see cref="EndSection"/>).
    /// </summary>
    public Stream Body => _open is null ? throw new InvalidOperationException("no section is open") : _output;

    /// <summary>Starts section <paramref name="id"/> whose size is patched in by <see cref="EndSection"/>.</summary>
    public Stream BeginSection(int id) => Begin(id, expectedSize: null);

    /// <summary>Starts section <paramref name="id"/> of exactly <paramref name="size"/> bytes (works on non-seekable streams).</summary>
    public Stream BeginSection(int id, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return Begin(id, size);
    }

    private Stream Begin(int id, long? expectedSize)
    {
        if (_completed) throw new InvalidOperationException("the file is already complete");
        if (_open is not null) throw new InvalidOperationException($"section {_open.Id} is still open");
        if (_sectionsWritten == _declaredSectionCount)
            throw new InvalidOperationException($"all {_declaredSectionCount} declared sections are already written");
        if (expectedSize is null && !_output.CanSeek)
            throw new InvalidOperationException("patching a section size needs a seekable stream; give the size up front");
        ArgumentOutOfRangeException.ThrowIfNegative(id);

        long sizeFieldPosition = _output.CanSeek ? _output.Position + 4 : -1;
        Span<byte> sectionHeader = stackalloc byte[BinFileFormat.SectionHeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(sectionHeader, (uint)id);
        BinaryPrimitives.WriteUInt64LittleEndian(sectionHeader[4..], (ulong)(expectedSize ?? 0));
        _output.Write(sectionHeader);
        _open = new OpenSection(id, sizeFieldPosition, _output.CanSeek ? _output.Position : -1, expectedSize);
        return _output;
    }

    /// <summary>Ends the open section: patches its size, or checks it against the size given up front.</summary>
    /// <exception cref="InvalidOperationException">The body written differs from the announced size.</exception>
    public void EndSection()
    {
        var open = _open ?? throw new InvalidOperationException("no section is open");
        if (open.ExpectedSize is { } expected)
        {
            if (_output.CanSeek && _output.Position - open.BodyStart != expected)
                throw new InvalidOperationException(
                    $"section {open.Id}: {_output.Position - open.BodyStart} bytes written, {expected} announced");
        }
        else
        {
            long end = _output.Position;
            long size = end - open.BodyStart;
            Span<byte> sizeField = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(sizeField, (ulong)size);
            _output.Position = open.SizeFieldPosition;
            _output.Write(sizeField);
            _output.Position = end;
        }
        _open = null;
        _sectionsWritten++;
    }

    /// <summary>Writes a whole section from memory.</summary>
    public void WriteSection(int id, ReadOnlySpan<byte> body)
    {
        BeginSection(id, body.Length).Write(body);
        EndSection();
    }

    /// <summary>
    /// Copies the first <paramref name="byteCount"/> bytes (default: all) of a section of another file as
    /// section <paramref name="asId"/> (default: the same id), streaming through a fixed buffer.
    /// </summary>
    public void CopySection(BinFileReader source, BinFileSection section, int? asId = null, long? byteCount = null,
        CancellationToken cancellationToken = default)
    {
        long count = byteCount ?? section.Size;
        ArgumentOutOfRangeException.ThrowIfNegative(count, nameof(byteCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, section.Size, nameof(byteCount));
        var body = BeginSection(asId ?? section.Id, count);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(CopyBufferSize, Math.Max(count, 1)));
        try
        {
            for (long done = 0; done < count;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int chunk = (int)Math.Min(buffer.Length, count - done);
                source.ReadSection(section, done, buffer.AsSpan(0, chunk));
                body.Write(buffer, 0, chunk);
                done += chunk;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        EndSection();
    }

    /// <summary>Checks that the declared number of sections was written and flushes the stream.</summary>
    /// <exception cref="InvalidOperationException">A section is open or the count differs from the declared one.</exception>
    public void Complete()
    {
        if (_open is not null) throw new InvalidOperationException($"section {_open.Id} is still open");
        if (_sectionsWritten != _declaredSectionCount)
            throw new InvalidOperationException($"{_sectionsWritten} sections written, {_declaredSectionCount} declared");
        _output.Flush();
        _completed = true;
    }
}
