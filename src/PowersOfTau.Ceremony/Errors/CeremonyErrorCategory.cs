namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// What kind of bad input a <see cref="CeremonyFormatException"/> reports; the CLI maps it to an exit code
/// once, at the edge (ARCHITECTURE.md §3: 2 = bad input, 1 = verification failed).
/// </summary>
public enum CeremonyErrorCategory
{
    /// <summary>
    /// The bytes cannot be interpreted: I/O failure, wrong magic or version, truncation, a section table that
    /// points past the end, a missing or duplicated section, an unknown curve or parameter tag. Exit code 2.
    /// </summary>
    Unreadable,

    /// <summary>
    /// The file parses but disagrees with itself or with the ceremony rules: section sizes that do not match
    /// the header, unsorted contribution parameters, a hash that does not match. Exit code 1.
    /// </summary>
    InvalidTranscript,
}
