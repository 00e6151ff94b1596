namespace PowersOfTau.Ceremony.Binfile;

/// <summary>
/// Where one section's body lies in a binfile (spec/ptau.md §1): <paramref name="Offset"/> is the absolute
/// file offset of the first body byte (just after the 12-byte id/size header), <paramref name="Size"/> the
/// body length in bytes.
/// </summary>
public readonly record struct BinFileSection(int Id, long Offset, long Size)
{
    /// <summary>Offset just past the body.</summary>
    public long End => Offset + Size;
}
