namespace PowersOfTau.Attestation.Signing;

/// <summary>
/// The signing key or its certificate chain cannot make a profile-v1 attestation (wrong curve, certificate of
/// another key, broken chain order, a signature that does not verify); the message says what to change.
/// </summary>
public sealed class AttestationSignerException(string message) : ArgumentException(message);
