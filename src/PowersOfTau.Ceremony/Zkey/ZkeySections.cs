namespace PowersOfTau.Ceremony.Zkey;

/// <summary>Section ids of a Groth16 .zkey (spec/zkey.md §1) and their names in messages.</summary>
public static class ZkeySections
{
    /// <summary>Protocol id (u32, 1 = groth16).</summary>
    public const int Protocol = 1;
    /// <summary>Groth16 header.</summary>
    public const int Groth16Header = 2;
    /// <summary>IC: nPublic + 1 G1 points.</summary>
    public const int IC = 3;
    /// <summary>Coefficients of A and B (double Montgomery).</summary>
    public const int Coefficients = 4;
    /// <summary>A: nVars G1 points.</summary>
    public const int A = 5;
    /// <summary>B1: nVars G1 points.</summary>
    public const int B1 = 6;
    /// <summary>B2: nVars G2 points.</summary>
    public const int B2 = 7;
    /// <summary>C ("L"): nVars − nPublic − 1 G1 points, divided by δ.</summary>
    public const int L = 8;
    /// <summary>H: domainSize G1 points, divided by δ.</summary>
    public const int H = 9;
    /// <summary>MPC parameters: csHash and contributions.</summary>
    public const int Contributions = 10;

    /// <summary>Number of sections a Groth16 zkey declares.</summary>
    public const int Count = 10;

    /// <summary>The order <c>zkey new</c> / <c>groth16 setup</c> writes them (spec/zkey.md §1).</summary>
    public static IReadOnlyList<int> SetupOrder { get; } = [1, 2, 4, 3, 9, 8, 5, 6, 7, 10];

    /// <summary>"protocol", "groth16 header", …, or null for an unknown id.</summary>
    public static string? Name(int id) => id switch
    {
        Protocol => "protocol",
        Groth16Header => "groth16 header",
        IC => "IC",
        Coefficients => "coefficients",
        A => "A",
        B1 => "B1",
        B2 => "B2",
        L => "L",
        H => "H",
        Contributions => "contributions",
        _ => null,
    };
}
