using System.Buffers.Binary;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// A Groth16 .zkey opened for streaming (spec/zkey.md §1): header and contributions are parsed, the point
/// sections stay on disk and are read by range.
/// </summary>
/// <remarks>
/// <see cref="Open"/> checks: the binfile container (magic "zkey", version 1); the header declares 10 sections and
/// the file holds exactly sections 1 to 10, each once, nothing else (CVE-2019-7167: a key must hold exactly what
/// Groth16 needs); protocol = 1 (groth16); the Groth16 header (<see cref="ZkeyHeader.Parse"/>); every section
/// has the size the header implies (IC nPublic+1, A/B1/B2 nVars, L nVars−nPublic−1, H domainSize points;
/// coefficients 4 + 44·count); section 10 parses (<see cref="ZkeyMpcParams.Parse"/>). Points are decoded and
/// checked (on curve, in subgroup) by the operations that use them.
/// </remarks>
public sealed class ZkeyFile : IDisposable
{
    /// <summary>Largest section 10 loaded into memory.</summary>
    public const long MaxContributionsSectionSize = 64L << 20;

    private ZkeyFile(BinFileReader container, ZkeyHeader header, ZkeyMpcParams mpc, uint coefficientCount)
    {
        Container = container;
        Header = header;
        MpcParams = mpc;
        CoefficientCount = coefficientCount;
    }

    /// <summary>The indexed container.</summary>
    public BinFileReader Container { get; }

    /// <summary>The file name used in messages.</summary>
    public string FileName => Container.FileName;

    /// <summary>The Groth16 header (section 2).</summary>
    public ZkeyHeader Header { get; }

    /// <summary>csHash and the contributions (section 10).</summary>
    public ZkeyMpcParams MpcParams { get; }

    /// <summary>Number of coefficient entries in section 4.</summary>
    public uint CoefficientCount { get; }

    /// <summary>Opens and checks <paramref name="path"/> (see the class remarks).</summary>
    /// <exception cref="CeremonyFormatException">The file is unreadable or inconsistent.</exception>
    public static ZkeyFile Open(string path, string? displayName = null)
    {
        var container = BinFileReader.Open(path, BinFileFormat.ZkeyMagic, 1, ZkeySections.Name, displayName);
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

    private static ZkeyFile Check(BinFileReader container)
    {
        string file = container.FileName;
        foreach (int id in container.SectionIds)
        {
            if (id is < 1 or > ZkeySections.Count) throw ZkeyErrors.UnexpectedSection(file, id);
        }
        for (int id = 1; id <= ZkeySections.Count; id++) container.GetSingleSection(id);
        if (container.DeclaredSectionCount != ZkeySections.Count) throw ZkeyErrors.DeclaredCount(file, container.DeclaredSectionCount);

        var protocolSection = container.GetSingleSection(ZkeySections.Protocol);
        if (protocolSection.Size != 4) throw ZkeyErrors.SectionSize(file, ZkeySections.Protocol, protocolSection.Size, 4, "one u32");
        Span<byte> word = stackalloc byte[4];
        container.ReadSection(protocolSection, 0, word);
        uint protocol = BinaryPrimitives.ReadUInt32LittleEndian(word);
        if (protocol != 1) throw ZkeyErrors.NotGroth16(file, protocol);

        var headerSection = container.GetSingleSection(ZkeySections.Groth16Header);
        var header = ZkeyHeader.Parse(container.ReadWholeSection(headerSection, 4096), file);
        var curve = header.Curve;

        void ExpectPoints(int id, long points, int pointSize, string what)
        {
            var s = container.GetSingleSection(id);
            if (s.Size != points * pointSize) throw ZkeyErrors.SectionSize(file, id, s.Size, points * pointSize, $"{points} {what}");
        }
        ExpectPoints(ZkeySections.IC, header.NPublic + 1L, curve.G1Size, "G1 points: nPublic + 1");
        ExpectPoints(ZkeySections.A, header.NVars, curve.G1Size, "G1 points: nVars");
        ExpectPoints(ZkeySections.B1, header.NVars, curve.G1Size, "G1 points: nVars");
        ExpectPoints(ZkeySections.B2, header.NVars, curve.G2Size, "G2 points: nVars");
        ExpectPoints(ZkeySections.L, (long)header.NVars - header.NPublic - 1, curve.G1Size, "G1 points: nVars − nPublic − 1");
        ExpectPoints(ZkeySections.H, header.DomainSize, curve.G1Size, "G1 points: domainSize");

        var coefficients = container.GetSingleSection(ZkeySections.Coefficients);
        if (coefficients.Size < 4) throw ZkeyErrors.SectionSize(file, ZkeySections.Coefficients, coefficients.Size, 4, "at least the count");
        container.ReadSection(coefficients, 0, word);
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(word);
        if (coefficients.Size != 4 + (long)count * Coefficient.Size) throw ZkeyErrors.CoefficientsCount(file, count, coefficients.Size);

        var mpc = ZkeyMpcParams.Parse(
            container.ReadWholeSection(container.GetSingleSection(ZkeySections.Contributions), MaxContributionsSectionSize), curve, file);
        return new ZkeyFile(container, header, mpc, count);
    }

    /// <summary>The location of section <paramref name="id"/>.</summary>
    public BinFileSection Section(int id) => Container.GetSingleSection(id);

    /// <summary>Reads a whole (small) section body into memory.</summary>
    public byte[] ReadWholeSection(int id, long maxSize = 1L << 30) => Container.ReadWholeSection(Section(id), maxSize);

    /// <inheritdoc/>
    public void Dispose() => Container.Dispose();

    /// <summary>Layout of a section 4 entry: matrix u32, constraint u32, signal u32, value 32 bytes (value·R² mod r).</summary>
    public static class Coefficient
    {
        /// <summary>Bytes per entry.</summary>
        public const int Size = 12 + ScalarField.N8r;
    }
}
