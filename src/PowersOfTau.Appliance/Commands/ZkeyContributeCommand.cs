using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau zkey contribute &lt;in.zkey&gt; &lt;out.zkey&gt; [--name] [-e] [--r1cs circuit.r1cs] [options]` (spec/zkey.md)
/// through the <see cref="ContributionPipeline"/>. An attested contribution names its circuit (--r1cs): the claims
/// carry the .r1cs digests.
/// </summary>
public static class ZkeyContributeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.zkey");
        var output = new Argument<string>("out.zkey");
        var r1cs = new Option<string?>("--r1cs") { Description = "the circuit's .r1cs (required with an attestation: its digests go into the claims)" };
        var options = new ContributionOptions();
        var cmd = new Command("contribute", "Contribute to a Groth16 zkey with hardware-mixed entropy and sign an attestation (snarkjs zkey contribute).") { input, output, r1cs };
        options.AddTo(cmd);
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            var settings = options.Read(parse);
            string inPath = parse.GetValue(input)!, outPath = parse.GetValue(output)!;
            string? r1csPath = parse.GetValue(r1cs);
            if (!settings.NoAttestation && r1csPath is null)
                throw new UserFacingError(ExitCodes.BadInput, "an attested zkey contribution names its circuit: add --r1cs circuit.r1cs (or --no-attestation)");
            DigestSet? r1csDigests = r1csPath is null ? null : ContentDigester.ComputeFile(r1csPath);
            var pipeline = new ContributionPipeline(settings, Console.Out, Console.Error);
            pipeline.Run(ContributionRequests.Zkey(inPath, outPath, r1csDigests, settings.Force), cancellationToken);
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
