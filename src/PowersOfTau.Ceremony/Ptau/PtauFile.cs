using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// An open .ptau file: header and contributions parsed, point sections indexed and size-checked but not
/// loaded (they can be GBs; read them through <see cref="OpenSection"/> / <see cref="ReadPoints"/>).
/// </summary>
/// <remarks>
/// <see cref="Open"/> checks, in addition to the container checks of <see cref="BinFileReader.Open"/>:
/// only ids 1..7 and 12..15 occur, each at most once; sections 1 and 7 exist; the header
/// (<see cref="PtauHeader.Parse"/>) and contributions (<see cref="PtauContributionsSection.Parse"/>) parse;
/// sections 2..6 are all present (or all absent, as after import --nopoints) and 12..15 all present or all
/// absent; every present point section holds exactly the number of points the header's power implies
/// (spec/ptau.md §3). It does NOT check points (on curve, subgroup) or hashes: that is verify's job.
/// The declared section count is kept as read (7, 11, or 2 — spec/ptau.md §1 quirks).
/// </remarks>
public sealed class PtauFile : IDisposable
{
    /// <summary>Largest section 7 loaded into memory (about 44 000 bn128 contributions).</summary>
    public const long MaxContributionsSectionSize = 64L << 20;

    private const long MaxHeaderSectionSize = 1024;

    private PtauFile(BinFileReader container, PtauHeader header, IReadOnlyList<PtauContribution> contributions,
        bool hasPointSections, bool hasPhase2Sections)
    {
        Container = container;
        Header = header;
        Contributions = contributions;
        HasPointSections = hasPointSections;
        HasPhase2Sections = hasPhase2Sections;
    }

    /// <summary>The container (section index, positional reads).</summary>
    public BinFileReader Container { get; }

    /// <summary>The file name used in messages.</summary>
    public string FileName => Container.FileName;

    /// <summary>Section 1.</summary>
    public PtauHeader Header { get; }

    /// <summary>Section 7, oldest first.</summary>
    public IReadOnlyList<PtauContribution> Contributions { get; }

    /// <summary>True when sections 2..6 are present (false only after import response --nopoints).</summary>
    public bool HasPointSections { get; }

    /// <summary>True when sections 12..15 (prepare phase2) are present.</summary>
    public bool HasPhase2Sections { get; }

    /// <summary>The "number of sections" word of the container header.</summary>
    public uint DeclaredSectionCount => Container.DeclaredSectionCount;

    /// <summary>Opens and checks a .ptau file (see the remarks for what is checked).</summary>
    /// <exception cref="CeremonyFormatException">The file is unreadable or inconsistent.</exception>
    public static PtauFile Open(string path, string? displayName = null)
    {
        var container = BinFileReader.Open(path, BinFileFormat.PtauMagic, 1, PtauSections.Name, displayName);
        try
        {
            return Check(container);
        }
        catch
        {
            container.Dispose();
            throw;
        }
    }

    private static PtauFile Check(BinFileReader container)
    {
        string file = container.FileName;
        foreach (int id in container.SectionIds)
        {
            if (!PtauSections.IsKnown(id)) throw CeremonyErrors.UnexpectedSection(file, id);
            container.GetSingleSection(id);
        }

        var headerSection = container.GetSingleSection(PtauSections.Header);
        var header = PtauHeader.Parse(container.ReadWholeSection(headerSection, MaxHeaderSectionSize), file);

        var contributionsSection = container.GetSingleSection(PtauSections.Contributions);
        var contributions = PtauContributionsSection.Parse(
            container.ReadWholeSection(contributionsSection, MaxContributionsSectionSize), header.Curve, file);

        bool hasPoints = CheckGroup(container, header, PtauSections.PointSectionIds, "point");
        bool hasPhase2 = CheckGroup(container, header, PtauSections.Phase2SectionIds, "phase-2");
        return new PtauFile(container, header, contributions, hasPoints, hasPhase2);
    }

    private static bool CheckGroup(BinFileReader container, PtauHeader header, IReadOnlyList<int> ids, string group)
    {
        bool any = ids.Any(container.HasSection);
        if (!any) return false;
        foreach (int id in ids)
        {
            if (!container.HasSection(id))
                throw CeremonyErrors.IncompleteSectionGroup(container.FileName, group, id, PtauSections.Name(id));
            var section = container.GetSingleSection(id);
            long expected = PtauSections.ByteSize(id, header.Power, header.Curve);
            if (section.Size != expected)
            {
                throw CeremonyErrors.SectionPointCount(container.FileName, id, PtauSections.Name(id), section.Size,
                    header.Curve.PointSize(PtauSections.Group(id)), PtauSections.PointCount(id, header.Power));
            }
        }
        return true;
    }

    /// <summary>The location of section <paramref name="id"/>.</summary>
    /// <exception cref="CeremonyFormatException">The section is absent.</exception>
    public BinFileSection Section(int id) => Container.GetSingleSection(id);

    /// <summary>A read-only stream over the body of section <paramref name="id"/> (raw LEM points for 2..6, 12..15).</summary>
    /// <exception cref="CeremonyFormatException">The section is absent.</exception>
    public Stream OpenSection(int id) => Container.OpenSection(Section(id));

    /// <summary>
    /// Reads points <paramref name="firstPoint"/>.. of point section <paramref name="id"/> into
    /// <paramref name="destination"/> (a whole number of points; positional read, thread-safe).
    /// </summary>
    public void ReadPoints(int id, long firstPoint, Span<byte> destination)
    {
        int pointSize = Header.Curve.PointSize(PtauSections.Group(id));
        if (destination.Length % pointSize != 0)
            throw new ArgumentException($"the destination must hold whole {pointSize}-byte points", nameof(destination));
        Container.ReadSection(Section(id), firstPoint * pointSize, destination);
    }

    /// <inheritdoc/>
    public void Dispose() => Container.Dispose();
}
