using System.Diagnostics;

namespace PowersOfTau.Appliance.Tests;

/// <summary>Runs the real `tau` executable (the built tau.dll next to the tests) as a child process.</summary>
internal static class TauProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string TauDll => Path.Combine(AppContext.BaseDirectory, "tau.dll");

    public static Result Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
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
