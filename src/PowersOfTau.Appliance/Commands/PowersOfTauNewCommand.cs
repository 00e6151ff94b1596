using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau powersoftau new &lt;curve&gt; &lt;power&gt; [out.ptau]` (spec/ptau.md §3): a ceremony file with no contribution.</summary>
public static class PowersOfTauNewCommand
{
    public static Command Create()
    {
        var curve = new Argument<string>("curve") { Description = "bn128 (bn254) or bls12381 (bls12-381)" };
        var power = new Argument<int>("power") { Description = "log2 of the number of powers, 1..28" };
        var output = new Argument<string?>("out.ptau") { Description = "output file (default powersOfTau<power>_0000.ptau, as snarkjs)", Arity = ArgumentArity.ZeroOrOne };
        var force = SharedOptions.Force();
        var cmd = new Command("new", "Start a new Powers of Tau ceremony file (snarkjs powersoftau new).") { curve, power, output, force };
        cmd.SetAction(parse =>
        {
            int p = parse.GetValue(power);
            if (p < PowersOfTauNew.MinPower || p > PowersOfTauNew.MaxPower)
                throw new UserFacingError(ExitCodes.BadInput, $"Power must be between {PowersOfTauNew.MinPower} and {PowersOfTauNew.MaxPower}");
            var c = CurveNames.Parse(parse.GetValue(curve)!);
            string path = parse.GetValue(output) ?? $"powersOfTau{p}_0000.ptau";
            PowersOfTauNew.Write(c, p, path, overwrite: parse.GetValue(force));
            Console.WriteLine(SnarkjsHashFormat.Format("First Contribution Hash:", PtauHashes.FirstChallenge(c, p)));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
