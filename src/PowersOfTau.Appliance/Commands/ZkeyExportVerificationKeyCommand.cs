using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau zkey export verificationkey &lt;circuit.zkey&gt; [verification_key.json]` (snarkjs's JSON, byte for byte).</summary>
public static class ZkeyExportVerificationKeyCommand
{
    public static Command Create()
    {
        var zkey = new Argument<string>("circuit.zkey");
        var json = new Argument<string?>("verification_key.json") { Description = "output (default verification_key.json, as snarkjs)", Arity = ArgumentArity.ZeroOrOne };
        var force = SharedOptions.Force();
        var cmd = new Command("verificationkey", "Export the Groth16 verification key as JSON (snarkjs zkey export verificationkey).") { zkey, json, force };
        cmd.SetAction(parse =>
        {
            ZkeyExport.WriteVerificationKey(parse.GetValue(zkey)!, parse.GetValue(json) ?? "verification_key.json", parse.GetValue(force));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
