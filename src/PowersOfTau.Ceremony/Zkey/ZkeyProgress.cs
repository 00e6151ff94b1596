namespace PowersOfTau.Ceremony.Zkey;

/// <summary>Progress of a phase-2 operation: which step, and how many of its items are done.</summary>
public readonly record struct ZkeyProgress(string Step, long Done, long Total);
