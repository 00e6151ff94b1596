using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Verification;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau verify &lt;file.ptau&gt;` (spec/ptau.md §8): exit 0 when the whole transcript checks, 1 when it does not.</summary>
public static class PowersOfTauVerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file.ptau");
        var quiet = SharedOptions.Quiet();
        var cmd = new Command("verify", "Verify every contribution of a .ptau file (snarkjs powersoftau verify).") { file, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                PtauVerifier.Verify(parse.GetValue(file)!, cancellationToken, new CeremonyProgressAdapter(progress)));
            foreach (var c in result.Contributions.Reverse())
            {
                Console.WriteLine("-----------------------------------------------------");
                Console.WriteLine($"Contribution #{c.Index}: {c.Name ?? ""}");
                Console.WriteLine(SnarkjsHashFormat.Format("Response Hash:", c.ResponseHash));
            }
            Console.WriteLine("Powers Of tau file OK!");
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
