using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;

namespace PowersOfTau.Tokens.Inventory;

/// <summary>A token in a slot, as `tau tokens list` shows it.</summary>
/// <param name="SlotId">CK_SLOT_ID (unstable; select tokens by label/serial instead).</param>
/// <param name="SlotDescription">CK_SLOT_INFO.slotDescription.</param>
/// <param name="Device">Label, serial, manufacturer, model, firmware.</param>
/// <param name="HasRng">CKF_RNG: C_GenerateRandom is offered (ykcs11 sets it but uses host OpenSSL, tokens.md §3).</param>
/// <param name="LoginRequired">CKF_LOGIN_REQUIRED.</param>
/// <param name="Pin">The user-PIN retry flags.</param>
/// <param name="Objects">Keys and certificates visible (private keys only after login).</param>
/// <param name="Uri">A PKCS#11 URI that selects this token.</param>
/// <param name="Error">Why the objects could not be listed, if they could not.</param>
public sealed record InventoryToken(ulong SlotId, string SlotDescription, DeviceIdentity Device, bool HasRng, bool LoginRequired,
    TokenPinStatus Pin, IReadOnlyList<InventoryObject> Objects, string Uri, string? Error)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"slot {SlotId}: token '{Device.Label}' serial {Device.Serial} ({Device.Manufacturer} {Device.Model}) rng={(HasRng ? "yes" : "no")} login={(LoginRequired ? "required" : "no")}";
}
