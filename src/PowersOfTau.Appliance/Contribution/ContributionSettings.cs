namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// The entropy and attestation settings shared by every contributing verb (ARCHITECTURE.md §3), from the
/// command line and/or a TOML file (<see cref="ContributionConfigFile"/>). Public data only: the insecure test
/// seed is held as the hex the user typed (it is in argv anyway) and decoded into secret memory when used.
/// </summary>
public sealed record ContributionSettings
{
    /// <summary>--entropy-source SPEC (repeatable): os, hwrng, operator, tpm, tpm:pkcs11:&lt;uri&gt;, pkcs11:&lt;uri&gt;. os is always added.</summary>
    public IReadOnlyList<string> EntropySources { get; init; } = [];

    /// <summary>-e TEXT: operator entropy given on the command line (reported apart from typed text).</summary>
    public string? EntropyText { get; init; }

    /// <summary>--name: the contribution name; by default the attestation key's name when signing.</summary>
    public string? Name { get; init; }

    /// <summary>--sign: RFC 7512 PKCS#11 URI of the attestation key.</summary>
    public string? SignUri { get; init; }

    /// <summary>--chain: PEM file with the key's certificate (optional when the token holds it) and intermediates.</summary>
    public string? ChainFile { get; init; }

    /// <summary>--attestation: where the COSE_Sign1 goes (default &lt;out&gt;.cose).</summary>
    public string? AttestationPath { get; init; }

    /// <summary>--no-attestation: only when no key is configured.</summary>
    public bool NoAttestation { get; init; }

    /// <summary>--quiet: no progress, no hash lines.</summary>
    public bool Quiet { get; init; }

    /// <summary>--airgapped: refuse to run while a non-loopback network interface is up.</summary>
    public bool Airgapped { get; init; }

    /// <summary>--force: replace existing outputs.</summary>
    public bool Force { get; init; }

    /// <summary>The coordinator's ceremony id written into the claims (config key ceremony-id).</summary>
    public string CeremonyId { get; init; } = "unspecified";

    /// <summary>The contributor as a URI (CWT iss; config key contributor); derived from the name when absent.</summary>
    public string? Contributor { get; init; }

    /// <summary>
    /// --insecure-test-randomness &lt;128 hex&gt;: a fixed seed in place of the mixer output, for tests only.
    /// Never read from a config file or the service.
    /// </summary>
    public string? InsecureTestRandomnessHex { get; init; }

    /// <summary>True when a fixed test seed replaces the entropy.</summary>
    public bool UsesInsecureTestRandomness => InsecureTestRandomnessHex is not null;

    /// <summary>The attestation file for <paramref name="outputPath"/>.</summary>
    public string AttestationPathFor(string outputPath) => AttestationPath ?? outputPath + ".cose";

    /// <summary>
    /// The command line over the file: scalars given on the command line win, entropy sources are the file's
    /// followed by the command line's, flags are on when either sets them.
    /// </summary>
    public static ContributionSettings Merge(ContributionSettings file, ContributionSettings commandLine) => new()
    {
        EntropySources = [.. file.EntropySources, .. commandLine.EntropySources],
        EntropyText = commandLine.EntropyText ?? file.EntropyText,
        Name = commandLine.Name ?? file.Name,
        SignUri = commandLine.SignUri ?? file.SignUri,
        ChainFile = commandLine.ChainFile ?? file.ChainFile,
        AttestationPath = commandLine.AttestationPath ?? file.AttestationPath,
        NoAttestation = commandLine.NoAttestation || file.NoAttestation,
        Quiet = commandLine.Quiet || file.Quiet,
        Airgapped = commandLine.Airgapped || file.Airgapped,
        Force = commandLine.Force || file.Force,
        CeremonyId = commandLine.CeremonyId != "unspecified" ? commandLine.CeremonyId : file.CeremonyId,
        Contributor = commandLine.Contributor ?? file.Contributor,
        InsecureTestRandomnessHex = commandLine.InsecureTestRandomnessHex, // never from a file
    };
}
