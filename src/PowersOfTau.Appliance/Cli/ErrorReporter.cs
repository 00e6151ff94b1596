namespace PowersOfTau.Appliance.Cli;

/// <summary>
/// The one place where exceptions become exit codes and one-line messages (STYLE.md habit 8).
/// Rooms throw their own exception types; this maps them. Unknown exceptions are reported as an
/// internal error in one line too (the stack trace only with TAU_DEBUG=1), never as a raw trace.
/// </summary>
public static class ErrorReporter
{
    private static readonly List<(Type Type, int ExitCode)> s_map = [];

    /// <summary>Registers the exit code for an exception type (and its subclasses).</summary>
    public static void Map<TException>(int exitCode) where TException : Exception => s_map.Add((typeof(TException), exitCode));

    public static int Report(Exception e, TextWriter stderr)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        int code;
        string message;
        switch (e)
        {
            case UserFacingError u:
                code = u.ExitCode; message = u.Message; break;
            case OperationCanceledException:
                code = ExitCodes.Cancelled; message = "cancelled"; break;
            default:
                var hit = s_map.FirstOrDefault(m => m.Type.IsInstanceOfType(e));
                if (hit.Type is not null) { code = hit.ExitCode; message = e.Message; }
                else if (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
                { code = ExitCodes.BadInput; message = e.Message; }
                else { code = ExitCodes.BadInput; message = $"internal error ({e.GetType().Name}): {e.Message}"; }
                break;
        }
        stderr.WriteLine("tau: " + OneLine(message));
        if (Environment.GetEnvironmentVariable("TAU_DEBUG") == "1") stderr.WriteLine(e.ToString());
        return code;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
