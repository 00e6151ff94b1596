using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using Tomlyn;
using Tomlyn.Model;

namespace PowersOfTau.Appliance.Tests;

/// <summary>The TOML settings and how they merge under the command line.</summary>
public class ContributionSettingsTests
{
    private static ContributionSettings FromToml(string toml) =>
        ContributionConfigFile.FromTable(TomlSerializer.Deserialize<TomlTable>(toml)!, "test.toml");

    [Fact]
    public void Every_key_maps_to_its_setting()
    {
        var s = FromToml("""
            entropy-sources = ["os", "tpm"]
            sign = "pkcs11:token=a;object=b"
            chain = "/etc/tau/chain.pem"
            attestation = "x.cose"
            name = "Alice"
            ceremony-id = "c1"
            contributor = "mailto:alice@example.org"
            quiet = true
            airgapped = true
            force = true
            """);
        Assert.Equal(["os", "tpm"], s.EntropySources);
        Assert.Equal("pkcs11:token=a;object=b", s.SignUri);
        Assert.Equal("/etc/tau/chain.pem", s.ChainFile);
        Assert.Equal("x.cose", s.AttestationPath);
        Assert.Equal("Alice", s.Name);
        Assert.Equal("c1", s.CeremonyId);
        Assert.Equal("mailto:alice@example.org", s.Contributor);
        Assert.True(s.Quiet && s.Airgapped && s.Force);
        Assert.False(s.NoAttestation);
        Assert.Null(s.InsecureTestRandomnessHex);
    }

    [Fact]
    public void The_command_line_wins_and_entropy_sources_add_up()
    {
        var file = FromToml("entropy-sources = [\"tpm\"]\nname = \"file\"\nceremony-id = \"c1\"\n");
        var merged = ContributionSettings.Merge(file, new ContributionSettings { EntropySources = ["hwrng"], Name = "cli", Quiet = true });
        Assert.Equal(["tpm", "hwrng"], merged.EntropySources);
        Assert.Equal("cli", merged.Name);
        Assert.Equal("c1", merged.CeremonyId);
        Assert.True(merged.Quiet);
    }

    [Fact]
    public void The_insecure_seed_is_refused_in_a_file_even_when_merged()
    {
        var e = Assert.Throws<UserFacingError>(() => FromToml("insecure-test-randomness = \"2a\"\n"));
        Assert.Equal(2, e.ExitCode);
        var file = new ContributionSettings { InsecureTestRandomnessHex = "should never come from a file" };
        Assert.Null(ContributionSettings.Merge(file, new ContributionSettings()).InsecureTestRandomnessHex);
    }

    [Fact]
    public void The_attestation_defaults_to_the_output_name_with_cose()
    {
        Assert.Equal("out.ptau.cose", new ContributionSettings().AttestationPathFor("out.ptau"));
        Assert.Equal("a.cose", new ContributionSettings { AttestationPath = "a.cose" }.AttestationPathFor("out.ptau"));
    }
}
