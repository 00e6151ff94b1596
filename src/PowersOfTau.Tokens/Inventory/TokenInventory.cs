using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Sessions;
using PowersOfTau.Tokens.Signing;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Tokens.Inventory;

/// <summary>
/// The library call behind `tau tokens list`: which modules load, which tokens they see, whether each has
/// an RNG, and which EC keys and certificates it holds. A failing module or token is reported in the model,
/// not thrown, so one broken device does not hide the others.
/// </summary>
public static class TokenInventory
{
    /// <summary>Well-known module paths on Debian/Ubuntu; <see cref="DefaultModulePaths"/> keeps those that exist.</summary>
    public static IReadOnlyList<string> KnownModulePaths { get; } =
    [
        "/usr/lib/softhsm/libsofthsm2.so",
        "/usr/lib/x86_64-linux-gnu/pkcs11/libtpm2_pkcs11.so",
        "/usr/lib/x86_64-linux-gnu/libykcs11.so",
        "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
    ];

    /// <summary>The known module paths present on this machine.</summary>
    public static IReadOnlyList<string> DefaultModulePaths() => [.. KnownModulePaths.Where(File.Exists)];

    /// <summary>
    /// Lists every module in <paramref name="modulePaths"/>. Private keys are only visible after login: pass
    /// <paramref name="pinForToken"/> (token label → PIN source, or null to skip) to log in.
    /// </summary>
    public static InventoryReport List(IEnumerable<string> modulePaths, Func<string, PinSource?>? pinForToken = null)
    {
        var modules = new List<InventoryModule>();
        foreach (string path in modulePaths)
        {
            Pkcs11Module module;
            try { module = Pkcs11Module.Load(path); }
            catch (TokenException e) { modules.Add(new InventoryModule(path, "", [], e.Message)); continue; }
            List<ISlot> slots;
            try { slots = module.Library.GetSlotList(SlotsType.WithTokenPresent); }
            catch (Pkcs11Exception e) { modules.Add(new InventoryModule(path, Describe(module), [], TokenErrors.From(e, "C_GetSlotList", path).Message)); continue; }
            var tokens = new List<InventoryToken>();
            foreach (var slot in slots)
            {
                var token = ListToken(module, slot, pinForToken);
                if (token is not null) tokens.Add(token);
            }
            modules.Add(new InventoryModule(path, Describe(module), tokens, null));
        }
        return new InventoryReport(modules);
    }

    private static string Describe(Pkcs11Module m) => $"{m.Manufacturer}, {m.Description} {m.Version} (Cryptoki {m.CryptokiVersion})";

    private static InventoryToken? ListToken(Pkcs11Module module, ISlot slot, Func<string, PinSource?>? pinForToken)
    {
        ITokenInfo info;
        ISlotInfo slotInfo;
        try { info = slot.GetTokenInfo(); slotInfo = slot.GetSlotInfo(); }
        catch (Pkcs11Exception) { return null; }
        if (!info.TokenFlags.TokenInitialized) return null;
        var device = TokenSelector.Identify(module, info);
        string tokenUri = $"pkcs11:token={Escape(device.Label)};serial={Escape(device.Serial)}?module-path={Pkcs11Uri.EscapeValue(module.Path, query: true)}";
        var objects = new List<InventoryObject>();
        string? error = null;
        try
        {
            using var session = TokenSession.Open(Pkcs11Uri.Parse(tokenUri), pinForToken?.Invoke(device.Label));
            foreach (var o in ListObjects(session)) objects.Add(o);
        }
        catch (TokenException e)
        {
            error = e.Message;
        }
        return new InventoryToken(slot.SlotId, Pkcs11Text.Trim(slotInfo.SlotDescription), device, info.TokenFlags.Rng,
            info.TokenFlags.LoginRequired, TokenPinStatus.From(info.TokenFlags), objects, tokenUri, error);
    }

    private static IEnumerable<InventoryObject> ListObjects(TokenSession session)
    {
        foreach (var (cko, kind) in new[] { (CKO.CKO_PRIVATE_KEY, "private-key"), (CKO.CKO_PUBLIC_KEY, "public-key") })
        {
            foreach (var handle in TokenObjects.Find(session, TokenObjects.Template(session, cko, null)))
            {
                var a = TokenObjects.Attributes(session, handle, CKA.CKA_LABEL, CKA.CKA_ID, CKA.CKA_KEY_TYPE, CKA.CKA_EC_PARAMS);
                string label = a[0].CannotBeRead ? "" : a[0].GetValueAsString() ?? "";
                byte[] id = a[1].CannotBeRead ? [] : a[1].GetValueAsByteArray() ?? [];
                string detail = a[2].CannotBeRead ? "?" : ((CKK)a[2].GetValueAsUlong()).ToString().Replace("CKK_", "", StringComparison.Ordinal);
                if (!a[3].CannotBeRead && a[3].GetValueAsByteArray() is { Length: > 0 } ecParams)
                {
                    try { detail += " " + EcCurve.FromEcParams(ecParams, label).Name; }
                    catch (TokenException) { detail += " (unsupported curve)"; }
                }
                string type = cko == CKO.CKO_PRIVATE_KEY ? "private" : "public";
                yield return new InventoryObject(kind, label, Convert.ToHexStringLower(id), detail, ObjectUri(session, label, id, type));
            }
        }
        foreach (var c in session.ReadCertificates())
        {
            using (c.Certificate)
            {
                string detail = $"{c.Certificate.Subject} (issuer {c.Certificate.Issuer}, until {c.Certificate.NotAfter:yyyy-MM-dd})";
                yield return new InventoryObject("certificate", c.Label, c.IdHex, detail, ObjectUri(session, c.Label, c.Id, "cert"));
            }
        }
    }

    private static string ObjectUri(TokenSession s, string label, byte[] id, string type) =>
        $"pkcs11:token={Escape(s.Device.Label)};serial={Escape(s.Device.Serial)};object={Escape(label)};id={string.Concat(id.Select(b => $"%{b:X2}"))};type={type}";

    private static string Escape(string s) => Pkcs11Uri.EscapeValue(s);
}
