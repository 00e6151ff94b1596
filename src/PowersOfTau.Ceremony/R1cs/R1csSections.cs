namespace PowersOfTau.Ceremony.R1cs;

/// <summary>Section ids of a .r1cs file (spec/zkey.md §7) and their names in messages.</summary>
public static class R1csSections
{
    /// <summary>Magic of .r1cs files.</summary>
    public const string Magic = "r1cs";

    /// <summary>n8, prime, nWires, nPubOut, nPubIn, nPrvIn, nLabels, nConstraints.</summary>
    public const int Header = 1;

    /// <summary>The constraints: (A, B, C) linear combinations.</summary>
    public const int Constraints = 2;

    /// <summary>Wire id → label id (u64 each).</summary>
    public const int WireToLabelMap = 3;

    /// <summary>Custom gates list (PLONK only).</summary>
    public const int CustomGatesList = 4;

    /// <summary>Custom gates uses (PLONK only).</summary>
    public const int CustomGatesUses = 5;

    /// <summary>"r1cs header", "constraints", …, or null for an unknown id.</summary>
    public static string? Name(int id) => id switch
    {
        Header => "r1cs header",
        Constraints => "constraints",
        WireToLabelMap => "wire-to-label map",
        CustomGatesList => "custom gates list",
        CustomGatesUses => "custom gates uses",
        _ => null,
    };
}
