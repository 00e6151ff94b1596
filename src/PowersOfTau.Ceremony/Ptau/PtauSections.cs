using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// Section ids of a .ptau file, their names, groups and point counts for a given power (spec/ptau.md §3).
/// </summary>
public static class PtauSections
{
    /// <summary>Section 1: n8q, q, power, ceremonyPower.</summary>
    public const int Header = 1;
    /// <summary>Section 2: τ^i·G1, 2^(p+1) − 1 points.</summary>
    public const int TauG1 = 2;
    /// <summary>Section 3: τ^i·G2, 2^p points.</summary>
    public const int TauG2 = 3;
    /// <summary>Section 4: α·τ^i·G1, 2^p points.</summary>
    public const int AlphaTauG1 = 4;
    /// <summary>Section 5: β·τ^i·G1, 2^p points.</summary>
    public const int BetaTauG1 = 5;
    /// <summary>Section 6: β·G2, 1 point.</summary>
    public const int BetaG2 = 6;
    /// <summary>Section 7: the contributions (spec/ptau.md §4).</summary>
    public const int Contributions = 7;
    /// <summary>Section 12: Lagrange-basis G1 (from 2), 2^(p+2) − 1 points.</summary>
    public const int LagrangeG1 = 12;
    /// <summary>Section 13: Lagrange-basis G2 (from 3), 2^(p+1) − 1 points.</summary>
    public const int LagrangeG2 = 13;
    /// <summary>Section 14: Lagrange-basis α·G1 (from 4), 2^(p+1) − 1 points.</summary>
    public const int LagrangeAlphaG1 = 14;
    /// <summary>Section 15: Lagrange-basis β·G1 (from 5), 2^(p+1) − 1 points.</summary>
    public const int LagrangeBetaG1 = 15;

    /// <summary>The point sections of every ceremony file, in hashing and challenge-file order: 2, 3, 4, 5, 6.</summary>
    public static IReadOnlyList<int> PointSectionIds { get; } = [TauG1, TauG2, AlphaTauG1, BetaTauG1, BetaG2];

    /// <summary>The sections added by prepare phase2: 12, 13, 14, 15.</summary>
    public static IReadOnlyList<int> Phase2SectionIds { get; } = [LagrangeG1, LagrangeG2, LagrangeAlphaG1, LagrangeBetaG1];

    /// <summary>True for the ids a .ptau may contain: 1..7 and 12..15.</summary>
    public static bool IsKnown(int id) => id is >= Header and <= Contributions or >= LagrangeG1 and <= LagrangeBetaG1;

    /// <summary>True for the sections holding only points (2..6, 12..15).</summary>
    public static bool IsPointSection(int id) => id is >= TauG1 and <= BetaG2 or >= LagrangeG1 and <= LagrangeBetaG1;

    /// <summary>The snarkjs name of a section ("tauG1"), or null for ids a .ptau does not use.</summary>
    public static string? Name(int id) => id switch
    {
        Header => "header",
        TauG1 => "tauG1",
        TauG2 => "tauG2",
        AlphaTauG1 => "alphaTauG1",
        BetaTauG1 => "betaTauG1",
        BetaG2 => "betaG2",
        Contributions => "contributions",
        LagrangeG1 => "lagrangeG1",
        LagrangeG2 => "lagrangeG2",
        LagrangeAlphaG1 => "lagrangeAlphaG1",
        LagrangeBetaG1 => "lagrangeBetaG1",
        _ => null,
    };

    /// <summary>The group of the points of a point section.</summary>
    public static CurveGroup Group(int id) => id switch
    {
        TauG2 or BetaG2 or LagrangeG2 => CurveGroup.G2,
        TauG1 or AlphaTauG1 or BetaTauG1 or LagrangeG1 or LagrangeAlphaG1 or LagrangeBetaG1 => CurveGroup.G1,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a point section"),
    };

    /// <summary>Number of points of point section <paramref name="id"/> in a file of power <paramref name="power"/>.</summary>
    public static long PointCount(int id, int power)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(power);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, 60);
        long n = 1L << power;
        return id switch
        {
            TauG1 => 2 * n - 1,
            TauG2 or AlphaTauG1 or BetaTauG1 => n,
            BetaG2 => 1,
            LagrangeG1 => 4 * n - 1,
            LagrangeG2 or LagrangeAlphaG1 or LagrangeBetaG1 => 2 * n - 1,
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a point section"),
        };
    }

    /// <summary>Byte size of point section <paramref name="id"/> (points stored LEM).</summary>
    public static long ByteSize(int id, int power, CurveDescriptor curve) =>
        PointCount(id, power) * curve.PointSize(Group(id));
}
