using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Transcript;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau powersoftau challenge contribute &lt;curve&gt; &lt;challenge&gt; &lt;response&gt; [-e] [options]` (spec/ptau.md §9):
/// the offline flow, through the <see cref="ContributionPipeline"/>.
/// </summary>
public static class ChallengeContributeCommand
{
    public static Command Create()
    {
        var curve = new Argument<string>("curve") { Description = "bn128 (bn254) or bls12381 (bls12-381)" };
        var challenge = new Argument<string>("challenge");
        var response = new Argument<string>("response");
        var options = new ContributionOptions();
        var cmd = new Command("contribute", "Answer a challenge file with a response (snarkjs powersoftau challenge contribute).") { curve, challenge, response };
        options.AddTo(cmd);
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            var c = CurveNames.Parse(parse.GetValue(curve)!);
            string inPath = parse.GetValue(challenge)!, outPath = parse.GetValue(response)!;
            var pipeline = new ContributionPipeline(settings, Console.Out, Console.Error);
            pipeline.Run(new ContributionRequest(inPath, outPath, () => ChallengeHash(c, inPath), (digest, context, token) =>
            {
                var result = ChallengeContribute.Apply(c, inPath, outPath, digest, settings.Force, token, new CeremonyProgressAdapter(context.Progress));
                using var written = TranscriptFile.Open(outPath, TranscriptFileKind.Response, c);
                byte[] claimedPrevious = written.LeadingHash.Length == 64 ? ClaimedPreviousResponse(c, inPath) : [];
                return new ContributionOutcome(
                    ChallengeHash: result.ChallengeHash,
                    ContributionHash: result.ResponseHash,
                    PublicKey: [.. written.ReadPublicKey().PointsInOrder().SelectMany(point => point)],
                    Curve: c.Name,
                    Power: written.Layout.Power,
                    Index: 0, // a challenge does not say its position in the ceremony
                    Kind: ContributionKind.Challenge,
                    OutputPath: outPath,
                    PrintedHashes:
                    [
                        new("Claimed Previous Response Hash: ", claimedPrevious),
                        new("Current Challenge Hash: ", result.ChallengeHash),
                        new("Contribution Response Hash: ", result.ResponseHash),
                    ]);
            }), cancellationToken);
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>H(challenge file): what the entropy is bound to and the response answers.</summary>
    private static byte[] ChallengeHash(Ceremony.Curves.CurveDescriptor curve, string path)
    {
        using var file = TranscriptFile.Open(path, TranscriptFileKind.Challenge, curve);
        using var whole = file.OpenWhole();
        return PtauHashes.HashStream(whole);
    }

    /// <summary>The previous response hash the challenge starts with.</summary>
    private static byte[] ClaimedPreviousResponse(Ceremony.Curves.CurveDescriptor curve, string path)
    {
        using var file = TranscriptFile.Open(path, TranscriptFileKind.Challenge, curve);
        return file.LeadingHash;
    }
}
