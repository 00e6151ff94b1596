namespace PowersOfTau.Entropy;

/// <summary>
/// A configured entropy source failed (device missing, token error, no terminal, operator gave up). The whole
/// contribution stops; the CLI maps this to exit code 3. The message never holds entropy bytes.
/// </summary>
public sealed class EntropyException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code for a failed token or device.</summary>
    public const int DeviceFailedExitCode = 3;

    /// <summary>Always <see cref="DeviceFailedExitCode"/>.</summary>
    public int ExitCode => DeviceFailedExitCode;
}
