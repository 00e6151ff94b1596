using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau zkey verify &lt;circuit.r1cs&gt; &lt;final.ptau&gt; &lt;circuit.zkey&gt;` (spec/zkey.md): exit 0 valid, 1 invalid, 2 unreadable.</summary>
public static class ZkeyVerifyCommand
{
    public static Command Create()
    {
        var r1cs = new Argument<string>("circuit.r1cs");
        var ptau = new Argument<string>("final.ptau");
        var zkey = new Argument<string>("circuit.zkey");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "no progress" };
        var cmd = new Command("verify", "Verify a zkey against its circuit and ptau (snarkjs zkey verify).") { r1cs, ptau, zkey, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                ZkeyVerify.Run(parse.GetValue(r1cs)!, parse.GetValue(ptau)!, parse.GetValue(zkey)!, new ZkeyProgressAdapter(progress), cancellationToken));
            Console.WriteLine(SnarkjsHashFormat.Format("Circuit Hash: ", result.CsHash));
            foreach (var c in result.Contributions.Reverse())
            {
                Console.WriteLine("-------------------------");
                Console.WriteLine(SnarkjsHashFormat.Format($"contribution #{c.Index} {c.Name ?? ""}:", c.ContributionHash));
            }
            Console.WriteLine("-------------------------");
            Console.WriteLine("ZKey Ok!");
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
