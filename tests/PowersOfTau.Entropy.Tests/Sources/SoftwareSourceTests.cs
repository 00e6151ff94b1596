using PowersOfTau.Entropy.Sources;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Entropy.Tests.Sources;

public sealed class SoftwareSourceTests
{
    private static bool AllZero(ReadOnlySpan<byte> s) => !s.ContainsAnyExcept((byte)0);

    [Fact]
    public void Os_source_fills_secret_memory_and_reports_without_bytes()
    {
        var os = new OsEntropySource();
        using var a = os.Draw(64);
        using var b = os.Draw(64);
        Assert.False(AllZero(a.Bytes.Reveal()));
        Assert.False(a.Bytes.Reveal().SequenceEqual(b.Bytes.Reveal()));
        Assert.Equal(new EntropyReport("os-getrandom", "linux getrandom(2)", 64, false), a.Report);
        Assert.DoesNotContain(Convert.ToHexString(a.Bytes.Reveal()[..8]), a.ToString());
    }

    [Fact]
    public void Os_source_fills_large_buffers_completely()
    {
        using var big = new OsEntropySource().Draw(1 << 20);
        var s = big.Bytes.Reveal();
        for (int i = 0; i < s.Length; i += 4096) Assert.False(AllZero(s.Slice(i, 64)), $"block at {i}");
    }

    [Fact]
    public void Hwrng_reads_the_device_where_present_and_fails_clearly_where_not()
    {
        var missing = new HwrngEntropySource("/nonexistent/hwrng");
        var e = Assert.Throws<EntropyException>(() => missing.Draw(32));
        Assert.Contains("/nonexistent/hwrng does not exist", e.Message);
        Assert.Equal(3, e.ExitCode);

        if (!File.Exists("/dev/hwrng")) return; // the negative case above still ran
        using var sample = new HwrngEntropySource().Draw(32);
        Assert.False(AllZero(sample.Bytes.Reveal()));
        Assert.True(sample.Report.Hardware);
        Assert.Equal("hwrng", sample.Report.Kind);
        Assert.StartsWith("/dev/hwrng (", sample.Report.Device);
    }

    [Fact]
    public void Hwrng_without_a_current_driver_is_refused()
    {
        string none = Path.GetTempFileName();
        File.WriteAllText(none, "none\n");
        try
        {
            var e = Assert.Throws<EntropyException>(() => new HwrngEntropySource("/dev/null", none).Draw(8));
            Assert.Contains("no current RNG driver", e.Message);
        }
        finally
        {
            File.Delete(none);
        }
    }

    [Fact]
    public void Beacon_is_public_and_reported_as_such()
    {
        var beacon = new BeaconEntropySource(Convert.FromHexString("0102030405"), "drand round 7");
        using var s = beacon.Draw(64);
        Assert.Equal(new EntropyReport("beacon", "drand round 7", 5, false), s.Report);
        Assert.Equal(Convert.FromHexString("0102030405"), s.Bytes.Reveal().ToArray());
    }

    [Theory]
    [InlineData("os", typeof(OsEntropySource))]
    [InlineData("hwrng", typeof(HwrngEntropySource))]
    [InlineData("operator", typeof(OperatorEntropySource))]
    [InlineData("tpm", typeof(TpmEntropySource))]
    [InlineData("tpm:pkcs11:token=t", typeof(TpmEntropySource))]
    [InlineData("pkcs11:token=t?module-path=/x.so", typeof(Pkcs11EntropySource))]
    [InlineData("beacon:00ff", typeof(BeaconEntropySource))]
    public void Specs_name_their_sources(string spec, Type type)
    {
        Assert.IsType(type, EntropySourceSpec.Parse(spec));
    }

    [Theory]
    [InlineData("rdrand", "unknown entropy source 'rdrand'")]
    [InlineData("pkcs11:token=t?pin-value=1234", "pin-value")]
    [InlineData("beacon:abc", "even number of hex digits")]
    public void Bad_specs_are_bad_usage(string spec, string expected)
    {
        var e = Assert.Throws<EntropySpecException>(() => EntropySourceSpec.Parse(spec));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("1234", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void A_token_error_keeps_exit_code_3()
    {
        var e = Assert.Throws<EntropyException>(() => new Pkcs11EntropySource(Tokens.Uri.Pkcs11Uri.Parse("pkcs11:token=x?module-path=/nonexistent/p11.so")).Draw(8));
        Assert.Contains("not found", e.Message);
        Assert.IsType<TokenException>(e.InnerException);
    }
}

public sealed class CommandLineTextTests
{
    [Fact]
    public void Command_line_text_is_typed_text_marked_apart()
    {
        var source = new CommandLineTextEntropySource("héllo");
        Assert.True(((IEntropySource)source).IsOperatorText);
        using var s = source.Draw(1024);
        Assert.Equal("héllo"u8.ToArray(), s.Bytes.Reveal().ToArray());
        Assert.Equal(new EntropyReport("operator-command-line", "command line (-e)", 6, false), s.Report);
        Assert.Throws<EntropyException>(() => new CommandLineTextEntropySource("").Draw(10));
        Assert.Contains("at most 3", Assert.Throws<EntropyException>(() => source.Draw(3)).Message);
    }

    [Fact]
    public void Collector_appends_command_line_text_and_its_digest_matches_blake2b_of_seed_then_text()
    {
        byte[] challenge = Mixing.TestData.Data("challenge", 64);
        using var mixed = PowersOfTau.Entropy.Mixing.EntropyCollector.Collect([new CommandLineTextEntropySource("some text")], challenge);
        Assert.Equal(["os-getrandom", "operator-command-line"], mixed.Reports.Select(r => r.Kind));
        Assert.Equal("some text"u8.ToArray(), mixed.OperatorText.Reveal().ToArray());
        Assert.Throws<ArgumentException>(() => PowersOfTau.Entropy.Mixing.EntropyCollector.Collect(
            [new CommandLineTextEntropySource("a"), new OperatorEntropySource()], challenge));
    }
}
