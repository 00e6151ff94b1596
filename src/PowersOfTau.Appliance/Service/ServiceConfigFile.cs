using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using Tomlyn;
using Tomlyn.Model;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// Reads the service's TOML file (images/powersoftau.toml.example documents every key). The top-level keys are the
/// contribution settings, parsed by <see cref="ContributionConfigFile.FromTable"/> (so <c>insecure-test-randomness</c>
/// is refused there, with its own message); the <c>[service]</c> table holds:
/// <code>
/// [service]
/// spool = "/var/lib/powersoftau/spool"   # required, absolute
/// operator-console = "none"              # "none" | "stdin" | "/dev/ttyN"
/// allow-swap = false
/// poll-interval-ms = 1000
/// </code>
/// Keys that make no sense for a spool are refused: <c>attestation</c> and <c>force</c> (outputs are named by the
/// spool and never replaced) and <c>no-attestation</c> (the service always signs, so <c>sign</c> is required).
/// </summary>
public static class ServiceConfigFile
{
    /// <summary>The table that holds the service's own keys.</summary>
    public const string ServiceTable = "service";

    private static readonly string[] s_serviceKeys = ["spool", "operator-console", "allow-swap", "poll-interval-ms"];

    /// <summary>Reads and checks the file.</summary>
    /// <exception cref="UserFacingError">Unreadable file, bad TOML, unknown or refused key, wrong type, missing spool or sign (exit 2).</exception>
    public static ServiceConfiguration Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserFacingError(ExitCodes.BadInput, $"--config {path}: cannot read it: {e.Message}");
        }
        TomlTable table;
        try { table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable(); }
        catch (TomlException e) { throw new UserFacingError(ExitCodes.BadInput, $"--config {path}: not valid TOML: {OneLine(e.Message)}"); }
        return FromTable(table, path);
    }

    /// <summary>Maps a parsed table to the configuration; see the type summary.</summary>
    public static ServiceConfiguration FromTable(TomlTable table, string path)
    {
        if (!table.TryGetValue(ServiceTable, out object? serviceValue) || serviceValue is not TomlTable service)
            throw Error(path, $"a [{ServiceTable}] table with at least spool = \"/path/to/spool\" is required");
        var contributionTable = new TomlTable();
        foreach (var (key, value) in table)
            if (key != ServiceTable) contributionTable[key] = value;
        var contribution = ContributionConfigFile.FromTable(contributionTable, path);

        if (contribution.AttestationPath is not null)
            throw Error(path, "'attestation' is not used by the service: each output's attestation is <spool>/outbox/<name>.cose; remove the key");
        if (contribution.Force)
            throw Error(path, "'force' is not used by the service: an output that already exists in the outbox fails its job instead of being replaced; remove the key");
        if (contribution.NoAttestation)
            throw Error(path, "'no-attestation' is not allowed: the service signs every contribution; set sign = \"pkcs11:…\" instead");
        if (contribution.SignUri is null)
            throw Error(path, "'sign' is required: the PKCS#11 URI of the attestation key (pkcs11:token=…;object=…?module-path=…&pin-source=file:…)");

        string? spool = null;
        string console = ServiceConfiguration.NoConsole;
        bool allowSwap = false;
        long pollMs = 1000;
        foreach (var (key, value) in service)
        {
            switch (key)
            {
                case "spool": spool = value as string ?? throw WrongType(path, key, "a string"); break;
                case "operator-console": console = value as string ?? throw WrongType(path, key, "a string"); break;
                case "allow-swap": allowSwap = value as bool? ?? throw WrongType(path, key, "true or false"); break;
                case "poll-interval-ms": pollMs = value as long? ?? throw WrongType(path, key, "an integer"); break;
                default:
                    throw Error(path, $"unknown key '{key}' in [{ServiceTable}]; known: {string.Join(", ", s_serviceKeys)}");
            }
        }
        if (spool is null) throw Error(path, $"[{ServiceTable}] spool is required: the folder holding inbox/, outbox/, done/ and failed/");
        if (!Path.IsPathFullyQualified(spool)) throw Error(path, $"[{ServiceTable}] spool must be an absolute path, got '{spool}'");
        if (pollMs is < 50 or > 60_000) throw Error(path, $"[{ServiceTable}] poll-interval-ms must be between 50 and 60000, got {pollMs}");
        if (console != ServiceConfiguration.NoConsole && console != ServiceConfiguration.StandardInputConsole && !Path.IsPathFullyQualified(console))
            throw Error(path, $"[{ServiceTable}] operator-console must be \"none\", \"stdin\" or a terminal device path such as /dev/tty1, got '{console}'");
        bool operatorSource = contribution.EntropySources.Any(s => s.Equals("operator", StringComparison.OrdinalIgnoreCase));
        if (operatorSource && console == ServiceConfiguration.NoConsole)
            throw Error(path, $"entropy-sources has \"operator\" but [{ServiceTable}] operator-console is \"none\"; name the console's terminal (e.g. /dev/tty1) or drop \"operator\"");

        return new ServiceConfiguration(contribution, spool, console, allowSwap, TimeSpan.FromMilliseconds(pollMs), path);
    }

    private static UserFacingError Error(string path, string message) => new(ExitCodes.BadInput, $"--config {path}: {message}");

    private static UserFacingError WrongType(string path, string key, string expected) => Error(path, $"[{ServiceTable}] '{key}' must be {expected}");

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
