using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau truncate &lt;in.ptau&gt;` (spec/ptau.md §11): one smaller prepared file per power below the input's.</summary>
public static class PowersOfTauTruncateCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.ptau") { Description = "a file prepared for phase 2" };
        var force = SharedOptions.Force();
        var cmd = new Command("truncate", "Write <name>_01.ptau .. <name>_NN.ptau for every smaller power (snarkjs powersoftau truncate).") { input, force };
        cmd.SetAction(parse =>
        {
            foreach (string path in PtauTruncate.Truncate(parse.GetValue(input)!, overwrite: parse.GetValue(force)))
                Console.WriteLine(path);
            return ExitCodes.Success;
        });
        return cmd;
    }
}
