using PowersOfTau.Ceremony.Binfile;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// Writes a .ptau file section by section, the way snarkjs does (spec/ptau.md §1, §3): container header
/// with the declared section count, section 1 from <see cref="Header"/> at once, then the sections the
/// caller writes in order (snarkjs: 2..7, then 12..15). Point sections have their size fixed by the header
/// and checked when they end; copies from another file stream.
/// </summary>
public sealed class PtauFileWriter
{
    private readonly BinFileWriter _container;
    private int? _openPointSection;

    /// <summary>Starts the file and writes section 1.</summary>
    /// <param name="output">Destination stream (usually <see cref="Files.AtomicFileWriter.Stream"/>).</param>
    /// <param name="header">The header to write.</param>
    /// <param name="declaredSectionCount">7 (new, contribute, beacon, import), 11 (prepare phase2, truncate), 2 (import --nopoints).</param>
    public PtauFileWriter(Stream output, PtauHeader header, uint declaredSectionCount)
    {
        ArgumentNullException.ThrowIfNull(header);
        Header = header;
        _container = new BinFileWriter(output, BinFileFormat.PtauMagic, 1, declaredSectionCount);
        _container.WriteSection(PtauSections.Header, header.ToBytes());
    }

    /// <summary>The header written as section 1.</summary>
    public PtauHeader Header { get; }

    /// <summary>
    /// Starts point section <paramref name="id"/>; write exactly <see cref="PtauSections.ByteSize"/> bytes of
    /// LEM points to the returned stream, then call <see cref="EndPointSection"/>.
    /// </summary>
    public Stream BeginPointSection(int id)
    {
        if (!PtauSections.IsPointSection(id)) throw new ArgumentOutOfRangeException(nameof(id), id, "not a point section");
        var body = _container.BeginSection(id, PtauSections.ByteSize(id, Header.Power, Header.Curve));
        _openPointSection = id;
        return body;
    }

    /// <summary>Ends the open point section, checking its size.</summary>
    public void EndPointSection()
    {
        if (_openPointSection is null) throw new InvalidOperationException("no point section is open");
        _container.EndSection();
        _openPointSection = null;
    }

    /// <summary>
    /// Copies point section <paramref name="id"/> of <paramref name="source"/>: the first
    /// <see cref="PtauSections.ByteSize"/> bytes for this file's power, so a larger source gives a prefix
    /// (truncate, spec/ptau.md §11). Streams through a fixed buffer.
    /// </summary>
    /// <exception cref="ArgumentException">The source is of another curve or too small.</exception>
    public void CopyPointSection(PtauFile source, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!PtauSections.IsPointSection(id)) throw new ArgumentOutOfRangeException(nameof(id), id, "not a point section");
        if (source.Header.Curve != Header.Curve) throw new ArgumentException("the source file is of another curve", nameof(source));
        var section = source.Section(id);
        long size = PtauSections.ByteSize(id, Header.Power, Header.Curve);
        if (section.Size < size) throw new ArgumentException($"section {id} of the source is smaller than this file needs", nameof(source));
        _container.CopySection(source.Container, section, byteCount: size, cancellationToken: cancellationToken);
    }

    /// <summary>Writes section 7 (spec/ptau.md §4).</summary>
    public void WriteContributions(IReadOnlyList<PtauContribution> contributions) =>
        _container.WriteSection(PtauSections.Contributions, PtauContributionsSection.Write(contributions, Header.Curve));

    /// <summary>Copies section 7 of <paramref name="source"/> byte for byte (as snarkjs truncate and prepare phase2 do).</summary>
    public void CopyContributions(PtauFile source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _container.CopySection(source.Container, source.Section(PtauSections.Contributions));
    }

    /// <summary>Checks that the declared number of sections was written and flushes.</summary>
    public void Complete() => _container.Complete();
}
