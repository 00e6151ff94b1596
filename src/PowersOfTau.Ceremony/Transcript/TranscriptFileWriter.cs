using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Transcript;

/// <summary>
/// Writes a challenge or response file in layout order (spec/ptau.md §9): <see cref="WriteLeadingHash"/>,
/// then sections 2..6 through <see cref="BeginSection"/>/<see cref="EndSection"/> (sizes checked), then for a
/// response <see cref="WritePublicKey"/>; <see cref="Complete"/> checks that everything was written.
/// </summary>
public sealed class TranscriptFileWriter
{
    private readonly Stream _output;
    private int _step;          // 0 = hash, 1..5 = the point sections, 6 = public key, 7 = complete
    private long _sectionStart = -1;

    /// <summary>Prepares to write a file of <paramref name="layout"/> to <paramref name="output"/>.</summary>
    public TranscriptFileWriter(Stream output, TranscriptLayout layout)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(layout);
        _output = output;
        Layout = layout;
    }

    /// <summary>The layout being written.</summary>
    public TranscriptLayout Layout { get; }

    /// <summary>Writes the leading 64-byte hash.</summary>
    public void WriteLeadingHash(ReadOnlySpan<byte> hash)
    {
        Expect(0, "the leading hash");
        if (hash.Length != TranscriptLayout.HashSize) throw new ArgumentException("the hash is 64 bytes", nameof(hash));
        _output.Write(hash);
        _step = 1;
    }

    /// <summary>Starts the next point section, which must be <paramref name="id"/> (2, 3, 4, 5, 6 in order).</summary>
    public Stream BeginSection(int id)
    {
        if (_step is < 1 or > 5 || _sectionStart >= 0 || PtauSections.PointSectionIds[_step - 1] != id)
            throw new InvalidOperationException($"section {id} is not the next part of the file");
        _sectionStart = _output.CanSeek ? _output.Position : 0;
        return _output;
    }

    /// <summary>Ends the open section, checking its size when the stream can tell.</summary>
    public void EndSection()
    {
        if (_sectionStart < 0) throw new InvalidOperationException("no section is open");
        int id = PtauSections.PointSectionIds[_step - 1];
        if (_output.CanSeek && _output.Position - _sectionStart != Layout.SectionSize(id))
            throw new InvalidOperationException($"section {id}: {_output.Position - _sectionStart} bytes written, {Layout.SectionSize(id)} expected");
        _sectionStart = -1;
        _step++;
    }

    /// <summary>Writes the uncompressed public key (response files only).</summary>
    public void WritePublicKey(PtauPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Layout.Kind != TranscriptFileKind.Response) throw new InvalidOperationException("a challenge file has no public key");
        Expect(6, "the public key");
        var bytes = key.ToBytes();
        if (bytes.Length != PtauPublicKey.ByteSize(Layout.Curve)) throw new ArgumentException("the key has points of the wrong size", nameof(key));
        _output.Write(bytes);
        _step = 7;
    }

    /// <summary>Checks that the whole layout was written and flushes.</summary>
    public void Complete()
    {
        int last = Layout.Kind == TranscriptFileKind.Response ? 7 : 6;
        if (_step != last) throw new InvalidOperationException("the file is incomplete");
        if (_output.CanSeek && _output.Length != Layout.FileSize)
            throw new InvalidOperationException($"{_output.Length} bytes written, the layout has {Layout.FileSize}");
        _output.Flush();
    }

    private void Expect(int step, string what)
    {
        if (_step != step) throw new InvalidOperationException($"{what} is not the next part of the file");
    }
}
