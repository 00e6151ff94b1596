using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau groth16 setup &lt;circuit.r1cs&gt; &lt;final.ptau&gt; &lt;circuit_0000.zkey&gt;` (spec/zkey.md): the initial zkey.</summary>
public static class Groth16SetupCommand
{
    public static Command Create()
    {
        var r1cs = new Argument<string>("circuit.r1cs");
        var ptau = new Argument<string>("final.ptau") { Description = "a .ptau prepared for phase 2" };
        var zkey = new Argument<string>("circuit_0000.zkey");
        var force = SharedOptions.Force();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "no progress" };
        var cmd = new Command("setup", "Create the initial zkey of a circuit (snarkjs groth16 setup).") { r1cs, ptau, zkey, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                Groth16Setup.Run(parse.GetValue(r1cs)!, parse.GetValue(ptau)!, parse.GetValue(zkey)!, parse.GetValue(force),
                    new ZkeyProgressAdapter(progress), cancellationToken));
            Console.WriteLine(SnarkjsHashFormat.Format("Circuit hash: ", result.CsHash));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
