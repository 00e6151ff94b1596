using PowersOfTau.Tokens.Inventory;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Tokens.Tests.Hardware;

[Collection(HardwareCollection.Name)]
public sealed class InventoryTests(HardwareTokens tokens)
{
    [Fact]
    public void Lists_modules_tokens_rng_keys_and_certificates()
    {
        var report = TokenInventory.List([tokens.SoftHsmModule, tokens.TpmModule, "/nonexistent/libp11.so"],
            label => label == tokens.SoftHsmToken ? PinSource.FromFile(tokens.SoftHsmPinFile) : null);
        Assert.Equal(3, report.Modules.Count);

        var softhsm = report.Modules[0];
        Assert.Null(softhsm.Error);
        var main = Assert.Single(softhsm.Tokens, t => t.Device.Label == tokens.SoftHsmToken);
        Assert.True(main.HasRng);
        Assert.Contains(main.Objects, o => o is { Kind: "private-key", Label: "ec384", IdHex: "02", Detail: "EC P-384" });
        Assert.Contains(main.Objects, o => o is { Kind: "public-key", Label: "ec256", Detail: "EC P-256" });
        Assert.Contains(main.Objects, o => o.Kind == "certificate" && o.Label == "cert-ec256" && o.Detail.Contains("CN=tau-softhsm ec256", StringComparison.Ordinal));
        Assert.Contains(softhsm.Tokens, t => t.Device.Label == HardwareTokens.SecondSoftHsmToken && t.Objects.All(o => o.Kind != "private-key")); // no PIN: private keys hidden

        var tpm = Assert.Single(report.Modules[1].Tokens);
        Assert.Equal(tokens.TpmToken, tpm.Device.Label);
        Assert.True(tpm.HasRng);

        Assert.Contains("not found", report.Modules[2].Error);
        string text = report.ToString();
        Assert.Contains($"token '{tokens.SoftHsmToken}'", text);
        Assert.Contains("rng=yes", text);
        Assert.Contains(report.Rows(), r => r.Kind == "certificate" && r.Token == tokens.TpmToken);
        // Each listed object URI selects that object again.
        var ec384 = main.Objects.First(o => o.Label == "ec384" && o.Kind == "private-key");
        using var key = Signing.Pkcs11ECDsa.Open(PowersOfTau.Tokens.Uri.Pkcs11Uri.Parse(ec384.Uri + $"?module-path={tokens.SoftHsmModule}&pin-source=file:{tokens.SoftHsmPinFile}"));
        Assert.Equal(384, key.KeySize);
    }
}
