using System.Diagnostics;
using System.Text.Json;
using PowersOfTau.Testing;

namespace PowersOfTau.Attestation.Tests.Support;

/// <summary>
/// Runs attestation/verify_cose.py, the library-free verifier on Debian's python3-cbor2 and python3-cryptography
/// (plus `openssl verify`), and returns its outcome and failure reasons.
/// </summary>
internal static class PythonVerifier
{
    public static string Script => Path.Combine(RepoPaths.Root, "attestation", "verify_cose.py");

    private static readonly Lazy<string> Interpreter = new(FindInterpreter);

    public sealed record Result(string Outcome, int ExitCode, IReadOnlyList<string> Reasons, string Raw);

    public static Result Run(string coseFile, string? root = null, string? input = null, string? output = null)
    {
        var psi = new ProcessStartInfo(Interpreter.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(coseFile);
        if (root is not null) { psi.ArgumentList.Add("--root"); psi.ArgumentList.Add(root); }
        if (input is not null) { psi.ArgumentList.Add("--input"); psi.ArgumentList.Add(input); }
        if (output is not null) { psi.ArgumentList.Add("--output"); psi.ArgumentList.Add(output); }
        psi.ArgumentList.Add("--json");
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (stderr.Length > 0 && !stdout.TrimStart().StartsWith('{'))
            throw new InvalidOperationException($"verify_cose.py failed (exit {p.ExitCode}): {stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var reasons = doc.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("reason").GetString()!).ToList();
        return new Result(doc.RootElement.GetProperty("outcome").GetString()!, p.ExitCode, reasons, stdout);
    }

    /// <summary>Runs a Python snippet with the same interpreter; returns its exit code and stdout.</summary>
    public static (int Code, string Output) RunCode(string code, params string[] args)
    {
        var psi = new ProcessStartInfo(Interpreter.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    /// <summary>The first python3 that imports cbor2 and cryptography: Debian's /usr/bin/python3 before a pyenv shim.</summary>
    private static string FindInterpreter()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate, ["-c", "import cbor2, cryptography"]) { RedirectStandardError = true, UseShellExecute = false };
                using var p = Process.Start(psi)!;
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { }
        }
        throw new InvalidOperationException("no python3 with cbor2 and cryptography: run `apt-get install -y python3-cbor2 python3-cryptography` (scripts/setup.sh does)");
    }
}
