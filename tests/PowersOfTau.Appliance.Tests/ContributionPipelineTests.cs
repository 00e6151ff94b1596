using System.Security.Cryptography;
using System.Text;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Verification;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// The contribution pipeline with real parts: the attestation key is SoftHSM2's ec256 with the certificate
/// hsm/ca/mint.sh issued, entropy comes from the OS, SoftHSM2's C_GenerateRandom and swtpm through tpm2-pkcs11,
/// and the operation writes a file derived from the digest it is given. The attestation is checked with the
/// Attestation room's verifier against the TEST root.
/// </summary>
[Collection(HardwareCollection.Name)]
public sealed class ContributionPipelineTests : IDisposable
{
    private readonly HardwareTokens _tokens;
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-pipeline-").FullName;
    private readonly string _input;
    private int _challengeReads, _operations;
    private string? _nameSeen;
    private byte[]? _digestSeen;
    private SecretBuffer? _digestBuffer;

    public ContributionPipelineTests(HardwareTokens tokens)
    {
        _tokens = tokens;
        ExitCodeRegistrations.RegisterAll();
        _input = Path.Combine(_dir, "in.ptau");
        File.WriteAllBytes(_input, RandomNumberGenerator.GetBytes(1000));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Output => Path.Combine(_dir, "out.ptau");

    private ContributionSettings Signed(params string[] entropySources) => new()
    {
        SignUri = _tokens.SoftHsmUri("object=ec256"),
        EntropySources = entropySources,
        EntropyText = "typed on the command line",
        CeremonyId = "test-ceremony",
        Quiet = true,
    };

    private string TpmSource => "tpm:" + _tokens.TpmUri();

    /// <summary>Writes SHA-512(digest) (a public function of the secret, for this test only) and reports it.</summary>
    private ContributionRequest Request(byte[]? contributionHash = null, bool changeInputDuringOperation = false) => new(_input, Output,
        () => { _challengeReads++; return SHA512.HashData(File.ReadAllBytes(_input)); },
        (digest, context, _) =>
        {
            _operations++;
            _nameSeen = context.Name;
            _digestSeen = digest.Reveal().ToArray();
            _digestBuffer = digest;
            if (changeInputDuringOperation) File.AppendAllText(_input, "changed");
            context.Progress.Report(new OperationProgress("tauG1", 1, 1));
            byte[] written = SHA512.HashData(digest.Reveal());
            File.WriteAllBytes(Output, written);
            return new ContributionOutcome(SHA512.HashData(File.ReadAllBytes(_input)), contributionHash ?? SHA512.HashData(written), [1, 2, 3, 4],
                "bn128", 4, 1, ContributionKind.Ptau, Output, [new("Contribution Response Hash imported: ", SHA512.HashData(written))]);
        });

    private ContributionPipeline Pipeline(ContributionSettings settings, TextWriter? stdout = null, Func<ECDsa, ECDsa>? wrapKey = null) =>
        new(settings, stdout ?? TextWriter.Null, TextWriter.Null, progress: new SilentProgressDisplay(), wrapKeyForTests: wrapKey);

    private VerificationResult Verify(string cose, bool acceptInsecure = false) => AttestationVerifier.VerifyFile(cose, new VerificationOptions
    {
        TrustedRoots = TrustedRoots.LoadPemFiles([_tokens.RootCaPem]),
        InputPath = _input,
        OutputPath = Output,
        AcceptInsecureTestRandomness = acceptInsecure,
    });

    [Fact]
    public void The_attestation_verifies_against_the_root_and_names_every_entropy_source_and_the_signer()
    {
        var result = Pipeline(Signed("os", _tokens.SoftHsmUri(), TpmSource)).Run(Request());

        Assert.Equal(Output + ".cose", result.AttestationPath);
        var verdict = Verify(result.AttestationPath!);
        Assert.True(verdict.Outcome == VerificationOutcome.Valid, string.Join("; ", verdict.Failures));
        var claims = verdict.Attestation!.Claims!;
        Assert.Equal(["os-getrandom", "pkcs11-rng", "tpm2-getrandom", "operator-command-line"], claims.Entropy.Select(e => e.Kind));
        Assert.Equal([64UL, 64UL, 64UL, (ulong)"typed on the command line".Length], claims.Entropy.Select(e => e.ByteCount));
        Assert.Equal(_tokens.SoftHsmSerial, claims.Signer.Serial);
        Assert.Equal("test-ceremony", claims.Ceremony.Id);
        Assert.False(claims.InsecureTestRandomness);
        Assert.Equal(1, _challengeReads);
        Assert.True(_digestBuffer!.IsDisposed); // the digest was wiped once the operation returned
        Assert.Contains("ec256", _nameSeen); // default name: the attestation key's
        Assert.Contains(_tokens.SoftHsmToken, _nameSeen);
        Assert.False(PowersOfTau.Secrets.ProcessHardening.IsDumpable); // hardening was applied before any secret
    }

    [Fact]
    public void A_changed_output_or_another_root_fails_verification()
    {
        var result = Pipeline(Signed("os")).Run(Request());
        byte[] bytes = File.ReadAllBytes(Output);
        bytes[0] ^= 1;
        File.WriteAllBytes(Output, bytes);
        var tampered = Verify(result.AttestationPath!);
        Assert.Equal(VerificationOutcome.Invalid, tampered.Outcome);
        Assert.True(tampered.Has(FailureReason.OutputDigestMismatch));

        var otherRoot = AttestationVerifier.VerifyFile(result.AttestationPath!, new VerificationOptions
        {
            TrustedRoots = TrustedRoots.LoadPemFiles([_tokens.Environment["TAU_TEST_CERT_SOFTHSM_EC384"]]),
        });
        Assert.True(otherRoot.Has(FailureReason.ChainUntrusted));
    }

    [Fact]
    public void Two_runs_on_the_same_input_give_different_digests()
    {
        Pipeline(Signed("os") with { Force = true }).Run(Request());
        byte[] first = _digestSeen!;
        Pipeline(Signed("os") with { Force = true }).Run(Request());
        Assert.NotEqual(first, _digestSeen);
    }

    [Fact]
    public void The_fixed_test_seed_gives_snarkjs_s_digest_and_the_attestation_says_insecure()
    {
        var settings = Signed() with { EntropyText = "deterministic entropy", InsecureTestRandomnessHex = ContributeVerbTests.FixedSeedHex };
        var result = Pipeline(settings).Run(Request());

        // Independent recipe: the Ceremony room's snarkjs getRandomRng, BLAKE2b(0x2a × 64 ‖ text).
        using var expected = PowersOfTauContribute.SnarkjsSeed(Enumerable.Repeat((byte)0x2a, 64).ToArray(), Encoding.UTF8.GetBytes("deterministic entropy"));
        Assert.Equal(expected.Reveal().ToArray(), _digestSeen);

        var refused = Verify(result.AttestationPath!);
        Assert.Equal(VerificationOutcome.Invalid, refused.Outcome);
        Assert.True(refused.Has(FailureReason.InsecureTestRandomness));
        var accepted = Verify(result.AttestationPath!, acceptInsecure: true);
        Assert.Equal(VerificationOutcome.Valid, accepted.Outcome);
        Assert.True(accepted.Attestation!.Claims!.InsecureTestRandomness);
        Assert.Equal(["insecure-test-seed", "operator-command-line"], accepted.Attestation.Claims.Entropy.Select(e => e.Kind));
    }

    public static TheoryData<string, string> BadKeys => new()
    {
        { "no such key", "object=nope" },
        { "wrong PIN", "wrong-pin" },
        { "no such token", "no-token" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void A_bad_signing_key_fails_with_exit_3_before_any_entropy_is_drawn(string _, string which)
    {
        string uri = which switch
        {
            "wrong-pin" => _tokens.SoftHsmUri("object=ec256").Replace(_tokens.SoftHsmPinFile, _tokens.SoftHsmWrongPinFile, StringComparison.Ordinal),
            "no-token" => _tokens.SoftHsmUri("object=ec256").Replace("token=" + _tokens.SoftHsmToken, "token=absent", StringComparison.Ordinal),
            _ => _tokens.SoftHsmUri(which),
        };
        long tpmLog = new FileInfo(_tokens.SwtpmLog).Length;
        var settings = Signed("os", TpmSource) with { SignUri = uri };

        var e = Assert.ThrowsAny<Exception>(() => Pipeline(settings).Run(Request()));

        Assert.Equal(3, ErrorReporter.ExitCodeOf(e));
        Assert.IsType<TokenException>(e);
        Assert.Equal(0, _challengeReads);
        Assert.Equal(0, _operations);
        Assert.Empty(_tokens.TpmGetRandomRequests(tpmLog)); // the TPM source was never asked
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_chain_that_is_not_the_key_s_fails_with_exit_3_before_any_entropy_is_drawn()
    {
        // The P-384 key's certificate after the P-256 key's: not its issuer, so the chain is refused.
        var settings = Signed("os") with { ChainFile = _tokens.Environment["TAU_TEST_CERT_SOFTHSM_EC384"] };
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(settings).Run(Request()));
        Assert.Equal(3, ErrorReporter.ExitCodeOf(e));
        Assert.Equal(0, _challengeReads);
    }

    [Fact]
    public void A_malformed_signing_uri_is_bad_usage()
    {
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os") with { SignUri = "pkcs11:token=x?pin-value=1234" }).Run(Request()));
        Assert.Equal(2, ErrorReporter.ExitCodeOf(e));
        Assert.Equal(0, _challengeReads);
    }

    [Fact]
    public void A_signing_failure_after_the_operation_removes_the_output()
    {
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os"), wrapKey: key => new FailingSignatureKey(key)).Run(Request()));
        Assert.Equal(3, ErrorReporter.ExitCodeOf(e));
        Assert.Equal(1, _operations); // the output had been written ...
        Assert.False(File.Exists(Output)); // ... and is gone, with no attestation beside it
        Assert.False(File.Exists(Output + ".cose"));
    }

    [Fact]
    public void Claims_the_signer_refuses_also_remove_the_output()
    {
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os")).Run(Request(contributionHash: new byte[32])));
        Assert.IsType<InvalidClaimsException>(e);
        Assert.Equal(2, ErrorReporter.ExitCodeOf(e));
        Assert.False(File.Exists(Output));
        Assert.False(File.Exists(Output + ".cose"));
    }

    [Fact]
    public void An_existing_attestation_is_refused_before_anything_is_opened_unless_forced()
    {
        File.WriteAllText(Output + ".cose", "old");
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os")).Run(Request()));
        Assert.Equal(2, ErrorReporter.ExitCodeOf(e));
        Assert.Equal(0, _challengeReads);
        Assert.Equal("old", File.ReadAllText(Output + ".cose"));

        var result = Pipeline(Signed("os") with { Force = true }).Run(Request());
        Assert.Equal(VerificationOutcome.Valid, Verify(result.AttestationPath!).Outcome);
    }

    [Fact]
    public void Without_quiet_it_prints_the_hashes_and_the_attestation_path()
    {
        var stdout = new StringWriter();
        Pipeline(Signed("os") with { Quiet = false }, stdout).Run(Request());
        string text = stdout.ToString();
        Assert.StartsWith("Contribution Response Hash imported: \n\t\t", text);
        Assert.Contains("Attestation: " + Output + ".cose", text);
        // The digest a coordinator compares (attest show / verify print the same MessageSha256).
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Output + ".cose")));
        Assert.Contains("Attestation SHA-256: " + sha, text);
        Assert.Equal(sha, Convert.ToHexStringLower(PowersOfTau.Attestation.Show.AttestationReader.ReadFile(Output + ".cose").MessageSha256));
    }

    [Fact]
    public async Task At_a_terminal_the_operator_is_asked_by_default_and_the_typed_text_ends_the_digest()
    {
        using var pty = new PowersOfTau.Tokens.Testing.Pty();
        var terminal = new PowersOfTau.Tokens.Pins.NoEchoTerminal(pty.Slave, pty.Slave);
        var settings = Signed() with { EntropyText = null, InsecureTestRandomnessHex = ContributeVerbTests.FixedSeedHex };
        var pipeline = new ContributionPipeline(settings, TextWriter.Null, TextWriter.Null, terminal, new SilentProgressDisplay());
        var running = Task.Run(() => pipeline.Run(Request()));
        pty.WaitForDisplay(shown => shown.Contains("then Enter", StringComparison.Ordinal));
        pty.WaitForEchoOff();
        pty.Type("deterministic entropy\n");
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        using var expected = PowersOfTauContribute.SnarkjsSeed(Enumerable.Repeat((byte)0x2a, 64).ToArray(), Encoding.UTF8.GetBytes("deterministic entropy"));
        Assert.Equal(expected.Reveal().ToArray(), _digestSeen);
        Assert.Contains(result.Entropy, r => r.Kind == "operator-keyboard" && r.Bytes == "deterministic entropy".Length);
        Assert.DoesNotContain("deterministic", pty.Displayed()); // no echo
    }

    [Fact]
    public void Typed_text_from_two_places_is_bad_usage()
    {
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("operator")).Run(Request()));
        Assert.Equal(2, ErrorReporter.ExitCodeOf(e));
        Assert.Equal(0, _challengeReads);
    }

    [Fact]
    public void The_attestation_goes_where_asked()
    {
        string custom = Path.Combine(_dir, "elsewhere.cose");
        var result = Pipeline(Signed("os") with { AttestationPath = custom }).Run(Request());
        Assert.Equal(custom, result.AttestationPath);
        Assert.Equal(VerificationOutcome.Valid, Verify(custom).Outcome);
        Assert.False(File.Exists(Output + ".cose"));
    }

    [Fact]
    public void An_input_that_changes_during_the_operation_removes_the_output()
    {
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os")).Run(Request(changeInputDuringOperation: true)));
        Assert.Equal(2, ErrorReporter.ExitCodeOf(e));
        Assert.Contains("changed during the contribution", e.Message);
        Assert.False(File.Exists(Output));
        Assert.False(File.Exists(Output + ".cose"));
    }

    [Fact]
    public void With_force_a_signing_failure_also_removes_the_stale_attestation_of_the_replaced_output()
    {
        File.WriteAllText(Output, "old output");
        File.WriteAllText(Output + ".cose", "old attestation");
        var e = Assert.ThrowsAny<Exception>(() => Pipeline(Signed("os") with { Force = true }, wrapKey: key => new FailingSignatureKey(key)).Run(Request()));
        Assert.Equal(3, ErrorReporter.ExitCodeOf(e));
        Assert.False(File.Exists(Output));
        Assert.False(File.Exists(Output + ".cose"));
    }

    /// <summary>A token key whose signing fails as a pulled token does; everything else is the real key's.</summary>
    private sealed class FailingSignatureKey : ECDsa
    {
        private readonly ECDsa _inner;

        public FailingSignatureKey(ECDsa inner)
        {
            _inner = inner;
            KeySizeValue = inner.KeySize;
            LegalKeySizesValue = [new KeySizes(inner.KeySize, inner.KeySize, 0)];
        }

        public override byte[] SignHash(byte[] hash) => throw new TokenException("token 'tau-softhsm': C_Sign(CKM_ECDSA) failed with CKR_DEVICE_REMOVED (simulated)");
        public override bool VerifyHash(byte[] hash, byte[] signature) => _inner.VerifyHash(hash, signature);
        public override ECParameters ExportParameters(bool includePrivateParameters) => _inner.ExportParameters(false);
        public override byte[] ExportSubjectPublicKeyInfo() => _inner.ExportSubjectPublicKeyInfo();
    }
}
