namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// One entropy source mixed into the contribution: its kind, device and byte count, never its bytes nor a
/// hash of them (a hash of typed text can be brute-forced; notes/attestation.md §1.8).
/// </summary>
/// <param name="Kind">"os-getrandom", "pkcs11-rng", "tpm2-getrandom", "yubikey-openpgp-get-challenge", "operator-keyboard", "beacon", …</param>
/// <param name="Device">Token label and serial, or null when there is no device.</param>
/// <param name="ByteCount">How many bytes were mixed (0 when unmeasured, e.g. typing).</param>
/// <param name="Hardware">True only where the bytes come from a device RNG.</param>
public sealed record EntropySourceClaim(string Kind, string? Device, ulong ByteCount, bool Hardware);
