using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using PowersOfTau.Appliance.Service;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau serve [--config PATH]`: the headless appliance (ARCHITECTURE.md §2). Runs the fail-fast checks
/// (<see cref="ServiceStartup"/>), then a Generic Host with the spool job loop (<see cref="SpoolWorker"/>) and the
/// systemd watchdog; under systemd the console log is journal-formatted (no timestamps, syslog priorities).
/// Exit 0 after SIGTERM/SIGINT, 2 for a bad configuration or spool, 3 when the attestation token fails at start,
/// 1 when the spool breaks while running.
/// </summary>
public static class ServeCommand
{
    /// <summary>Where the unit's configuration lives when --config is not given.</summary>
    public const string DefaultConfigPath = "/etc/powersoftau/powersoftau.toml";

    /// <summary>How long a stop waits for the running contribution to cancel (the unit's TimeoutStopSec is longer).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = $"the service's TOML configuration (default {DefaultConfigPath}; see images/powersoftau.toml.example)", DefaultValueFactory = _ => DefaultConfigPath };
        var cmd = new Command("serve", "Run the headless appliance: contribute to each .ptau/.zkey dropped in the spool's inbox (systemd notify service).") { config };
        // A synchronous action: the host owns SIGTERM/SIGINT (System.CommandLine's termination handler would exit early).
        cmd.SetAction(parse => Run(parse.GetValue(config)!));
        return cmd;
    }

    /// <summary>Checks, then serves until stopped; returns the exit code.</summary>
    public static int Run(string configPath)
    {
        var startup = ServiceStartup.Check(configPath);
        using var console = startup.Console;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "powersoftau" });
        builder.Logging.AddSimpleConsole(options => { options.SingleLine = true; options.IncludeScopes = false; options.TimestampFormat = null; });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSystemd(); // under systemd: journal log format, SystemdLifetime (READY/STOPPING)
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>(); // not under systemd: still notify when NOTIFY_SOCKET is set
        builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(startup.Configuration);
        builder.Services.AddSingleton(startup.Spool);
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton<ServiceStatus>();
        builder.Services.AddSingleton<SpoolWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SpoolWorker>());
        builder.Services.AddHostedService<WatchdogService>();

        var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PowersOfTau.Serve");
        logger.LogInformation("tau serve: config {Config}, spool {Spool}, attestation key {Signer}, {Console}",
            configPath, startup.Spool.Root, startup.SignerName, console.Description);
        logger.LogInformation("hardening: not dumpable {NotDumpable}, core dumps off {NoCore}, swap {Swap} KiB, airgapped check {Airgapped}",
            startup.Hardening.NotDumpable, startup.Hardening.CoreDumpsDisabled, startup.Hardening.SwapTotalKiB, startup.Configuration.Contribution.Airgapped);
        foreach (string warning in startup.Warnings) logger.LogWarning("{Warning}", warning);

        var worker = host.Services.GetRequiredService<SpoolWorker>();
        host.Run(); // returns after SIGTERM/SIGINT and the worker's clean stop; disposes the host
        return worker.ExitCode;
    }
}
