using System.Diagnostics;

namespace PowersOfTau.Interop.Tests.Infrastructure;

/// <summary>What a finished child process left: its exit code and both streams.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Every line of stderr that is not blank.</summary>
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A description for assertion messages.</summary>
    public override string ToString() => $"`{Command}` exited {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs a child process to completion with a timeout (killing its whole tree when it overruns).</summary>
public static class ChildProcess
{
    /// <summary>Starts <paramref name="fileName"/> with <paramref name="args"/>, stdin closed, and waits at most <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">The process did not finish in time (it was killed).</exception>
    public static ProcessResult Run(string fileName, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var psi = StartInfo(fileName, args, environment, workingDirectory);
        string command = Describe(psi);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + command);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {timeout.TotalSeconds:F0} s");
        }
        process.WaitForExit(); // drains the async readers
        return new ProcessResult(command, process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A start-info with every stream redirected and the colour of node/logplease turned off.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["FORCE_COLOR"] = "0";
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }

    /// <summary>The command line, for messages.</summary>
    public static string Describe(ProcessStartInfo psi) =>
        psi.FileName + " " + string.Join(' ', psi.ArgumentList.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
