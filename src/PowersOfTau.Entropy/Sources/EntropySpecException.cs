namespace PowersOfTau.Entropy.Sources;

/// <summary>An entropy source spec is malformed: bad usage, exit code 2.</summary>
public sealed class EntropySpecException(string message) : FormatException(message)
{
    /// <summary>Always 2.</summary>
    public int ExitCode => 2;
}
