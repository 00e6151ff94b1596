using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Attestation.Show;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;
using PowersOfTau.Testing;

namespace PowersOfTau.Attestation.Tests;

/// <summary>
/// The EXAMPLE attestations in attestation/examples (test CA, software keys, placeholder files): they verify, the
/// tampered one does not, their .json/.txt are what <c>tau attest show</c> renders from the .cose, and the Python
/// verifier agrees. Regenerate with <c>TAU_WRITE_ATTESTATION_EXAMPLES=1 dotnet test --filter ExampleTests</c>.
/// </summary>
public sealed class ExampleTests
{
    private static string Folder => Path.Combine(RepoPaths.Root, "attestation", "examples");
    private static string Root => Path.Combine(Folder, "example-root-ca.pem");
    private static string Input => Path.Combine(Folder, "files", "example-input.ptau");
    private static string Output => Path.Combine(Folder, "files", "example-output.ptau");
    private static string R1cs => Path.Combine(Folder, "files", "example-circuit.r1cs");

    private static readonly string[] Valid = ["es256-root-leaf", "es384-root-intermediate-leaf"];
    private const string Tampered = "es256-tampered-signature";

    private static readonly Lazy<bool> Generated = new(() =>
    {
        if (Environment.GetEnvironmentVariable("TAU_WRITE_ATTESTATION_EXAMPLES") != "1") return false;
        Generate();
        return true;
    });

    public ExampleTests() => _ = Generated.Value;

    [Fact]
    public void The_example_attestations_verify_against_the_example_root_and_files()
    {
        using var root = X509Certificate2.CreateFromPem(File.ReadAllText(Root));
        foreach (string name in Valid)
        {
            var result = AttestationVerifier.VerifyFile(Path.Combine(Folder, name + ".cose"), new VerificationOptions
            {
                TrustedRoots = [root], InputPath = Input, OutputPath = Output,
            });
            Assert.True(result.Outcome == VerificationOutcome.Valid, name + ": " + string.Join("; ", result.Failures));
            Assert.Empty(result.Skipped);
        }
        var tampered = AttestationVerifier.VerifyFile(Path.Combine(Folder, Tampered + ".cose"), new VerificationOptions { TrustedRoots = [root] });
        Assert.Equal([FailureReason.SignatureInvalid], tampered.Failures.Select(f => f.Reason));
    }

    [Fact]
    public void The_decoded_forms_next_to_the_examples_are_what_show_renders()
    {
        foreach (string name in Valid.Append(Tampered))
        {
            var decoded = AttestationReader.ReadFile(Path.Combine(Folder, name + ".cose"));
            Assert.Equal(File.ReadAllText(Path.Combine(Folder, name + ".json")), AttestationRenderer.ToJson(decoded));
            Assert.Equal(File.ReadAllText(Path.Combine(Folder, name + ".txt")), AttestationRenderer.ToText(decoded));
        }
    }

    [Fact]
    public void The_python_verifier_accepts_the_examples_and_rejects_the_tampered_one()
    {
        foreach (string name in Valid)
        {
            var r = PythonVerifier.Run(Path.Combine(Folder, name + ".cose"), Root, Input, Output);
            Assert.True(r.Outcome == "valid", r.Raw);
        }
        Assert.Equal(["SignatureInvalid"], PythonVerifier.Run(Path.Combine(Folder, Tampered + ".cose"), Root).Reasons);
    }

    [Fact]
    public void The_openssl_and_coreutils_script_accepts_the_examples_and_rejects_the_tampered_one()
    {
        foreach (string name in Valid)
        {
            var (code, output) = Bash("verify_with_openssl.sh", name + ".cose", Root, Input, Output);
            Assert.True(code == 0, output);
            Assert.Contains("ok   output: b2sum", output, StringComparison.Ordinal);   // coreutils BLAKE2b-512 agrees with ours
        }
        var (tamperedCode, tamperedOutput) = Bash("verify_with_openssl.sh", Tampered + ".cose", Root);
        Assert.Equal(1, tamperedCode);
        Assert.Contains("FAIL signature does not verify", tamperedOutput, StringComparison.Ordinal);
    }

    private static (int Code, string Output) Bash(string script, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        psi.ArgumentList.Add(Path.Combine(RepoPaths.Root, "attestation", script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Writes a fresh example set: a P-384 root, a P-256 leaf under it, and a P-384 leaf under a P-256 intermediate.</summary>
    private static void Generate()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "files"));
        // Placeholder bytes, not real transcripts: the examples show the format, not a ceremony.
        File.WriteAllBytes(Input, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 + 3)).ToArray());
        File.WriteAllBytes(Output, Enumerable.Range(0, 4096).Select(i => (byte)(i * 11 + 5)).ToArray());
        File.WriteAllBytes(R1cs, Enumerable.Range(0, 1024).Select(i => (byte)(i * 13 + 1)).ToArray());

        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var root = TestPki.CreateCa("CN=EXAMPLE ceremony root CA (TEST ONLY), O=PowersOfTau examples", rootKey, null, null, HashAlgorithmName.SHA384);
        File.WriteAllText(Root, TestPki.ToPem(root));

        var at = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        using var leaf256Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf256 = TestPki.CreateLeaf("CN=EXAMPLE software token key (TEST ONLY), SERIALNUMBER=EX-0001, O=PowersOfTau examples", leaf256Key, root, rootKey, TestPki.NotAfter);
        var ptau = ExampleClaims(ContributionKind.Ptau, "EX-0001");
        var header = new CwtHeaderClaims("mailto:alice@example.org", "tag:coordinator.example,2026:example-ceremony/contribution/3", at);
        byte[] es256 = new AttestationSigner(leaf256Key, [leaf256]).Sign(ptau, header);
        Write("es256-root-leaf", es256);

        using var interKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var inter = TestPki.CreateCa("CN=EXAMPLE token intermediate CA (TEST ONLY), O=PowersOfTau examples", interKey, root, rootKey, HashAlgorithmName.SHA384);
        using var leaf384Key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var leaf384 = TestPki.CreateLeaf("CN=EXAMPLE software token key (TEST ONLY), SERIALNUMBER=EX-0002, O=PowersOfTau examples", leaf384Key, inter, interKey, TestPki.NotAfter);
        var zkey = ExampleClaims(ContributionKind.Zkey, "EX-0002") with { };
        zkey = zkey with { Ceremony = zkey.Ceremony with { Power = null, R1cs = ContentDigester.ComputeFile(R1cs) } };
        byte[] es384 = new AttestationSigner(leaf384Key, [leaf384, inter]).Sign(zkey, header with { Subject = "tag:coordinator.example,2026:example-circuit/contribution/2", Cti = Enumerable.Range(0, 16).Select(i => (byte)(0xC0 + i)).ToArray() });
        Write("es384-root-intermediate-leaf", es384);

        byte[] tampered = (byte[])es256.Clone();
        tampered[^7] ^= 0x01;
        Write(Tampered, tampered);
    }

    private static ContributionClaims ExampleClaims(ContributionKind kind, string serial) => new()
    {
        Ceremony = new CeremonyClaims("example-ceremony", kind, kind == ContributionKind.Zkey ? CeremonyCurve.Bls12381 : CeremonyCurve.Bn128, kind == ContributionKind.Zkey ? 2UL : 3UL, Power: 12),
        Input = ContentDigester.ComputeFile(Input),
        Output = ContentDigester.ComputeFile(Output),
        ContributionHash = SHA512.HashData("EXAMPLE contribution hash placeholder"u8),
        PublicKey = Enumerable.Range(0, kind == ContributionKind.Zkey ? 96 * 3 : 64 * 6).Select(i => (byte)(i * 5 + 1)).ToArray(),
        Entropy =
        [
            new EntropySourceClaim("os-getrandom", null, 64, false),
            new EntropySourceClaim("pkcs11-rng", "SoftHSM token 'tau-entropy' serial 7e3a1c (EXAMPLE)", 64, true),
            new EntropySourceClaim("operator-keyboard", null, 0, false),
        ],
        Signer = new TokenIdentity(serial, "software", HwModel: "EXAMPLE software key", HwVersion: "0.0", Slot: "none"),
        Software = new SoftwareIdentity("powersoftau", "0.1.0"),
        Ueid = [0x01, .. SHA256.HashData("EXAMPLE appliance"u8)[..16]],
    };

    private static void Write(string name, byte[] message)
    {
        File.WriteAllBytes(Path.Combine(Folder, name + ".cose"), message);
        var decoded = AttestationReader.Read(message);
        File.WriteAllText(Path.Combine(Folder, name + ".json"), AttestationRenderer.ToJson(decoded));
        File.WriteAllText(Path.Combine(Folder, name + ".txt"), AttestationRenderer.ToText(decoded));
    }
}
