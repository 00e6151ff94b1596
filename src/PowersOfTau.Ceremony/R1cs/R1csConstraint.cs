namespace PowersOfTau.Ceremony.R1cs;

/// <summary>One rank-1 constraint A·w × B·w = C·w, each side a list of terms in file order (spec/zkey.md §7).</summary>
public sealed record R1csConstraint(R1csTerm[] A, R1csTerm[] B, R1csTerm[] C);
