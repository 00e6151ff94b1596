using System.Buffers.Binary;

namespace PowersOfTau.Ceremony.Tests.Support;

/// <summary>
/// A deliberately naive, independent binfile splitter/builder for making tampered twins in tests: it trusts
/// the input (only used on valid fixtures) and lets a test change anything before rebuilding.
/// </summary>
internal sealed class RawBinfile
{
    public byte[] Magic = "ptau"u8.ToArray();
    public uint Version = 1;
    public uint? DeclaredOverride;
    public List<(uint Id, byte[] Body)> Sections = [];

    public static RawBinfile Split(byte[] file)
    {
        var raw = new RawBinfile { Magic = file[..4], Version = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)) };
        uint n = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8));
        int at = 12;
        for (int i = 0; i < n; i++)
        {
            uint id = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at));
            int size = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(at + 4)));
            raw.Sections.Add((id, file.AsSpan(at + 12, size).ToArray()));
            at += 12 + size;
        }
        return raw;
    }

    public byte[] Body(uint id) => Sections.Single(s => s.Id == id).Body;

    public void Replace(uint id, byte[] body) => Sections[Sections.FindIndex(s => s.Id == id)] = (id, body);

    public byte[] Build()
    {
        var output = new MemoryStream();
        output.Write(Magic);
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(word, Version);
        output.Write(word[..4]);
        BinaryPrimitives.WriteUInt32LittleEndian(word, DeclaredOverride ?? (uint)Sections.Count);
        output.Write(word[..4]);
        foreach (var (id, body) in Sections)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, id);
            output.Write(word[..4]);
            BinaryPrimitives.WriteUInt64LittleEndian(word, (ulong)body.Length);
            output.Write(word);
            output.Write(body);
        }
        return output.ToArray();
    }
}
