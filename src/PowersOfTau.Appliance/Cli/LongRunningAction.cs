using System.CommandLine;

namespace PowersOfTau.Appliance.Cli;

/// <summary>
/// The action of a verb that can run long. System.CommandLine listens for SIGINT/SIGTERM only once the action's task
/// has been returned, so the work runs on the thread pool: a signal then cancels the token, the operation stops at
/// its next chunk and removes its temporary output, and the process exits 130 (Program waits up to 60 s for that).
/// Errors are reported inside the task, so it never faults (System.CommandLine waits on it in the signal handler).
/// </summary>
public static class LongRunningAction
{
    /// <summary>Wraps a synchronous verb body.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Of(Func<ParseResult, CancellationToken, int> body) =>
        (parse, cancellationToken) => Task.Run(() =>
        {
            try
            {
                return body(parse, cancellationToken);
            }
            catch (Exception e)
            {
                return ErrorReporter.Report(e, Console.Error);
            }
        }, CancellationToken.None);
}
