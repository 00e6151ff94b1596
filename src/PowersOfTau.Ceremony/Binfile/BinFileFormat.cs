namespace PowersOfTau.Ceremony.Binfile;

/// <summary>Fixed sizes of the binfile container (spec/ptau.md §1).</summary>
public static class BinFileFormat
{
    /// <summary>magic (4) + version u32 + number of sections u32.</summary>
    public const int FileHeaderSize = 12;

    /// <summary>id u32 + size u64 before every section body.</summary>
    public const int SectionHeaderSize = 12;

    /// <summary>Magic of .ptau files.</summary>
    public const string PtauMagic = "ptau";

    /// <summary>Magic of .zkey files.</summary>
    public const string ZkeyMagic = "zkey";
}
