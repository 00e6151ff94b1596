namespace PowersOfTau.Attestation.Claims;

/// <summary>The claims given to the signer are incomplete or malformed; the message says which claim.</summary>
public sealed class InvalidClaimsException(string message) : ArgumentException(message);
