using System.Buffers;
using System.Security.Cryptography;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Entropy;
using PowersOfTau.Entropy.Mixing;
using PowersOfTau.Entropy.Sources;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Pins;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// One contribution, in the order that keeps secrets short-lived and failures cheap (ARCHITECTURE.md §1):
/// <list type="number">
/// <item>check the settings and the outputs (nothing opened yet);</item>
/// <item>process hardening (no core dumps, not ptrace-able; a warning when swap is on), the --airgapped check;</item>
/// <item>open the attestation key and its chain and check them, BEFORE any secret exists (a bad URI, PIN or chain fails here);</item>
/// <item>read the input's challenge hash;</item>
/// <item>collect entropy (os always, the configured sources, the operator's text) and mix it bound to the challenge hash;</item>
/// <item>derive the 64-byte snarkjs digest = BLAKE2b(seed ‖ typed text) and wipe the mixed entropy;</item>
/// <item>run the operation with the digest, then wipe the digest; check it answered the challenge read in step 4;</item>
/// <item>only then build the claims and sign &lt;out&gt;.cose; if that fails, the output is deleted, so no unattested output
/// is left where an attested one was asked for;</item>
/// <item>print the hashes and the attestation path.</item>
/// </list>
/// </summary>
public sealed class ContributionPipeline
{
    private const int SnarkjsDigestLength = 64;
    private readonly ContributionSettings _settings;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly NoEchoTerminal _terminal;
    private readonly IProgressDisplay _progress;
    private readonly Func<ECDsa, ECDsa>? _wrapKeyForTests;

    /// <param name="settings">The shared options.</param>
    /// <param name="stdout">Where the hash lines go.</param>
    /// <param name="stderr">Warnings.</param>
    /// <param name="terminal">The operator's terminal (default: stdin/stderr).</param>
    /// <param name="progress">The progress display (default: by --quiet and whether stderr is a terminal).</param>
    /// <param name="wrapKeyForTests">Tests only: wraps the token key to inject a signing failure.</param>
    public ContributionPipeline(ContributionSettings settings, TextWriter stdout, TextWriter stderr, NoEchoTerminal? terminal = null,
        IProgressDisplay? progress = null, Func<ECDsa, ECDsa>? wrapKeyForTests = null)
    {
        _settings = settings;
        _out = stdout;
        _err = stderr;
        _terminal = terminal ?? NoEchoTerminal.Standard;
        _progress = progress ?? ProgressDisplays.For(settings.Quiet, stderr);
        _wrapKeyForTests = wrapKeyForTests;
    }

    /// <summary>Runs the contribution; see the type summary for the order.</summary>
    /// <exception cref="UserFacingError">Bad settings, existing outputs, network up with --airgapped (exit 2).</exception>
    /// <exception cref="PowersOfTau.Tokens.Errors.TokenException">The attestation token failed (exit 3).</exception>
    /// <exception cref="EntropyException">An entropy source failed (exit 3).</exception>
    public ContributionResult Run(ContributionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sources = CheckSettings(request);
        string attestationPath = _settings.AttestationPathFor(request.OutputPath);

        if (_settings.UsesInsecureTestRandomness)
            _err.WriteLine("tau: WARNING: --insecure-test-randomness: a FIXED seed replaces all entropy. This contribution is WORTHLESS for a real ceremony and its attestation says so.");
        Harden();

        using var key = _settings.NoAttestation ? null : AttestationKey.Open(_settings.SignUri!, _settings.ChainFile, _wrapKeyForTests);
        string? name = _settings.Name ?? key?.DisplayName;

        byte[] challengeHash = request.ReadChallengeHash();
        if (challengeHash.Length != EntropyMixer.ChallengeHashLength)
            throw new InvalidOperationException($"the challenge hash must be {EntropyMixer.ChallengeHashLength} bytes, got {challengeHash.Length}");

        IReadOnlyList<EntropyReport> reports;
        ContributionOutcome outcome;
        SecretBuffer digest;
        MixedEntropy collected;
        using (ExitOnCancelWhileReadingTheTerminal(sources, cancellationToken))
            collected = CollectEntropy(sources, challengeHash);
        using (var mixed = collected)
        {
            digest = mixed.DeriveSnarkjsDigest();
            reports = mixed.Reports;
        }
        using (digest)
            outcome = _progress.Run(progress => request.Operation(digest, new ContributionContext(name, progress), cancellationToken));

        if (!outcome.ChallengeHash.AsSpan().SequenceEqual(challengeHash))
        {
            // The entropy was bound to one input and the operation answered another: the file changed underneath us.
            TryDelete(outcome.OutputPath);
            throw new UserFacingError(ExitCodes.BadInput,
                $"{request.InputPath}: the input changed during the contribution (its challenge hash is not the one read at the start); the output was removed, run again");
        }

        if (key is not null)
        {
            try
            {
                byte[] message = Sign(key, request, outcome, reports, name);
                AtomicFileWriter.Write(attestationPath, stream => stream.Write(message), _settings.Force, [request.InputPath, outcome.OutputPath]);
            }
            catch
            {
                // No unattested output where an attested one was asked for; with --force an older attestation there
                // describes an output that has just been replaced, so it goes too.
                TryDelete(outcome.OutputPath);
                if (_settings.Force) TryDelete(attestationPath);
                throw;
            }
        }

        if (!_settings.Quiet)
        {
            foreach (var hash in outcome.PrintedHashes) _out.WriteLine(SnarkjsHashFormat.Format(hash.Title, hash.Hash));
            if (key is not null)
            {
                _out.WriteLine($"Attestation: {attestationPath}");
                _out.WriteLine($"Attestation SHA-256: {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(attestationPath)))}");
            }
        }
        return new ContributionResult(outcome, key is null ? null : attestationPath, reports);
    }

    /// <summary>Everything that can be checked without opening a device; returns the entropy sources to draw from.</summary>
    private List<IEntropySource> CheckSettings(ContributionRequest request)
    {
        if (_settings.NoAttestation && _settings.SignUri is not null)
            throw new UserFacingError(ExitCodes.BadInput, "--no-attestation is only for when no attestation key is configured; remove --sign (or the config's sign) or drop --no-attestation");
        if (!_settings.NoAttestation && _settings.SignUri is null)
            throw new UserFacingError(ExitCodes.BadInput, "no attestation key: give --sign <PKCS#11 URI> (or --no-attestation to contribute without an attestation)");
        // The same checks the atomic writer makes later (output = input, existing output), before any device is opened.
        AtomicFileWriter.CheckTarget(request.OutputPath, _settings.Force, [request.InputPath]);
        if (!_settings.Force)
        {
            string attestation = _settings.AttestationPathFor(request.OutputPath);
            if (!_settings.NoAttestation && File.Exists(attestation))
                throw new UserFacingError(ExitCodes.BadInput, $"{attestation}: the attestation file exists; choose a new name or pass --force to replace it");
        }
        if (_settings.InsecureTestRandomnessHex is { } hex && (hex.Length != 2 * EntropyMixer.SeedLength || !hex.All(char.IsAsciiHexDigit)))
            throw new UserFacingError(ExitCodes.BadInput, $"--insecure-test-randomness needs exactly {2 * EntropyMixer.SeedLength} hex digits");

        var sources = _settings.EntropySources.Select(spec => EntropySourceSpec.Parse(spec, _terminal)).ToList();
        if (sources.Any(s => s.Kind == EntropyKinds.Beacon))
            throw new UserFacingError(ExitCodes.BadInput, "a beacon is public randomness: use the beacon verbs, not --entropy-source beacon:");
        bool operatorConfigured = sources.Any(s => s.IsOperatorText);
        if (_settings.EntropyText is not null)
        {
            if (operatorConfigured)
                throw new UserFacingError(ExitCodes.BadInput, "-e TEXT and --entropy-source operator both give typed text; use one");
            sources.Add(new CommandLineTextEntropySource(_settings.EntropyText));
        }
        else if (!operatorConfigured && _terminal.IsTerminal)
        {
            sources.Add(new OperatorEntropySource(_terminal)); // the default when a person is at the terminal
        }
        return sources;
    }

    /// <summary>
    /// A read from the terminal cannot be interrupted, so Ctrl+C at the operator prompt would wait for the whole
    /// termination timeout. Nothing has been written yet and the terminal's echo is restored by its own signal
    /// handler, so the process may simply exit (the kernel reclaims the locked secret pages).
    /// </summary>
    private IDisposable? ExitOnCancelWhileReadingTheTerminal(List<IEntropySource> sources, CancellationToken cancellationToken)
    {
        if (!sources.Any(s => s.Kind == EntropyKinds.Operator)) return null;
        return cancellationToken.Register(() =>
        {
            _err.WriteLine();
            _err.WriteLine("tau: cancelled");
            Environment.Exit(ExitCodes.Cancelled);
        });
    }

    private void Harden()
    {
        var report = ProcessHardening.Apply();
        if (report.SwapActive)
            _err.WriteLine($"tau: warning: swap is on ({report.SwapTotalKiB} KiB); secrets are locked in RAM, but turn swap off on a ceremony machine (swapoff -a)");
        if (_settings.Airgapped && NetworkIsolation.NonLoopbackInterfacesUp() is { Count: > 0 } up)
            throw new UserFacingError(ExitCodes.BadInput, $"--airgapped: network interface(s) {string.Join(", ", up)} are up; take them down (ip link set DEV down) or unplug them first");
    }

    private MixedEntropy CollectEntropy(List<IEntropySource> sources, byte[] challengeHash)
    {
        if (_settings.InsecureTestRandomnessHex is not { } hex)
            return EntropyCollector.Collect(sources, challengeHash);

        // The fixed seed replaces the mixer output; only the typed text (if any) is still drawn.
        var typedSource = sources.FirstOrDefault(s => s.IsOperatorText);
        using var typed = typedSource?.Draw(EntropyCollector.DefaultMaxOperatorBytes);
        using var seed = new SecretBuffer(EntropyMixer.SeedLength);
        if (Convert.FromHexString(hex, seed.Reveal(), out _, out int written) != OperationStatus.Done || written != EntropyMixer.SeedLength)
            throw new UserFacingError(ExitCodes.BadInput, $"--insecure-test-randomness needs exactly {2 * EntropyMixer.SeedLength} hex digits");
        return MixedEntropy.FromInsecureTestSeed(seed.Reveal(), typed);
    }

    private byte[] Sign(AttestationKey key, ContributionRequest request, ContributionOutcome outcome, IReadOnlyList<EntropyReport> reports, string? name)
    {
        var output = ContentDigester.ComputeFile(outcome.OutputPath);
        var claims = new ContributionClaims
        {
            Ceremony = new CeremonyClaims(_settings.CeremonyId, outcome.Kind, outcome.Curve, outcome.Index, outcome.Power is int p ? (ulong)p : null, outcome.R1cs),
            Input = ContentDigester.ComputeFile(request.InputPath),
            Output = output,
            ContributionHash = outcome.ContributionHash,
            PublicKey = outcome.PublicKey,
            Entropy = [.. reports.Select(r => new EntropySourceClaim(r.Kind, r.Device, (ulong)r.Bytes, r.Hardware))],
            Signer = key.Identity,
            InsecureTestRandomness = _settings.UsesInsecureTestRandomness,
        };
        string issuer = _settings.Contributor ?? "urn:powersoftau:contributor:" + Uri.EscapeDataString(name ?? key.DisplayName);
        string subject = "ni:///sha-256;" + Base64Url(output.Sha256);
        return key.Signer.Sign(claims, new CwtHeaderClaims(issuer, subject, DateTimeOffset.UtcNow, RandomNumberGenerator.GetBytes(16)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _err.WriteLine($"tau: could not delete the unattested output {path}: {e.Message}; delete it by hand");
        }
    }
}
