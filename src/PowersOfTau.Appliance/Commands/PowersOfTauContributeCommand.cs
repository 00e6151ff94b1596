using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau powersoftau contribute &lt;in.ptau&gt; &lt;out.ptau&gt; [--name] [-e] [entropy/attestation options]`
/// (spec/ptau.md §6) through the <see cref="ContributionPipeline"/>.
/// </summary>
public static class PowersOfTauContributeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.ptau");
        var output = new Argument<string>("out.ptau");
        var options = new ContributionOptions();
        var cmd = new Command("contribute", "Contribute to a .ptau with hardware-mixed entropy and sign an attestation (snarkjs powersoftau contribute).") { input, output };
        options.AddTo(cmd);
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            string inPath = parse.GetValue(input)!, outPath = parse.GetValue(output)!;
            var pipeline = new ContributionPipeline(settings, Console.Out, Console.Error);
            pipeline.Run(new ContributionRequest(inPath, outPath, () => CurrentChallenge(inPath), (digest, context, token) =>
            {
                var result = PowersOfTauContribute.Apply(inPath, outPath, digest, context.Name, settings.Force, token,
                    new CeremonyProgressAdapter(context.Progress));
                return Outcome(inPath, outPath, result);
            }), cancellationToken);
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>The challenge a contribution to <paramref name="ptauPath"/> answers (what snarkjs's contribute binds to).</summary>
    private static byte[] CurrentChallenge(string ptauPath)
    {
        using var ptau = PtauFile.Open(ptauPath);
        return ptau.Contributions.Count > 0 ? ptau.Contributions[^1].NextChallenge : PtauHashes.FirstChallenge(ptau.Header.Curve, ptau.Header.Power);
    }

    /// <summary>The attested facts, read back from the file just written (public data only).</summary>
    private static ContributionOutcome Outcome(string inPath, string outPath, PowersOfTauContribute.Result result)
    {
        using var written = PtauFile.Open(outPath);
        var last = written.Contributions[^1];
        return new ContributionOutcome(
            ChallengeHash: CurrentChallenge(inPath),
            ContributionHash: result.ResponseHash,
            PublicKey: [.. last.PublicKey.PointsInOrder().SelectMany(point => point)],
            Curve: written.Header.Curve.Name,
            Power: written.Header.Power,
            Index: (ulong)written.Contributions.Count,
            Kind: ContributionKind.Ptau,
            OutputPath: outPath,
            PrintedHashes: [new("Contribution Response Hash imported: ", result.ResponseHash), new("Next Challenge Hash: ", result.NextChallenge)]);
    }
}
