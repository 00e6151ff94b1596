using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau export challenge &lt;in.ptau&gt; [challenge]` (spec/ptau.md §9).</summary>
public static class ChallengeExportCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.ptau");
        var output = new Argument<string?>("challenge") { Description = "output file (default \"challenge\", as snarkjs)", Arity = ArgumentArity.ZeroOrOne };
        var force = SharedOptions.Force();
        var quiet = SharedOptions.Quiet();
        var cmd = new Command("challenge", "Export the current challenge of a .ptau file (snarkjs powersoftau export challenge).") { input, output, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                ChallengeExport.Export(parse.GetValue(input)!, parse.GetValue(output) ?? "challenge", overwrite: parse.GetValue(force),
                    cancellationToken: cancellationToken, progress: new CeremonyProgressAdapter(progress)));
            Console.WriteLine(SnarkjsHashFormat.Format("Last Response Hash: ", result.LastResponseHash));
            Console.WriteLine(SnarkjsHashFormat.Format("New Challenge Hash: ", result.ChallengeHash));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
