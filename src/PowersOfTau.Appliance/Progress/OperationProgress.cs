namespace PowersOfTau.Appliance.Progress;

/// <summary>
/// One progress report of a long operation: which section (e.g. "tauG1"), how many points are done of how many.
/// The Ceremony operations report through <see cref="IProgress{T}"/>; their report type is adapted to this one
/// where the verb calls them.
/// </summary>
/// <param name="Section">What is being processed, as the user should read it.</param>
/// <param name="Done">Points done in this section.</param>
/// <param name="Total">Points in this section.</param>
public readonly record struct OperationProgress(string Section, long Done, long Total);
