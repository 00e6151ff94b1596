using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;

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
            pipeline.Run(ContributionRequests.Ptau(inPath, outPath, settings.Force), cancellationToken);
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
