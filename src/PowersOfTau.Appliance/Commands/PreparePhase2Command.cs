using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau prepare phase2 &lt;in.ptau&gt; &lt;out.ptau&gt;` (spec/ptau.md §10): adds the Lagrange sections.</summary>
public static class PreparePhase2Command
{
    public static Command Create()
    {
        var input = new Argument<string>("in.ptau");
        var output = new Argument<string>("out.ptau");
        var force = SharedOptions.Force();
        var quiet = SharedOptions.Quiet();
        var cmd = new Command("phase2", "Compute the Lagrange sections for phase 2 (snarkjs powersoftau prepare phase2).") { input, output, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
            {
                PreparePhase2.Prepare(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(force), cancellationToken, new CeremonyProgressAdapter(progress));
                return 0;
            });
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
