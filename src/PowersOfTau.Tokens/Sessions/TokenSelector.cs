using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Uri;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Tokens.Sessions;

/// <summary>
/// Picks the one token a PKCS#11 URI names: by library, slot and token attributes, never by slot index
/// (SoftHSM reassigns slot ids; tokens.md finding 5). Zero or several matches are errors that list what is there.
/// </summary>
public static class TokenSelector
{
    /// <summary>The module the URI names: module-path, module-name, or else <paramref name="defaultModulePath"/>.</summary>
    /// <exception cref="TokenException">No module given, or it cannot be loaded.</exception>
    public static Pkcs11Module ResolveModule(Pkcs11Uri uri, string? defaultModulePath = null)
    {
        string? path = uri.ModulePath
            ?? (uri.ModuleName is { } name ? Pkcs11Module.ResolveModuleName(name) : null)
            ?? defaultModulePath;
        if (path is null)
            throw new TokenException($"no PKCS#11 module for '{uri}': add ?module-path=/path/to/module.so to the URI");
        return Pkcs11Module.Load(path);
    }

    /// <summary>The single slot whose token matches every path attribute of <paramref name="uri"/>.</summary>
    /// <exception cref="TokenException">No token or several tokens match, or the module does not match the library attributes.</exception>
    public static ISlot SelectSlot(Pkcs11Module module, Pkcs11Uri uri)
    {
        if (uri.VendorPathAttributes.Count > 0)
            throw new TokenException($"the URI has attributes this appliance cannot check ({string.Join(", ", uri.VendorPathAttributes.Keys)}); remove them so that no token is matched by mistake");
        if (uri.LibraryManufacturer is { } lm && lm != module.Manufacturer)
            throw new TokenException($"module '{module.Path}' is made by '{module.Manufacturer}', the URI asks library-manufacturer='{lm}'");
        if (uri.LibraryDescription is { } ld && ld != module.Description)
            throw new TokenException($"module '{module.Path}' is '{module.Description}', the URI asks library-description='{ld}'");
        if (uri.LibraryVersion is { } lv && $"{lv.Major}.{lv.Minor}" != NormaliseVersion(module.Version))
            throw new TokenException($"module '{module.Path}' is version {module.Version}, the URI asks library-version={lv.Major}.{lv.Minor}");

        List<ISlot> slots;
        try
        {
            slots = module.Library.GetSlotList(SlotsType.WithTokenPresent);
        }
        catch (Pkcs11Exception e)
        {
            throw TokenErrors.From(e, "C_GetSlotList", $"module '{module.Path}'");
        }
        var present = new List<string>();
        var matches = new List<ISlot>();
        foreach (var slot in slots)
        {
            ITokenInfo token;
            ISlotInfo slotInfo;
            try
            {
                token = slot.GetTokenInfo();
                slotInfo = slot.GetSlotInfo();
            }
            catch (Pkcs11Exception)
            {
                continue; // a slot whose token vanished meanwhile is simply not a candidate
            }
            if (!token.TokenFlags.TokenInitialized) continue; // SoftHSM and tpm2-pkcs11 list an empty slot for a new token
            string label = Pkcs11Text.Trim(token.Label), serial = Pkcs11Text.Trim(token.SerialNumber);
            present.Add($"'{label}' (serial {serial})");
            bool ok = Matches(uri.Token, token.Label) && Matches(uri.Serial, token.SerialNumber)
                && Matches(uri.Manufacturer, token.ManufacturerId) && Matches(uri.Model, token.Model)
                && Matches(uri.SlotDescription, slotInfo.SlotDescription) && Matches(uri.SlotManufacturer, slotInfo.ManufacturerId)
                && (uri.SlotId is null || uri.SlotId == slot.SlotId);
            if (ok) matches.Add(slot);
        }
        string wanted = DescribeTokenAttributes(uri);
        return matches.Count switch
        {
            1 => matches[0],
            0 when present.Count == 0 => throw new TokenException($"no token present in module '{module.Path}' (looking for {wanted}); insert or initialise it"),
            0 => throw new TokenException($"no token matches {wanted} in module '{module.Path}'; present: {string.Join(", ", present)}"),
            _ => throw new TokenException($"{matches.Count} tokens match {wanted} in module '{module.Path}'; add token= or serial= to the URI"),
        };
    }

    internal static DeviceIdentity Identify(Pkcs11Module module, ITokenInfo token) => new(
        Pkcs11Text.Trim(token.Label), Pkcs11Text.Trim(token.SerialNumber), Pkcs11Text.Trim(token.ManufacturerId),
        Pkcs11Text.Trim(token.Model), token.FirmwareVersion, $"{module.Description} {module.Version}");

    private static bool Matches(string? wanted, string actual) => wanted is null || wanted == Pkcs11Text.Trim(actual);

    private static string NormaliseVersion(string v) => v.Contains('.', StringComparison.Ordinal) ? string.Join('.', v.Split('.').Select(p => int.TryParse(p, out int x) ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : p)) : v + ".0";

    private static string DescribeTokenAttributes(Pkcs11Uri uri)
    {
        var parts = new List<string>();
        if (uri.Token is not null) parts.Add($"token='{uri.Token}'");
        if (uri.Serial is not null) parts.Add($"serial='{uri.Serial}'");
        if (uri.Manufacturer is not null) parts.Add($"manufacturer='{uri.Manufacturer}'");
        if (uri.Model is not null) parts.Add($"model='{uri.Model}'");
        if (uri.SlotDescription is not null) parts.Add($"slot-description='{uri.SlotDescription}'");
        if (uri.SlotManufacturer is not null) parts.Add($"slot-manufacturer='{uri.SlotManufacturer}'");
        if (uri.SlotId is not null) parts.Add($"slot-id={uri.SlotId}");
        return parts.Count == 0 ? "any token" : string.Join(";", parts);
    }
}
