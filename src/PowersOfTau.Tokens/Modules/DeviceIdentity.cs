namespace PowersOfTau.Tokens.Modules;

/// <summary>
/// Who a token is, as it says itself (CK_TOKEN_INFO) and which module reached it: what goes into entropy
/// reports and the attestation (never PINs, never random bytes).
/// </summary>
/// <param name="Label">CK_TOKEN_INFO.label, trimmed.</param>
/// <param name="Serial">CK_TOKEN_INFO.serialNumber, trimmed.</param>
/// <param name="Manufacturer">CK_TOKEN_INFO.manufacturerID, trimmed (a TPM's vendor, e.g. "IBM" for swtpm).</param>
/// <param name="Model">CK_TOKEN_INFO.model, trimmed (tpm2-pkcs11: the TPM's vendor string, e.g. "SW   TPM").</param>
/// <param name="Firmware">CK_TOKEN_INFO.firmwareVersion.</param>
/// <param name="ModuleDescription">CK_INFO.libraryDescription and version of the module.</param>
public sealed record DeviceIdentity(string Label, string Serial, string Manufacturer, string Model, string Firmware, string ModuleDescription)
{
    /// <summary>One line: label, serial, manufacturer and model.</summary>
    public override string ToString() => $"'{Label}' serial {Serial} ({Manufacturer} {Model}, firmware {Firmware}; module {ModuleDescription})";
}
