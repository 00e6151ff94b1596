using PowersOfTau.Appliance.Contribution;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// What <c>tau serve</c> runs with, read from its TOML file by <see cref="ServiceConfigFile"/>: the contribution
/// settings (the same keys as <c>tau … --config</c>) and the <c>[service]</c> table.
/// </summary>
/// <param name="Contribution">Entropy sources, signing key, chain, names, airgapped: shared with the CLI verbs.</param>
/// <param name="Spool">The spool root holding inbox/, outbox/, done/ and failed/.</param>
/// <param name="OperatorConsole">Where the operator types entropy: "none", "stdin" or a terminal device path.</param>
/// <param name="AllowSwap">Run although swap is on (secrets stay locked in RAM, but a ceremony machine should have none).</param>
/// <param name="PollInterval">How often the inbox is looked at when idle.</param>
/// <param name="SourcePath">The file the configuration came from (for messages).</param>
public sealed record ServiceConfiguration(
    ContributionSettings Contribution,
    string Spool,
    string OperatorConsole,
    bool AllowSwap,
    TimeSpan PollInterval,
    string SourcePath)
{
    /// <summary>The value of <c>operator-console</c> that disables typed entropy.</summary>
    public const string NoConsole = "none";

    /// <summary>The value of <c>operator-console</c> that uses the service's standard input (systemd StandardInput=tty).</summary>
    public const string StandardInputConsole = "stdin";
}
