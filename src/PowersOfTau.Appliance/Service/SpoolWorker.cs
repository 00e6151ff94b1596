using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// The job loop of `tau serve`: takes the oldest input from inbox/, runs it through the <see cref="ContributionPipeline"/>
/// (the CLI's, with the service's settings and operator console), and publishes the result:
/// <list type="number">
/// <item>the pipeline writes <c>outbox/.inprogress-&lt;name&gt;</c> and its attestation (each atomically: temp, fsync, rename);</item>
/// <item>the output is renamed to <c>outbox/&lt;name&gt;</c>, then the attestation to <c>outbox/&lt;name&gt;.cose</c>, so
/// a consumer that waits for the .cose finds both complete;</item>
/// <item>the input moves to done/; on failure to failed/ with <c>&lt;name&gt;.error.txt</c> holding the one-line reason,
/// and nothing is left in outbox/.</item>
/// </list>
/// SIGTERM cancels a running contribution (the operation removes its partial output), removes the in-progress files
/// and leaves the input in inbox/ for the next start.
/// </summary>
public sealed class SpoolWorker(
    ServiceConfiguration configuration,
    SpoolFolders spool,
    OperatorConsole console,
    ServiceStatus status,
    ILogger<SpoolWorker> logger,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    /// <summary>The process exit code after the host stops: 0 for a requested stop, 1 when the loop itself broke.</summary>
    public int ExitCode { get; private set; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        try
        {
            foreach (string leftover in spool.RemoveLeftovers())
                logger.LogWarning("removed {Leftover} from outbox/ (left by an interrupted run)", leftover);
            status.Ready($"ready: waiting for *.ptau / *.zkey in {spool.Inbox} ({console.Description})");
            while (!stoppingToken.IsCancellationRequested)
            {
                var input = spool.NextInput();
                if (input is null)
                {
                    await Task.Delay(configuration.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                await Task.Run(() => Process(input.FullName, stoppingToken), CancellationToken.None).ConfigureAwait(false);
                if (!stoppingToken.IsCancellationRequested)
                    status.Set($"ready: waiting for *.ptau / *.zkey in {spool.Inbox}");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The spool itself broke (folder removed, disk gone) or the loop has a bug: stop with exit 1 so that
            // systemd restarts the service (Restart=on-failure) or shows the failure; never spin on one input.
            logger.LogCritical("the spool loop failed ({Type}): {Message}; stopping", e.GetType().Name, e.Message);
            ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
        status.Stopping("stopping: SIGTERM received");
    }

    /// <summary>One input, start to end; never throws for a bad input (it goes to failed/).</summary>
    private void Process(string inputPath, CancellationToken stoppingToken)
    {
        string name = Path.GetFileName(inputPath);
        var kind = SpoolJobKinds.Of(name)!.Value;
        string output = Path.Combine(spool.Outbox, name);
        string attestation = output + ".cose";
        string stagedOutput = Path.Combine(spool.Outbox, SpoolFolders.InProgressPrefix + name);
        string stagedAttestation = stagedOutput + ".cose";
        string? r1cs = kind == SpoolJobKind.Zkey ? Path.Combine(spool.Inbox, Path.GetFileNameWithoutExtension(name) + ".r1cs") : null;
        status.Set($"contributing to {name} ({new FileInfo(inputPath).Length} bytes)");

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        bool outputPublished = false; // the output is renamed into place but its attestation not yet
        try
        {
            if (File.Exists(output) || File.Exists(attestation))
                throw new UserFacingError(ExitCodes.BadInput, $"outbox/ already holds {name} or {name}.cose; move them away before dropping this input again");
            var settings = configuration.Contribution with { AttestationPath = stagedAttestation, Quiet = false, Force = false };
            var pipeline = new ContributionPipeline(settings, stdout, stderr, console.Terminal, new ServiceProgressDisplay(status, name));
            pipeline.Run(SpoolRequests.For(kind, inputPath, stagedOutput, r1cs), stoppingToken);
            LogLines(stderr, LogLevel.Warning);
            LogLines(stdout, LogLevel.Information);

            File.Move(stagedOutput, output);
            outputPublished = true;
            File.Move(stagedAttestation, attestation);
            outputPublished = false; // both are out: from here on the pair stays, whatever happens to the input
            DirectoryFsync.Flush(spool.Outbox);
            if (r1cs is not null) SpoolFolders.MoveInto(r1cs, spool.Done); // the circuit first: the input's move marks the job finished
            string movedTo = SpoolFolders.MoveInto(inputPath, spool.Done);
            status.Set($"done: {name} -> outbox/{name} + {name}.cose (input in {Path.GetRelativePath(spool.Root, movedTo)})");
        }
        catch (Exception e) when (e is OperationCanceledException && stoppingToken.IsCancellationRequested)
        {
            RemoveStaged(stagedOutput, stagedAttestation);
            logger.LogWarning("contribution to {Name} cancelled by the stop request; nothing was published, the input stays in inbox/", name);
        }
        catch (Exception e)
        {
            LogLines(stderr, LogLevel.Warning);
            RemoveStaged(stagedOutput, stagedAttestation);
            if (outputPublished) RemoveStaged(output); // never an output without its attestation
            var reason = new StringWriter();
            int code = ErrorReporter.Report(e, reason);
            string line = FirstLine(reason.ToString());
            Fail(inputPath, r1cs, name, line, code);
        }
    }

    private void Fail(string inputPath, string? r1cs, string name, string reason, int code)
    {
        try
        {
            if (r1cs is not null && File.Exists(r1cs)) SpoolFolders.MoveInto(r1cs, spool.Failed);
            string movedTo = SpoolFolders.MoveInto(inputPath, spool.Failed);
            // Written under a hidden name and renamed, so whoever watches failed/ never reads a half-written reason.
            string hidden = Path.Combine(spool.Failed, "." + Path.GetFileName(movedTo) + ".error.txt");
            File.WriteAllText(hidden, $"{reason} (exit code {code})\n");
            File.Move(hidden, movedTo + ".error.txt");
            status.Set($"failed: {name}: {reason} (exit code {code}; input in {Path.GetRelativePath(spool.Root, movedTo)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The input cannot be moved: stop rather than retry the same input forever.
            throw new IOException($"cannot move the failed input {name} to failed/: {e.Message}", e);
        }
    }

    private void RemoveStaged(params string[] paths)
    {
        foreach (string path in paths)
        {
            try { File.Delete(path); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                logger.LogError("could not remove {Path}: {Message}", path, e.Message);
            }
        }
    }

    private void LogLines(StringWriter writer, LogLevel level)
    {
        foreach (string line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            logger.Log(level, "{Line}", line.TrimEnd('\r'));
        writer.GetStringBuilder().Clear();
    }

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', 2)[0].Trim();
        return line.StartsWith("tau: ", StringComparison.Ordinal) ? line["tau: ".Length..] : line;
    }
}
