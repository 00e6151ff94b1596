using System.Buffers.Binary;

namespace PowersOfTau.Interop.Tests.Tampering;

/// <summary>
/// A minimal, independent reader of the binfile container (spec/ptau.md §1, §4) for making tampered copies: where
/// each section's body lies, and the byte ranges of the contribution records in section 7.
/// </summary>
public sealed class PtauLayout
{
    /// <summary>One section: its id and where its body is.</summary>
    public sealed record Section(int Id, long HeaderOffset, long BodyOffset, long Size);

    private PtauLayout(byte[] bytes, List<Section> sections)
    {
        Bytes = bytes;
        Sections = sections;
    }

    /// <summary>The file.</summary>
    public byte[] Bytes { get; }

    /// <summary>The sections in file order.</summary>
    public IReadOnlyList<Section> Sections { get; }

    /// <summary>n8q from the header (32 bn128, 48 bls12381).</summary>
    public int N8q => (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)this[1].BodyOffset));

    /// <summary>The section with <paramref name="id"/>.</summary>
    public Section this[int id] => Sections.Single(s => s.Id == id);

    /// <summary>Parses <paramref name="bytes"/>.</summary>
    public static PtauLayout Parse(byte[] bytes)
    {
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var sections = new List<Section>();
        long at = 12;
        for (int i = 0; i < count; i++)
        {
            int id = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at));
            long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)at + 4));
            sections.Add(new Section(id, at, at + 12, size));
            at += 12 + size;
        }
        return new PtauLayout(bytes, sections);
    }

    /// <summary>
    /// The (offset, length) of every contribution record in section 7: 5 points + 9 public-key points (sizes by
    /// n8q), 216 bytes partialHash, 64 nextChallenge, type u32, paramsLength u32, params.
    /// </summary>
    public List<(int Offset, int Length)> ContributionRecords()
    {
        int g1 = 2 * N8q, g2 = 4 * N8q;
        int fixedPart = 3 * g1 + 2 * g2 + 6 * g1 + 3 * g2 + 216 + 64 + 4;
        var section = this[7];
        int at = (int)section.BodyOffset;
        int n = (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at));
        at += 4;
        var records = new List<(int, int)>();
        for (int i = 0; i < n; i++)
        {
            int paramsLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(at + fixedPart));
            int length = fixedPart + 4 + paramsLength;
            records.Add((at, length));
            at += length;
        }
        if (at != section.BodyOffset + section.Size) throw new InvalidDataException("section 7 records do not fill the section");
        return records;
    }
}
