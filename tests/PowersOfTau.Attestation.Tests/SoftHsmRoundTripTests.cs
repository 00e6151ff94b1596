using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;
using PowersOfTau.Testing;
using PowersOfTau.Tokens.Native;
using PowersOfTau.Tokens.Signing;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Attestation.Tests;

/// <summary>
/// The real thing: the attestation key lives in a SoftHSM2 token and signs through PKCS#11 CKM_ECDSA
/// (Pkcs11ECDsa from the Tokens room); its certificate comes from the openssl TEST root CA of hsm/ca/mint.sh.
/// Our verifier and the independent Python one both accept the result, and both reject its tampered twin.
/// </summary>
public sealed class SoftHsmRoundTripTests : IClassFixture<SoftHsmRoundTripTests.SoftHsm>
{
    private readonly SoftHsm _hsm;

    public SoftHsmRoundTripTests(SoftHsm hsm) => _hsm = hsm;

    /// <summary>A private SoftHSM2 token (hsm/softhsm/setup.sh) with keys ec256/ec384 certified by hsm/ca/mint.sh.</summary>
    public sealed class SoftHsm : IDisposable
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("tau-attest-hsm-").FullName;
        public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

        public SoftHsm()
        {
            Import(Bash($"{Script("hsm/softhsm/setup.sh")} {Directory}/softhsm"));
            string exports = string.Join(" ", Env.Select(e => $"{e.Key}={e.Value}"));
            Import(Bash($"env {exports} {Script("hsm/ca/mint.sh")} {Directory}/ca"));
        }

        public string Uri(string key) =>
            $"pkcs11:token={Env["TAU_TEST_SOFTHSM_TOKEN"]};object={key}?module-path={Env["TAU_TEST_SOFTHSM_MODULE"]}&pin-source=file:{Env["TAU_TEST_SOFTHSM_PIN_FILE"]}";

        private void Import(string output)
        {
            foreach (string line in output.Split('\n'))
            {
                if (!line.StartsWith("export ", StringComparison.Ordinal)) continue;
                int eq = line.IndexOf('=', StringComparison.Ordinal);
                string name = line["export ".Length..eq], value = line[(eq + 1)..].Trim();
                Env[name] = value;
                NativeEnvironment.Set(name, value);   // SoftHSM reads SOFTHSM2_CONF with native getenv()
            }
        }

        private static string Script(string path) => Path.Combine(RepoPaths.Root, path);

        private static string Bash(string command)
        {
            var psi = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed ({p.ExitCode}): {stderr.Result}");
            return stdout;
        }

        public void Dispose()
        {
            try { Bash($"{Script("hsm/teardown.sh")} {Directory} --rm"); }
            catch (InvalidOperationException) { /* best effort */ }
        }
    }

    [Theory]
    [InlineData("ec256", -7)]
    [InlineData("ec384", -35)]
    public void A_softhsm_key_signs_an_attestation_that_both_verifiers_accept(string key, int alg)
    {
        using var token = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(_hsm.Uri(key)));
        using var leaf = X509Certificate2.CreateFromPem(File.ReadAllText(_hsm.Env[$"TAU_TEST_CERT_SOFTHSM_{key.ToUpperInvariant()}"]));
        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(_hsm.Env["TAU_TEST_CA_ROOT_PEM"]));
        using var sample = new SampleClaims();
        var claims = sample.Claims() with
        {
            Signer = new TokenIdentity(token.Device.Serial, "pkcs11", HwModel: token.Device.Model, HwVersion: token.Device.Firmware, Slot: Convert.ToHexStringLower(token.KeyId)),
        };
        var signer = new AttestationSigner(token, [leaf]);
        Assert.Equal(alg, signer.Algorithm);
        byte[] message = signer.Sign(claims, SampleClaims.Header(DateTimeOffset.UtcNow));

        var options = new VerificationOptions { TrustedRoots = [root], InputPath = sample.InputPath, OutputPath = sample.OutputPath };
        var ours = AttestationVerifier.Verify(message, options);
        Assert.True(ours.Outcome == VerificationOutcome.Valid, string.Join("\n", ours.Failures));
        Assert.Equal(token.Device.Serial, ours.Attestation!.Claims!.Signer.Serial);

        string file = Path.Combine(sample.Folder, key + ".cose");
        File.WriteAllBytes(file, message);
        var python = PythonVerifier.Run(file, _hsm.Env["TAU_TEST_CA_ROOT_PEM"], sample.InputPath, sample.OutputPath);
        Assert.True(python.Outcome == "valid", python.Raw);

        // Tampered twin: one bit of the token's signature.
        message[^1] ^= 0x01;
        File.WriteAllBytes(file, message);
        Assert.True(AttestationVerifier.Verify(message, options).Has(FailureReason.SignatureInvalid));
        Assert.Contains("SignatureInvalid", PythonVerifier.Run(file, _hsm.Env["TAU_TEST_CA_ROOT_PEM"]).Reasons);
    }

    [Fact]
    public void The_token_key_with_the_other_keys_certificate_is_refused_before_signing()
    {
        using var token = Pkcs11ECDsa.Open(Pkcs11Uri.Parse(_hsm.Uri("ec256")));
        using var p384Leaf = X509Certificate2.CreateFromPem(File.ReadAllText(_hsm.Env["TAU_TEST_CERT_SOFTHSM_EC384"]));
        Assert.Throws<AttestationSignerException>(() => new AttestationSigner(token, [p384Leaf]));
    }
}
