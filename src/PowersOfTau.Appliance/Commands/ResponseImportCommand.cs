using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau import response &lt;old.ptau&gt; &lt;response&gt; &lt;new.ptau&gt; [--name] [--nopoints]` (spec/ptau.md §9).</summary>
public static class ResponseImportCommand
{
    public static Command Create()
    {
        var oldPtau = new Argument<string>("old.ptau") { Description = "the .ptau the challenge was exported from" };
        var response = new Argument<string>("response");
        var newPtau = new Argument<string>("new.ptau");
        var name = SharedOptions.Name();
        var noPoints = new Option<bool>("--nopoints") { Description = "do not import the points (snarkjs --nopoints)" };
        var force = SharedOptions.Force();
        var quiet = SharedOptions.Quiet();
        var cmd = new Command("response", "Import a response into a new .ptau (snarkjs powersoftau import response).") { oldPtau, response, newPtau, name, noPoints, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            bool importPoints = !parse.GetValue(noPoints);
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                ResponseImport.Import(parse.GetValue(oldPtau)!, parse.GetValue(response)!, parse.GetValue(newPtau)!, parse.GetValue(name),
                    importPoints, overwrite: parse.GetValue(force), cancellationToken: cancellationToken, progress: new CeremonyProgressAdapter(progress)));
            Console.WriteLine(SnarkjsHashFormat.Format("Contribution Response Hash imported: ", result.ResponseHash));
            if (importPoints) Console.WriteLine(SnarkjsHashFormat.Format("Next Challenge Hash: ", result.NextChallenge));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
