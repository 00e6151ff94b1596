namespace PowersOfTau.Ceremony.R1cs;

/// <summary>
/// One term of a linear combination: <paramref name="Wire"/> times a coefficient stored as 32 little-endian
/// bytes of the plain (non-Montgomery) integer, below r (spec/zkey.md §7).
/// </summary>
public readonly record struct R1csTerm(uint Wire, R1csCoefficient Coefficient);

/// <summary>A 32-byte little-endian plain field element (an r1cs coefficient; public data).</summary>
[System.Runtime.CompilerServices.InlineArray(32)]
public struct R1csCoefficient
{
    private byte _first;

    /// <summary>The value 1.</summary>
    public static R1csCoefficient One
    {
        get
        {
            var one = default(R1csCoefficient);
            one[0] = 1;
            return one;
        }
    }
}
