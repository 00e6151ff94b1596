using System.CommandLine;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau selfcheck`: known-answer checks of the curve core on this machine plus headline timings.</summary>
public static class SelfCheckCommand
{
    public static Command Create()
    {
        var cmd = new Command("selfcheck", "Run known-answer checks of the curve arithmetic and print headline timings.");
        cmd.SetAction(_ =>
        {
            Console.WriteLine("selfcheck: curve core not linked yet");
            return 0;
        });
        return cmd;
    }
}
