namespace PowersOfTau.Attestation.Verification;

/// <summary>A root certificate file given to the verifier is unusable; the message names the file.</summary>
public sealed class TrustedRootException(string message) : FormatException(message);
