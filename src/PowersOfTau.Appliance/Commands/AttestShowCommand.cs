using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Attestation.Show;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau attest show &lt;file.cose&gt; [--json]`: decode and print, without judging (use verify for that).</summary>
public static class AttestShowCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file.cose");
        var json = SharedOptions.Json();
        var cmd = new Command("show", "Decode an attestation and print its headers and claims (no verification).") { file, json };
        cmd.SetAction(parse =>
        {
            var decoded = AttestationReader.ReadFile(parse.GetValue(file)!);
            TextBlock.Write(Console.Out, parse.GetValue(json) ? AttestationRenderer.ToJson(decoded) : AttestationRenderer.ToText(decoded));
            return ExitCodes.Success;
        });
        return cmd;
    }
}
