namespace PowersOfTau.Tokens.Errors;

/// <summary>
/// A PKCS#11 URI (RFC 7512) is malformed or asks for something this appliance refuses (for example
/// <c>pin-value</c>). Bad usage: the CLI maps it to exit code 2. The message never repeats attribute values
/// that might be secret.
/// </summary>
public sealed class Pkcs11UriException(string message) : FormatException(message)
{
    /// <summary>The process exit code for bad usage or bad input.</summary>
    public const int BadUsageExitCode = 2;

    /// <summary>Always <see cref="BadUsageExitCode"/>.</summary>
    public int ExitCode => BadUsageExitCode;
}
