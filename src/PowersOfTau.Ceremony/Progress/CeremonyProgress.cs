namespace PowersOfTau.Ceremony.Progress;

/// <summary>
/// Progress of a long ceremony operation (ARCHITECTURE.md §4), reported per chunk of points: the CLI draws a bar,
/// the service writes status lines. <paramref name="Stage"/> names the work ("applying key to tauG1",
/// "hashing betaTauG1", "lagrangeG2 block 12"); <paramref name="Done"/> of <paramref name="Total"/> are points
/// (or blocks) of that stage.
/// </summary>
public readonly record struct CeremonyProgress(string Stage, long Done, long Total);
