namespace PowersOfTau.Appliance.Cli;

/// <summary>
/// The one place where exceptions become exit codes and one-line messages (STYLE.md habit 8).
/// Rooms throw their own exception types; <see cref="ExitCodeRegistrations"/> maps them at startup. Unknown
/// exceptions are reported as an internal error in one line too (the stack trace only with TAU_DEBUG=1),
/// never as a raw trace.
/// </summary>
public static class ErrorReporter
{
    private static readonly List<(Type Type, Func<Exception, int> ExitCode)> s_map = [];
    private static readonly Lock s_lock = new();

    /// <summary>Registers the exit code for an exception type (and its subclasses). The first registration of a type wins.</summary>
    public static void Map<TException>(int exitCode) where TException : Exception => Map<TException>(_ => exitCode);

    /// <summary>Registers an exit code computed from the exception (e.g. by its category).</summary>
    public static void Map<TException>(Func<TException, int> exitCode) where TException : Exception
    {
        lock (s_lock)
        {
            if (s_map.Any(m => m.Type == typeof(TException))) return;
            s_map.Add((typeof(TException), e => exitCode((TException)e)));
        }
    }

    /// <summary>The exit code <see cref="Report"/> would give, without writing anything.</summary>
    public static int ExitCodeOf(Exception e) => Classify(Unwrap(e)).Code;

    /// <summary>Writes one line "tau: message" (plus the stack trace when TAU_DEBUG=1) and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        e = Unwrap(e);
        var (code, message) = Classify(e);
        stderr.WriteLine("tau: " + OneLine(message));
        if (Environment.GetEnvironmentVariable("TAU_DEBUG") == "1") stderr.WriteLine(e.ToString());
        return code;
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } agg ? Unwrap(agg.InnerExceptions[0]) : e;

    private static (int Code, string Message) Classify(Exception e)
    {
        switch (e)
        {
            case UserFacingError u:
                return (u.ExitCode, u.Message);
            case OperationCanceledException:
                return (ExitCodes.Cancelled, "cancelled");
        }
        (Type Type, Func<Exception, int> ExitCode) hit;
        lock (s_lock) hit = s_map.FirstOrDefault(m => m.Type.IsInstanceOfType(e));
        if (hit.Type is not null) return (hit.ExitCode(e), e.Message);
        if (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
            return (ExitCodes.BadInput, e.Message);
        return (ExitCodes.BadInput, $"internal error ({e.GetType().Name}): {e.Message}");
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
