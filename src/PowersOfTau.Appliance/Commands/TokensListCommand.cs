using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Tokens.Inventory;
using Spectre.Console;

namespace PowersOfTau.Appliance.Commands;

/// <summary>`tau tokens list [--module PATH ...]`: which tokens, keys, certificates and RNGs are reachable.</summary>
public static class TokensListCommand
{
    public static Command Create()
    {
        var modules = new Option<string[]>("--module") { Description = "PKCS#11 module to load (repeatable; default: the known modules installed here)" };
        var cmd = new Command("list", "List PKCS#11 modules, their tokens, keys, certificates and RNGs.") { modules };
        cmd.SetAction(parse =>
        {
            string[] given = parse.GetValue(modules) ?? [];
            var paths = given.Length > 0 ? given : TokenInventory.DefaultModulePaths();
            if (paths.Count == 0)
                throw new UserFacingError(ExitCodes.DeviceFailed, "no PKCS#11 module found in the usual places; name one with --module PATH");
            var report = TokenInventory.List(paths);
            Render(report);
            return ExitCodes.Success;
        });
        return cmd;
    }

    private static void Render(InventoryReport report)
    {
        // Redirected output has no width; let rows run long rather than wrap paths letter by letter.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "Module", "Token", "Serial", "Model", "RNG", "Object", "Label", "Id", "Detail" })
            table.AddColumn(column);
        foreach (var row in report.Rows())
            table.AddRow(new[] { row.Module, row.Token, row.Serial, row.Model, row.Rng, row.Kind, row.Label, row.Id, row.Detail }.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
        foreach (var module in report.Modules)
            foreach (var token in module.Tokens)
                Console.WriteLine($"token '{token.Device.Label}': {token.Uri}");
    }
}
