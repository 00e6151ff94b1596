namespace PowersOfTau.Tokens.Errors;

/// <summary>
/// A token or device failed: module missing or unloadable, no (or more than one) matching token or key,
/// wrong PIN, a CKR_* error from the module, a device that does not answer. The message is one line a user
/// can act on and never holds a PIN or random bytes. The CLI maps it to exit code 3 (ARCHITECTURE.md §3).
/// </summary>
public sealed class TokenException : Exception
{
    /// <summary>The process exit code for a failed token or device.</summary>
    public const int DeviceFailedExitCode = 3;

    /// <summary>Creates the exception with a one-line message.</summary>
    public TokenException(string message, string? returnValue = null, Exception? inner = null) : base(message, inner)
    {
        ReturnValue = returnValue;
    }

    /// <summary>The CKR_* name the module returned, when the failure came from a PKCS#11 call.</summary>
    public string? ReturnValue { get; }

    /// <summary>Always <see cref="DeviceFailedExitCode"/>.</summary>
    public int ExitCode => DeviceFailedExitCode;
}
