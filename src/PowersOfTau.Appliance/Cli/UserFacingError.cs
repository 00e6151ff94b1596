namespace PowersOfTau.Appliance.Cli;

/// <summary>An error the CLI reports as one line on stderr with a given exit code.</summary>
public sealed class UserFacingError(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
