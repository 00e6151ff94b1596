using PowersOfTau.Entropy.Mixing;
using PowersOfTau.Entropy.Sources;
using PowersOfTau.Tokens.Testing;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Entropy.Tests.Sources;

[Collection(HardwareCollection.Name)]
public sealed class TokenSourceTests(HardwareTokens tokens)
{
    private static bool AllZero(ReadOnlySpan<byte> s) => !s.ContainsAnyExcept((byte)0);

    private Pkcs11EntropySource SoftHsm() => new(Pkcs11Uri.Parse($"pkcs11:token={tokens.SoftHsmToken}?module-path={tokens.SoftHsmModule}"));
    private TpmEntropySource Tpm() => new(Pkcs11Uri.Parse($"pkcs11:token={tokens.TpmToken}"), tokens.TpmModule);

    [Fact]
    public void Pkcs11_source_draws_from_the_token_and_names_it()
    {
        using var s = SoftHsm().Draw(64);
        Assert.False(AllZero(s.Bytes.Reveal()));
        Assert.Equal("pkcs11-rng", s.Report.Kind);
        Assert.Equal($"SoftHSM project SoftHSM v2 '{tokens.SoftHsmToken}' serial {tokens.SoftHsmSerial}", s.Report.Device);
        Assert.False(s.Report.Hardware); // SoftHSM draws from host OpenSSL
        Assert.Equal(64, s.Report.Bytes);
    }

    [Fact]
    public void Tpm_source_loops_over_64_byte_calls()
    {
        using var s = Tpm().Draw(200);
        var b = s.Bytes.Reveal();
        Assert.Equal(200, b.Length);
        for (int i = 0; i < 192; i += 64) Assert.False(AllZero(b.Slice(i, 64)));
        Assert.False(AllZero(b[192..]));
        Assert.Equal("tpm2-getrandom", s.Report.Kind);
        Assert.StartsWith("TPM IBM 'SW", s.Report.Device);
        Assert.Contains($"token '{tokens.TpmToken}'", s.Report.Device);
        Assert.False(s.Report.Hardware); // swtpm is a software TPM
    }

    [Fact]
    public void Tpm_source_bytes_come_from_TPM2_GetRandom_calls_of_at_most_64_bytes()
    {
        long before = new FileInfo(tokens.SwtpmLog).Length;
        using (var s = Tpm().Draw(200)) Assert.Equal(200, s.Bytes.Length);
        List<int> requests = [];
        for (int i = 0; i < 100 && requests.Sum() < 200; i++) { Thread.Sleep(10); requests = tokens.TpmGetRandomRequests(before); }
        Assert.Equal([64, 64, 64, 8], requests); // swtpm saw exactly these commands, nothing else asked for random
    }

    [Fact]
    public void Default_tpm_source_finds_the_single_tpm_token()
    {
        using var s = new TpmEntropySource(modulePath: tokens.TpmModule).Draw(16);
        Assert.Equal(16, s.Bytes.Length);
    }

    [Fact]
    public void A_tpm_source_on_a_non_tpm_module_is_refused()
    {
        var e = Assert.Throws<EntropyException>(() => new TpmEntropySource(Pkcs11Uri.Parse($"pkcs11:token={tokens.SoftHsmToken}"), tokens.SoftHsmModule).Draw(8));
        Assert.Contains("not tpm2-pkcs11", e.Message);
    }

    [Fact]
    public void Collect_draws_os_first_then_each_source_in_order_and_mixes()
    {
        byte[] challenge = Mixing.TestData.Data("challenge", 64);
        using var mixed = EntropyCollector.Collect([Tpm(), SoftHsm()], challenge);
        Assert.Equal(["os-getrandom", "tpm2-getrandom", "pkcs11-rng"], mixed.Reports.Select(r => r.Kind));
        Assert.All(mixed.Reports, r => Assert.Equal(64, r.Bytes));
        Assert.Equal(64, mixed.Seed.Length);
        Assert.Equal(0, mixed.OperatorText.Length);
        using var again = EntropyCollector.Collect([Tpm(), SoftHsm()], challenge);
        Assert.False(mixed.Seed.Reveal().SequenceEqual(again.Seed.Reveal())); // fresh entropy every time
        using var digest = mixed.DeriveSnarkjsDigest();
        Assert.Equal(64, digest.Length);
    }

    [Fact]
    public void A_failing_source_stops_the_collection()
    {
        byte[] challenge = Mixing.TestData.Data("challenge", 64);
        var broken = new Pkcs11EntropySource(Pkcs11Uri.Parse($"pkcs11:token=absent?module-path={tokens.SoftHsmModule}"));
        var e = Assert.Throws<EntropyException>(() => EntropyCollector.Collect([SoftHsm(), broken], challenge));
        Assert.Contains("no token matches token='absent'", e.Message);
        Assert.Equal(3, e.ExitCode);
    }

    [Fact]
    public void Public_or_duplicate_sources_are_refused()
    {
        byte[] challenge = Mixing.TestData.Data("challenge", 64);
        Assert.Throws<ArgumentException>(() => EntropyCollector.Collect([new BeaconEntropySource([1, 2])], challenge));
        Assert.Throws<ArgumentException>(() => EntropyCollector.Collect([new OperatorEntropySource(), new OperatorEntropySource()], challenge));
        Assert.Throws<ArgumentException>(() => EntropyCollector.Collect([], challenge[..32]));
    }
}
