using Microsoft.Extensions.Hosting;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// Sends WATCHDOG=1 at half the interval systemd asks for (WATCHDOG_USEC, for this process when WATCHDOG_PID is set),
/// so a hung runtime is restarted. It runs beside the job loop, not inside it: a contribution at power 28 takes
/// hours and must not be killed for being long; what the watchdog proves is that the process still schedules work.
/// </summary>
public sealed class WatchdogService(ServiceStatus status) : BackgroundService
{
    /// <summary>Half of WATCHDOG_USEC, or null when systemd asks for no watchdog.</summary>
    public static TimeSpan? PingInterval()
    {
        if (Environment.GetEnvironmentVariable("WATCHDOG_PID") is { } pid && pid != Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return null;
        return ulong.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out ulong usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (PingInterval() is not { } interval || !status.NotifyEnabled) return;
        using var timer = new PeriodicTimer(interval);
        do status.Watchdog();
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
