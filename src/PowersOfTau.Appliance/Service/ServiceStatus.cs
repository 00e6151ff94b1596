using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// Reports what the service is doing: a systemd STATUS= line (shown by `systemctl status`) when NOTIFY_SOCKET is
/// set, and the same text as a journal line. Public facts only: file names, sections, counts, hashes.
/// </summary>
public sealed class ServiceStatus(ISystemdNotifier notifier, ILogger<ServiceStatus> logger)
{
    /// <summary>Sets the status and logs it at Information.</summary>
    public void Set(string status)
    {
        logger.LogInformation("{Status}", status);
        Notify("STATUS=" + OneLine(status));
    }

    /// <summary>Sets the status without a journal line (frequent progress updates are logged more sparsely).</summary>
    public void SetQuietly(string status) => Notify("STATUS=" + OneLine(status));

    /// <summary>READY=1 with a status: the fail-fast checks passed and the inbox is watched.</summary>
    public void Ready(string status)
    {
        logger.LogInformation("{Status}", status);
        Notify("READY=1\nSTATUS=" + OneLine(status));
    }

    /// <summary>STOPPING=1 with a status.</summary>
    public void Stopping(string status)
    {
        logger.LogInformation("{Status}", status);
        Notify("STOPPING=1\nSTATUS=" + OneLine(status));
    }

    /// <summary>WATCHDOG=1: the service is alive.</summary>
    public void Watchdog() => Notify("WATCHDOG=1");

    /// <summary>Whether a systemd notification socket is configured.</summary>
    public bool NotifyEnabled => notifier.IsEnabled;

    private void Notify(string message)
    {
        if (notifier.IsEnabled) notifier.Notify(new ServiceState(message));
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
