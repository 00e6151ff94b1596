using System.Diagnostics;
using PowersOfTau.Testing;
using PowersOfTau.Tokens.Native;

namespace PowersOfTau.Tokens.Testing;

/// <summary>
/// Real test tokens for the whole test run, provisioned through the hsm/ scripts in a temp directory:
/// SoftHSM2 token "tau-softhsm" (EC P-256 ec256/01, P-384 ec384/02, certificates from the TEST root CA),
/// a second SoftHSM2 token "tau-softhsm-2" (two keys both labelled "dup", an RSA key, a mismatched
/// certificate; nobody logs in to it except the wrong-PIN tests), and swtpm + tpm2-pkcs11 token "tau-tpm"
/// (EC P-256 ec256/01 with certificate). The variables the scripts print are put into the NATIVE process
/// environment before any module loads (tokens.md finding 2). Teardown stops swtpm and deletes the directory.
/// </summary>
public sealed class HardwareTokens : IDisposable
{
    public const string SecondSoftHsmToken = "tau-softhsm-2"; // a label with the first as prefix: pkcs11-tool matches labels by prefix, we must not

    public HardwareTokens()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tau-tokens-").FullName;
        var watch = Stopwatch.StartNew();
        Import(Run("hsm/softhsm/setup.sh", Path.Combine(Directory, "softhsm")));
        Run("hsm/softhsm/setup.sh", Path.Combine(Directory, "softhsm"), SecondSoftHsmToken);
        Import(Bash($"SWTPM_LOG_LEVEL=20 {Path.Combine(RepoPaths.Root, "hsm/tpm/setup.sh")} {Path.Combine(Directory, "tpm")}")); // log TPM commands
        Import(Run("hsm/ca/mint.sh", Path.Combine(Directory, "ca")));
        ProvisionSecondToken();
        ProvisioningTime = watch.Elapsed;
    }

    public string Directory { get; }
    public TimeSpan ProvisioningTime { get; }
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public string SoftHsmModule => Environment["TAU_TEST_SOFTHSM_MODULE"];
    public string SoftHsmToken => Environment["TAU_TEST_SOFTHSM_TOKEN"];
    public string SoftHsmSerial => Environment["TAU_TEST_SOFTHSM_SERIAL"];
    public string SoftHsmPinFile => Environment["TAU_TEST_SOFTHSM_PIN_FILE"];
    public string SoftHsmWrongPinFile => Environment["TAU_TEST_SOFTHSM_WRONG_PIN_FILE"];
    public string TpmModule => Environment["TAU_TEST_TPM_MODULE"];
    public string TpmToken => Environment["TAU_TEST_TPM_TOKEN"];
    public string TpmPinFile => Environment["TAU_TEST_TPM_PIN_FILE"];
    public string RootCaPem => Environment["TAU_TEST_CA_ROOT_PEM"];
    public string SwtpmLog => Environment["TAU_TEST_TPM_SWTPM_LOG"];

    /// <summary>
    /// The requested sizes of the TPM2_GetRandom commands (code 0x17B) swtpm logged after <paramref name="offset"/>
    /// bytes of its log (level 20 logs each command as hex lines: 80 01 | size | 00 00 01 7B | bytesRequested).
    /// </summary>
    public List<int> TpmGetRandomRequests(long offset)
    {
        using var stream = new FileStream(SwtpmLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        string text = new StreamReader(stream).ReadToEnd();
        return [.. System.Text.RegularExpressions.Regex.Matches(text, @"80 01 00 00 00 0C 00 00 01 7B ([0-9A-F]{2}) ([0-9A-F]{2})")
            .Select(m => Convert.ToInt32(m.Groups[1].Value + m.Groups[2].Value, 16))];
    }

    /// <summary>A URI for the main SoftHSM token with its module and PIN file.</summary>
    public string SoftHsmUri(string path = "") =>
        $"pkcs11:token={SoftHsmToken}{(path.Length > 0 ? ";" + path : "")}?module-path={SoftHsmModule}&pin-source=file:{SoftHsmPinFile}";

    /// <summary>A URI for the TPM token with its module and PIN file.</summary>
    public string TpmUri(string path = "") =>
        $"pkcs11:token={TpmToken}{(path.Length > 0 ? ";" + path : "")}?module-path={TpmModule}&pin-source=file:{TpmPinFile}";

    /// <summary>A URI for the second SoftHSM token with its module and PIN file.</summary>
    public string SecondUri(string path = "") =>
        $"pkcs11:token={SecondSoftHsmToken}{(path.Length > 0 ? ";" + path : "")}?module-path={SoftHsmModule}&pin-source=file:{SoftHsmPinFile}";

    private void ProvisionSecondToken()
    {
        // Two keys with the same label (ambiguous by object=), an RSA key (not EC), and a certificate whose
        // CKA_ID is that of a "dup" key but whose public key is the first token's ec256 key (mismatch).
        string p11 = $"pkcs11-tool --module {SoftHsmModule} --slot $(softhsm2-util --show-slots | awk '/^Slot [0-9]+$/{{s=$2}} /Label: *{SecondSoftHsmToken} *$/{{print s}}') --login --pin 123456";
        Bash($"""
            set -e
            if ! {p11} --list-objects --type privkey 2>/dev/null | grep -q 'label: *dup'; then
              {p11} --keypairgen --key-type EC:secp256r1 --label dup --id 0a >/dev/null
              {p11} --keypairgen --key-type EC:secp256r1 --label dup --id 0b >/dev/null
              {p11} --keypairgen --key-type rsa:1024 --label rsa --id 0c >/dev/null
              openssl x509 -in {Environment["TAU_TEST_CERT_SOFTHSM_EC256"]} -outform DER -out {Directory}/mismatch.der
              {p11} --write-object {Directory}/mismatch.der --type cert --id 0a --label cert-mismatch >/dev/null
            fi
            """);
    }

    private void Import(string output)
    {
        foreach (string line in output.Split('\n'))
        {
            if (!line.StartsWith("export ", StringComparison.Ordinal)) continue;
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            string name = line["export ".Length..eq], value = line[(eq + 1)..].Trim();
            Environment[name] = value;
            NativeEnvironment.Set(name, value);
        }
    }

    private static string Run(string script, params string[] args) =>
        Bash(string.Join(' ', new[] { Path.Combine(RepoPaths.Root, script) }.Concat(args)));

    internal static string Bash(string command)
    {
        var psi = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"'{command}' failed with exit code {p.ExitCode}: {stderr.Result}");
        return stdout;
    }

    public void Dispose()
    {
        try { Bash($"{Path.Combine(RepoPaths.Root, "hsm/teardown.sh")} {Directory} --rm"); }
        catch (InvalidOperationException) { /* best effort; the temp directory is all that is left */ }
    }
}

/// <summary>One collection, not parallel: each module is loaded once per process and swtpm serves one client at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HardwareCollection : ICollectionFixture<HardwareTokens>
{
    public const string Name = "hardware tokens";
}
