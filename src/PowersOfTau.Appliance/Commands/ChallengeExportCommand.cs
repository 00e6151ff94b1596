using System.CommandLine;
using PowersOfTau.Appliance.Cli;
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
        var cmd = new Command("challenge", "Export the current challenge of a .ptau file (snarkjs powersoftau export challenge).") { input, output, force };
        cmd.SetAction(parse =>
        {
            var result = ChallengeExport.Export(parse.GetValue(input)!, parse.GetValue(output) ?? "challenge", overwrite: parse.GetValue(force));
            Console.WriteLine(SnarkjsHashFormat.Format("Last Response Hash: ", result.LastResponseHash));
            Console.WriteLine(SnarkjsHashFormat.Format("New Challenge Hash: ", result.ChallengeHash));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
