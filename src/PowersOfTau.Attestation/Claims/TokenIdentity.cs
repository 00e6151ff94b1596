namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// The token that holds the attestation key: EAT submodule "signer" (RFC 9711 §4.2.18).
/// </summary>
/// <param name="Serial">The token's serial number (for a YubiKey it must equal the attestation certificate's).</param>
/// <param name="Interface">"pkcs11", "piv-apdu", "tpm2", or "software" (tests and examples only).</param>
/// <param name="OemId">IANA PEN of the maker (EAT oemid 258), e.g. Yubico 41482.</param>
/// <param name="HwModel">The model (EAT hwmodel 259, written as UTF-8 bytes), e.g. "YubiKey 5 NFC".</param>
/// <param name="HwVersion">The firmware version (EAT hwversion 260), e.g. "5.4.3".</param>
/// <param name="Slot">PIV slot, PKCS#11 CKA_ID (hex) or TPM handle.</param>
public sealed record TokenIdentity(
    string Serial,
    string Interface,
    long? OemId = null,
    string? HwModel = null,
    string? HwVersion = null,
    string? Slot = null);
