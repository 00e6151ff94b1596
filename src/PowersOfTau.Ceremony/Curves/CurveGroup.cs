namespace PowersOfTau.Ceremony.Curves;

/// <summary>The two source groups of a pairing-friendly curve.</summary>
public enum CurveGroup
{
    /// <summary>Points over Fq.</summary>
    G1,

    /// <summary>Points over Fq2.</summary>
    G2,
}
