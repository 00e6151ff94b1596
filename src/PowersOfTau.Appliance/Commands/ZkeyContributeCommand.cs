using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;

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
            pipeline.Run(new ContributionRequest(inPath, outPath, () => InputHash(inPath), (digest, context, token) =>
            {
                var result = ZkeyContribute.Run(inPath, outPath, digest, context.Name, settings.Force, new ZkeyProgressAdapter(context.Progress), token);
                return new ContributionOutcome(
                    ChallengeHash: InputHash(inPath),
                    ContributionHash: result.ContributionHash,
                    PublicKey: result.PublicKeyUncompressed,
                    Curve: result.Curve.Name,
                    Power: null,
                    Index: (ulong)result.Index,
                    Kind: ContributionKind.Zkey,
                    OutputPath: outPath,
                    PrintedHashes: [new("Circuit Hash: ", result.CsHash), new("Contribution Hash: ", result.ContributionHash)],
                    R1cs: r1csDigests);
            }), cancellationToken);
            return ExitCodes.Success;
        }));
        return cmd;
    }

    /// <summary>BLAKE2b-512 of the input zkey: what the entropy is bound to (a zkey has no challenge hash of its own).</summary>
    private static byte[] InputHash(string path)
    {
        using var stream = File.OpenRead(path);
        return PtauHashes.HashStream(stream);
    }
}
