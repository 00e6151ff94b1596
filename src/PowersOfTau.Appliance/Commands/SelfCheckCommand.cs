using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.SelfCheck;
using Spectre.Console;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau selfcheck`: known-answer checks of the curve core on this machine plus headline timings; exit 1 if a check fails.</summary>
public static class SelfCheckCommand
{
    public static Command Create()
    {
        var budget = new Option<int>("--budget-ms") { Description = "time spent on each timing, in milliseconds", DefaultValueFactory = _ => 200 };
        var cmd = new Command("selfcheck", "Run known-answer checks of the curve arithmetic and print headline timings.") { budget };
        cmd.SetAction(parse =>
        {
            var report = SelfCheckSuite.Run(TimeSpan.FromMilliseconds(Math.Max(1, parse.GetValue(budget))));
            Render(report);
            return report.AllPassed ? ExitCodes.Success : ExitCodes.VerificationFailed;
        });
        return cmd;
    }

    private static void Render(SelfCheckReport report)
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;
        var checks = new Table().Border(TableBorder.Rounded).Title("Known-answer checks");
        checks.AddColumn("Curve").AddColumn("Check").AddColumn("Result");
        foreach (var c in report.Checks)
            checks.AddRow(c.Curve, Markup.Escape(c.Check), c.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        AnsiConsole.Write(checks);

        var curves = report.Timings.Select(t => t.Curve).Distinct().ToList();
        var timings = new Table().Border(TableBorder.Rounded).Title("Timings (one core; noisy on a shared machine)");
        timings.AddColumn("Operation");
        foreach (var curve in curves) timings.AddColumn(new TableColumn(curve).RightAligned());
        foreach (var operation in report.Timings.Select(t => t.Operation).Distinct())
            timings.AddRow([operation, .. curves.Select(c => report.Timings.FirstOrDefault(t => t.Operation == operation && t.Curve == c) is { } t ? Timing.Format(t.Nanoseconds) : "")]);
        AnsiConsole.Write(timings);
        AnsiConsole.MarkupLine(report.AllPassed ? "[green]selfcheck: all checks passed[/]" : "[red]selfcheck: a check FAILED[/]");
    }
}
