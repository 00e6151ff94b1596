using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau zkey beacon &lt;in.zkey&gt; &lt;out.zkey&gt; &lt;beaconHashHex&gt; &lt;numIterationsExp&gt; [--name]` (spec/zkey.md).</summary>
public static class ZkeyBeaconCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("in.zkey");
        var output = new Argument<string>("out.zkey");
        var beacon = new Argument<string>("beaconHashHex");
        var iterations = new Argument<int>("numIterationsExp") { Description = "log2 of the hash iterations, 10..63" };
        var name = SharedOptions.Name();
        var force = SharedOptions.Force();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "no progress" };
        var cmd = new Command("beacon", "Apply a public random beacon to a zkey (snarkjs zkey beacon).") { input, output, beacon, iterations, name, force, quiet };
        cmd.SetAction(LongRunningAction.Of((parse, cancellationToken) =>
        {
            byte[] hash;
            try { hash = ZkeyBeacon.ParseBeaconHash(parse.GetValue(beacon)!); }
            catch (ArgumentException e) { throw new UserFacingError(ExitCodes.BadInput, "beaconHashHex: " + e.Message, e); }
            int exp = parse.GetValue(iterations);
            if (exp < PowersOfTauBeacon.MinIterationsExp || exp > PowersOfTauBeacon.MaxIterationsExp)
                throw new UserFacingError(ExitCodes.BadInput, $"numIterationsExp must be between {PowersOfTauBeacon.MinIterationsExp} and {PowersOfTauBeacon.MaxIterationsExp}");
            var result = ProgressDisplays.For(parse.GetValue(quiet), Console.Error).Run(progress =>
                ZkeyBeacon.Run(parse.GetValue(input)!, parse.GetValue(output)!, hash, exp, parse.GetValue(name), parse.GetValue(force),
                    new ZkeyProgressAdapter(progress), cancellationToken));
            Console.WriteLine(SnarkjsHashFormat.Format("Contribution Hash: ", result.ContributionHash));
            return ExitCodes.Success;
        }));
        return cmd;
    }
}
