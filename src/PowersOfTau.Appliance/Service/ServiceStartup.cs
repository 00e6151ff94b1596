using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Secrets;

namespace PowersOfTau.Appliance.Service;

/// <summary>What the fail-fast checks found, for the first journal lines.</summary>
/// <param name="Configuration">The checked configuration.</param>
/// <param name="Spool">The checked spool.</param>
/// <param name="Console">The opened operator console.</param>
/// <param name="Hardening">What process hardening did.</param>
/// <param name="SignerName">The attestation key's name.</param>
/// <param name="Warnings">Things that are allowed but should be fixed (e.g. swap with allow-swap).</param>
public sealed record ServiceStartupReport(
    ServiceConfiguration Configuration,
    SpoolFolders Spool,
    OperatorConsole Console,
    HardeningReport Hardening,
    string SignerName,
    IReadOnlyList<string> Warnings);

/// <summary>
/// The checks `tau serve` makes before it reports READY, in order, each failing with a one-line reason and its exit
/// code: the configuration (2), the spool folders (2), process hardening and swap (2 unless allow-swap), airgapped (2),
/// the operator console (2), the attestation key and its chain (3 for a token failure, 2 for a malformed URI).
/// </summary>
public static class ServiceStartup
{
    /// <summary>Runs the checks; see the type summary.</summary>
    /// <exception cref="UserFacingError">A configuration, spool, swap, network or console problem (exit 2).</exception>
    /// <exception cref="PowersOfTau.Tokens.Errors.TokenException">The key's module, token, PIN or key failed (exit 3).</exception>
    /// <param name="configPath">The TOML file.</param>
    /// <param name="harden">Tests only: replaces <see cref="ProcessHardening.Apply"/> (e.g. to report swap that is not there).</param>
    public static ServiceStartupReport Check(string configPath, Func<HardeningReport>? harden = null)
    {
        var configuration = ServiceConfigFile.Load(configPath);
        var spool = SpoolFolders.Open(configuration.Spool);
        var warnings = new List<string>();

        var hardening = (harden ?? ProcessHardening.Apply)();
        if (!hardening.NotDumpable || !hardening.CoreDumpsDisabled)
            warnings.Add("process hardening incomplete: " + (hardening.NotDumpable ? "" : "could not make the process non-dumpable; ") + (hardening.CoreDumpsDisabled ? "" : "could not set RLIMIT_CORE to 0"));
        if (hardening.SwapActive)
        {
            if (!configuration.AllowSwap)
                throw new UserFacingError(ExitCodes.BadInput, $"swap is on ({hardening.SwapTotalKiB} KiB): a ceremony machine runs without swap (swapoff -a, and remove it from /etc/fstab); to run anyway set allow-swap = true in [service]");
            warnings.Add($"swap is on ({hardening.SwapTotalKiB} KiB) and allow-swap = true: secrets stay locked in RAM, but turn swap off on a ceremony machine");
        }
        if (configuration.Contribution.Airgapped && NetworkIsolation.NonLoopbackInterfacesUp() is { Count: > 0 } up)
            throw new UserFacingError(ExitCodes.BadInput, $"airgapped = true but network interface(s) {string.Join(", ", up)} are up; take them down (ip link set DEV down), unplug them, or run the unit with PrivateNetwork=yes");

        var console = OperatorConsole.Open(configuration.OperatorConsole);
        try
        {
            // Open the key once now so that a wrong PIN or a missing token stops the start, not the first job.
            using var key = AttestationKey.Open(configuration.Contribution.SignUri!, configuration.Contribution.ChainFile);
            return new ServiceStartupReport(configuration, spool, console, hardening, key.DisplayName, warnings);
        }
        catch
        {
            console.Dispose();
            throw;
        }
    }
}
