using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>
/// `tau powersoftau beacon &lt;in.ptau&gt; &lt;out.ptau&gt; &lt;beaconHashHex&gt; &lt;numIterationsExp&gt; [--name]`
/// (spec/ptau.md §7): a public-randomness contribution; deterministic, nothing secret, so no entropy pipeline.
/// </summary>
public static class PowersOfTauBeaconCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.ptau");
        var output = new Argument<string>("out.ptau");
        var beacon = new Argument<string>("beaconHashHex") { Description = "the beacon value, hex (1..255 bytes)" };
        var iterations = new Argument<int>("numIterationsExp") { Description = $"log2 of the hash iterations, {PowersOfTauBeacon.MinIterationsExp}..{PowersOfTauBeacon.MaxIterationsExp}" };
        var name = SharedOptions.Name();
        var force = SharedOptions.Force();
        var quiet = SharedOptions.Quiet();
        var cmd = new Command("beacon", "Apply a public random beacon (snarkjs powersoftau beacon).") { input, output, beacon, iterations, name, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            string hex = parse.GetValue(beacon)!;
            if (hex.Length is 0 or > 510 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
                throw new UserFacingError(ExitCodes.BadInput, "beaconHashHex must be 1 to 255 bytes of hex (an even number of hex digits)");
            int exp = parse.GetValue(iterations);
            if (exp < PowersOfTauBeacon.MinIterationsExp || exp > PowersOfTauBeacon.MaxIterationsExp)
                throw new UserFacingError(ExitCodes.BadInput, $"numIterationsExp must be between {PowersOfTauBeacon.MinIterationsExp} and {PowersOfTauBeacon.MaxIterationsExp}");
            byte[] beaconHash = Convert.FromHexString(hex);
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                PowersOfTauBeacon.Apply(parse.GetValue(input)!, parse.GetValue(output)!, beaconHash, exp,
                    parse.GetValue(name), parse.GetValue(force), cancellationToken, new CeremonyProgressAdapter(progress)));
            Console.WriteLine(SnarkjsHashFormat.Format("Contribution Response Hash imported: ", result.ResponseHash));
            Console.WriteLine(SnarkjsHashFormat.Format("Next Challenge Hash: ", result.NextChallenge));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
