using System.CommandLine;
using PowersOfTau.Appliance.Attest;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Attestation.Show;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau attest verify &lt;file.cose&gt; [--root ROOT.pem ...] [--input F] [--output F] [--json]
/// [--allow-insecure-test-randomness] [--no-root] [--transcript F.ptau]`: exit 0 valid, 1 invalid, 2 unreadable (the verifier's verdict).
/// </summary>
public static class AttestVerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file.cose");
        var roots = new Option<string[]>("--root") { Description = "pinned trust root, PEM (repeatable; a file may hold several)" };
        var input = new Option<string?>("--input") { Description = "the file the contribution read; its digests must match" };
        var output = new Option<string?>("--output") { Description = "the file the contribution wrote; its digests must match" };
        var json = SharedOptions.Json();
        var allowInsecure = new Option<bool>("--allow-insecure-test-randomness") { Description = "accept attestations of test runs with a fixed seed" };
        var transcript = new Option<string?>("--transcript") { Description = "a .ptau that must hold the attested contribution (response hash recomputed, same public key)" };
        var noRoot = new Option<bool>("--no-root") { Description = "check signature and claims only: the signer is then NOT tied to any authority" };
        var cmd = new Command("verify", "Verify an attestation: signature, chain to a pinned root, claims against the files.") { file, roots, input, output, json, allowInsecure, noRoot, transcript };
        cmd.SetAction(parse =>
        {
            // Without a pinned root, "valid" would only mean "signed by some key": make the auditor say so explicitly.
            if ((parse.GetValue(roots) ?? []).Length == 0 && !parse.GetValue(noRoot))
                throw new UserFacingError(ExitCodes.BadInput, "attest verify needs --root ROOT.pem (the ceremony's trust root); pass --no-root to check only the signature and the claims");
            var options = new VerificationOptions
            {
                TrustedRoots = TrustedRoots.LoadPemFiles(parse.GetValue(roots) ?? []),
                InputPath = parse.GetValue(input),
                OutputPath = parse.GetValue(output),
                AcceptInsecureTestRandomness = parse.GetValue(allowInsecure),
            };
            var result = AttestationVerifier.VerifyFile(parse.GetValue(file)!, options);
            TextBlock.Write(Console.Out, parse.GetValue(json) ? AttestationRenderer.ToJson(result) : AttestationRenderer.ToText(result));
            if (parse.GetValue(transcript) is not { } transcriptPath || result.Attestation?.Claims is not { } claims) return result.ExitCode;
            var (holds, line) = TranscriptBinding.Check(claims, transcriptPath);
            // In JSON mode stdout stays one JSON document; the transcript verdict goes to stderr and the exit code.
            (parse.GetValue(json) ? Console.Error : Console.Out).WriteLine((holds ? "  ok   " : "  FAIL ") + line);
            return holds ? result.ExitCode : Math.Max(result.ExitCode, ExitCodes.VerificationFailed);
        });
        return cmd;
    }
}
