using System.CommandLine;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// The entropy and attestation options of every contributing verb (ARCHITECTURE.md §3), added to a command and
/// read back as <see cref="ContributionSettings"/> (with <c>--config</c> merged under the command line).
/// </summary>
public sealed class ContributionOptions
{
    private readonly Option<string[]> _entropySources = new("--entropy-source") { Description = "entropy source (repeatable): os, hwrng, operator, tpm, tpm:pkcs11:<uri>, pkcs11:<uri>; os is always mixed" };
    private readonly Option<string?> _entropyText = new("--entropy", "-e") { Description = "entropy text given on the command line (marked as such in the attestation)" };
    private readonly Option<string?> _name = new("--name", "-n") { Description = "contribution name (default: the attestation key's name)" };
    private readonly Option<string?> _sign = new("--sign") { Description = "PKCS#11 URI (RFC 7512) of the attestation key" };
    private readonly Option<string?> _chain = new("--chain") { Description = "PEM file: the key's certificate and intermediates (default: the certificate on the token)" };
    private readonly Option<string?> _attestation = new("--attestation") { Description = "attestation file (default <out>.cose)" };
    private readonly Option<bool> _noAttestation = new("--no-attestation") { Description = "make no attestation (only when no key is configured)" };
    private readonly Option<string?> _config = new("--config") { Description = "TOML file with these settings (the command line wins)" };
    private readonly Option<bool> _quiet = new("--quiet", "-q") { Description = "no progress and no hash lines" };
    private readonly Option<bool> _airgapped = new("--airgapped") { Description = "refuse to run while a non-loopback network interface is up" };
    private readonly Option<bool> _force = new("--force") { Description = "overwrite existing output files" };
    private readonly Option<string?> _ceremonyId = new("--ceremony-id") { Description = "the coordinator's ceremony id for the attestation" };
    private readonly Option<string?> _contributor = new("--contributor") { Description = "the contributor as a URI (mailto:, https://…) for the attestation" };

    // Tests only: hidden from --help, announced loudly, marked in the attestation, never read from --config.
    private readonly Option<string?> _insecureTestRandomness = new("--insecure-test-randomness") { Hidden = true };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { _entropySources, _entropyText, _name, _sign, _chain, _attestation, _noAttestation, _config,
                     _quiet, _airgapped, _force, _ceremonyId, _contributor, _insecureTestRandomness })
            command.Options.Add(option);
    }

    /// <summary>The settings the command line gives, over the --config file's when one is named.</summary>
    /// <exception cref="Cli.UserFacingError">The config file is unusable (exit 2).</exception>
    public ContributionSettings Read(ParseResult parse)
    {
        var commandLine = new ContributionSettings
        {
            EntropySources = parse.GetValue(_entropySources) ?? [],
            EntropyText = parse.GetValue(_entropyText),
            Name = parse.GetValue(_name),
            SignUri = parse.GetValue(_sign),
            ChainFile = parse.GetValue(_chain),
            AttestationPath = parse.GetValue(_attestation),
            NoAttestation = parse.GetValue(_noAttestation),
            Quiet = parse.GetValue(_quiet),
            Airgapped = parse.GetValue(_airgapped),
            Force = parse.GetValue(_force),
            CeremonyId = parse.GetValue(_ceremonyId) ?? "unspecified",
            Contributor = parse.GetValue(_contributor),
            InsecureTestRandomnessHex = parse.GetValue(_insecureTestRandomness),
        };
        string? config = parse.GetValue(_config);
        return config is null ? commandLine : ContributionSettings.Merge(ContributionConfigFile.Load(config), commandLine);
    }
}
