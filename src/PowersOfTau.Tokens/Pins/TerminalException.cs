namespace PowersOfTau.Tokens.Pins;

/// <summary>The terminal cannot be used for secret input (stdin is not a terminal, input closed, too long).</summary>
public sealed class TerminalException(string message) : IOException(message);
