using System.Diagnostics;

namespace PowersOfTau.Appliance.Tests;

/// <summary>Runs the real `tau` executable (the built tau.dll next to the tests) as a child process.</summary>
internal static class TauProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string TauDll => Path.Combine(AppContext.BaseDirectory, "tau.dll");

    public static Result Run(params string[] args) => RunIn(null, null, args);

    /// <summary>Runs tau in <paramref name="workingDirectory"/> with <paramref name="environment"/> added (e.g. SOFTHSM2_CONF).</summary>
    public static Result RunIn(IReadOnlyDictionary<string, string>? environment, string? workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        psi.ArgumentList.Add(TauDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("tau did not finish in 120 s: " + string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
