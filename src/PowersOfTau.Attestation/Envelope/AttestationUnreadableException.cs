namespace PowersOfTau.Attestation.Envelope;

/// <summary>The bytes are not a CBOR COSE_Sign1 at all (not CBOR, not a 4-element array, wrong item types).</summary>
public sealed class AttestationUnreadableException(string message) : FormatException(message);
