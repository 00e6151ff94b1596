using PowersOfTau.Appliance.Cli;
using Tomlyn;
using Tomlyn.Model;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// <c>--config PATH</c>: the contribution settings in TOML, the service's format. Keys (all optional):
/// <code>
/// entropy-sources = ["os", "tpm", "pkcs11:token=…?module-path=…"]
/// sign = "pkcs11:token=…;object=…?module-path=…&amp;pin-source=file:/…"
/// chain = "/etc/tau/chain.pem"
/// attestation = "out.cose"      no-attestation = false
/// name = "…"   ceremony-id = "…"   contributor = "mailto:…"
/// quiet = false   airgapped = true   force = false
/// </code>
/// Unknown keys are refused (a typo must not silently drop a setting). <c>insecure-test-randomness</c> is refused
/// with its own message: a fixed seed is never accepted from a file.
/// </summary>
public static class ContributionConfigFile
{
    /// <summary>The key that is never accepted here.</summary>
    public const string InsecureTestRandomnessKey = "insecure-test-randomness";

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="UserFacingError">Unreadable file, bad TOML, unknown key, wrong value type, or the insecure key (exit 2).</exception>
    public static ContributionSettings Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingError(ExitCodes.BadInput, $"--config {path}: cannot read it: {e.Message}");
        }
        TomlTable table;
        try { table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable(); }
        catch (TomlException e) { throw new UserFacingError(ExitCodes.BadInput, $"--config {path}: not valid TOML: {e.Message}"); }
        return FromTable(table, path);
    }

    /// <summary>Maps a parsed table to settings; see the type summary.</summary>
    public static ContributionSettings FromTable(TomlTable table, string path)
    {
        var settings = new ContributionSettings();
        foreach (var (key, value) in table)
        {
            settings = key switch
            {
                InsecureTestRandomnessKey => throw new UserFacingError(ExitCodes.BadInput,
                    $"--config {path}: {InsecureTestRandomnessKey} is never accepted from a configuration file (it would make every contribution worthless); it exists only as a command-line flag for tests"),
                "entropy-sources" => settings with { EntropySources = Strings(value, key, path) },
                "sign" => settings with { SignUri = Text(value, key, path) },
                "chain" => settings with { ChainFile = Text(value, key, path) },
                "attestation" => settings with { AttestationPath = Text(value, key, path) },
                "no-attestation" => settings with { NoAttestation = Flag(value, key, path) },
                "name" => settings with { Name = Text(value, key, path) },
                "ceremony-id" => settings with { CeremonyId = Text(value, key, path) },
                "contributor" => settings with { Contributor = Text(value, key, path) },
                "quiet" => settings with { Quiet = Flag(value, key, path) },
                "airgapped" => settings with { Airgapped = Flag(value, key, path) },
                "force" => settings with { Force = Flag(value, key, path) },
                _ => throw new UserFacingError(ExitCodes.BadInput,
                    $"--config {path}: unknown key '{key}'; known: entropy-sources, sign, chain, attestation, no-attestation, name, ceremony-id, contributor, quiet, airgapped, force"),
            };
        }
        return settings;
    }

    private static string Text(object? value, string key, string path) =>
        value as string ?? throw WrongType(key, "a string", path);

    private static bool Flag(object? value, string key, string path) =>
        value as bool? ?? throw WrongType(key, "true or false", path);

    private static IReadOnlyList<string> Strings(object? value, string key, string path)
    {
        if (value is not TomlArray array) throw WrongType(key, "an array of strings", path);
        return [.. array.Select(v => v as string ?? throw WrongType(key, "an array of strings", path))];
    }

    private static UserFacingError WrongType(string key, string expected, string path) =>
        new(ExitCodes.BadInput, $"--config {path}: '{key}' must be {expected}");
}
