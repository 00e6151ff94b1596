using Microsoft.Win32.SafeHandles;

namespace PowersOfTau.Ceremony.Binfile;

/// <summary>
/// A read-only, seekable view of one section body, reading the file through positional I/O
/// (<see cref="RandomAccess"/>) so that several views of one file can be read independently, from
/// several threads, without loading anything into memory. Reads stop at the end of the section.
/// </summary>
internal sealed class SectionReadStream : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly BinFileSection _section;
    private long _position;

    internal SectionReadStream(SafeFileHandle handle, BinFileSection section)
    {
        _handle = handle;
        _section = section;
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _section.Size;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long remaining = _section.Size - _position;
        if (remaining <= 0 || buffer.IsEmpty) return 0;
        if (buffer.Length > remaining) buffer = buffer[..(int)remaining];
        int read = RandomAccess.Read(_handle, buffer, _section.Offset + _position);
        if (read == 0)
            throw new EndOfStreamException("the file ended inside a section; was it truncated while being read?");
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _section.Size + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
