namespace PowersOfTau.Attestation.Claims;

/// <summary>A payload does not follow the profile's Claims CDDL; the message names the claim.</summary>
public sealed class ClaimsFormatException(string message) : FormatException(message);
