using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Service;
using PowersOfTau.Testing;
using Tomlyn;
using Tomlyn.Model;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// The service's TOML format (images/powersoftau.toml.example): the valid example parses to the expected settings,
/// and each refused form (insecure seed, keys the spool makes meaningless, missing sign/spool, operator without a
/// console, wrong types) is its tampered twin, refused with exit 2 and a one-line message naming the key.
/// </summary>
public sealed class ServiceConfigFileTests
{
    private const string Valid = """
        sign = "pkcs11:token=tau;object=ec256?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/etc/powersoftau/pin"
        entropy-sources = ["os", "tpm"]
        ceremony-id = "zk-ceremony-2026"
        airgapped = true

        [service]
        spool = "/var/lib/powersoftau/spool"
        operator-console = "/dev/tty1"
        allow-swap = false
        poll-interval-ms = 500
        """;

    private static ServiceConfiguration Parse(string toml) =>
        ServiceConfigFile.FromTable(TomlSerializer.Deserialize<TomlTable>(toml)!, "test.toml");

    [Fact]
    public void The_valid_configuration_maps_every_key()
    {
        var c = Parse(Valid);
        Assert.Equal("/var/lib/powersoftau/spool", c.Spool);
        Assert.Equal("/dev/tty1", c.OperatorConsole);
        Assert.False(c.AllowSwap);
        Assert.Equal(TimeSpan.FromMilliseconds(500), c.PollInterval);
        Assert.Equal(["os", "tpm"], c.Contribution.EntropySources);
        Assert.Equal("zk-ceremony-2026", c.Contribution.CeremonyId);
        Assert.True(c.Contribution.Airgapped);
        Assert.StartsWith("pkcs11:token=tau;object=ec256", c.Contribution.SignUri);
        Assert.False(c.Contribution.UsesInsecureTestRandomness);
    }

    [Fact]
    public void Defaults_are_no_console_no_swap_and_one_second()
    {
        var c = Parse("sign = \"pkcs11:token=t\"\n[service]\nspool = \"/s\"\n");
        Assert.Equal(ServiceConfiguration.NoConsole, c.OperatorConsole);
        Assert.False(c.AllowSwap);
        Assert.Equal(TimeSpan.FromSeconds(1), c.PollInterval);
    }

    [Theory]
    [InlineData("insecure-test-randomness = \"2a\"", "insecure-test-randomness is never accepted")]
    [InlineData("attestation = \"/tmp/x.cose\"", "'attestation' is not used by the service")]
    [InlineData("force = true", "'force' is not used by the service")]
    [InlineData("no-attestation = true", "'no-attestation' is not allowed")]
    [InlineData("bogus = 1", "unknown key 'bogus'")]
    public void A_refused_top_level_key_is_exit_2(string line, string message)
    {
        var e = Assert.Throws<UserFacingError>(() => Parse(line + "\n" + Valid));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("sign = ", "'sign' is required")]
    [InlineData("spool = ", "spool is required")]
    [InlineData("operator-console = ", "'operator-console' must be a string")]
    public void A_missing_required_key_is_exit_2(string dropLineStartingWith, string message)
    {
        string toml = string.Join('\n', Valid.Split('\n').Where(l => !l.StartsWith(dropLineStartingWith, StringComparison.Ordinal)));
        if (dropLineStartingWith == "operator-console = ") toml = toml.Replace("allow-swap = false", "operator-console = 1\nallow-swap = false", StringComparison.Ordinal);
        var e = Assert.Throws<UserFacingError>(() => Parse(toml));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("spool = \"relative/spool\"", "must be an absolute path")]
    [InlineData("poll-interval-ms = 5", "between 50 and 60000")]
    [InlineData("allow-swap = \"yes\"", "must be true or false")]
    [InlineData("operator-console = \"tty1\"", "must be \"none\", \"stdin\" or a terminal device path")]
    [InlineData("watch = true", "unknown key 'watch' in [service]")]
    public void A_bad_service_value_is_exit_2(string replacement, string message)
    {
        string key = replacement.Split(' ')[0];
        var lines = Valid.Split('\n').Where(l => !l.StartsWith(key + " ", StringComparison.Ordinal)).Append(replacement);
        var e = Assert.Throws<UserFacingError>(() => Parse(string.Join('\n', lines)));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Operator_entropy_needs_a_console()
    {
        string withOperator = Valid.Replace("[\"os\", \"tpm\"]", "[\"os\", \"operator\"]", StringComparison.Ordinal);
        Assert.Equal("/dev/tty1", Parse(withOperator).OperatorConsole);
        var e = Assert.Throws<UserFacingError>(() => Parse(withOperator.Replace("\"/dev/tty1\"", "\"none\"", StringComparison.Ordinal)));
        Assert.Contains("operator-console is \"none\"", e.Message);
    }

    [Fact]
    public void No_service_table_is_exit_2()
    {
        var e = Assert.Throws<UserFacingError>(() => Parse("sign = \"pkcs11:token=t\""));
        Assert.Contains("[service] table", e.Message);
    }

    [Fact]
    public void The_shipped_example_parses()
    {
        var c = ServiceConfigFile.Load(Path.Combine(RepoPaths.Root, "images/powersoftau.toml.example"));
        Assert.Equal("/var/lib/powersoftau/spool", c.Spool);
        Assert.True(c.Contribution.Airgapped);
        Assert.False(c.AllowSwap);
    }
}
