using System.CommandLine;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Commands;

namespace PowersOfTau.Appliance;

public static class Program
{
    public static int Main(string[] args)
    {
        ExitCodeRegistrations.RegisterAll();
        var root = BuildRootCommand();
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // Bad usage: one line, exit 2 (snarkjs-style verbs; `tau --help` shows the rest).
                Console.Error.WriteLine("tau: " + string.Join(" ", parsed.Errors.Select(e => e.Message).Reverse()) + " (see `tau --help`)");
                return ExitCodes.BadInput;
            }
            // Ctrl+C / SIGTERM cancel the operation's token; wait for it to stop and remove its temporary output
            // (System.CommandLine would otherwise exit after 2 s and leave <out>.tmp-* behind).
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, Console.Error);
        }
    }

    /// <summary>The verb tree (ARCHITECTURE.md §3); each verb lives in its own file under Commands/.</summary>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("tau: hardware-backed, attested Powers-of-Tau contributions (snarkjs 0.7.6 compatible).");
        root.Subcommands.Add(new Command("powersoftau", "Phase 1: Powers of Tau (snarkjs powersoftau verbs).")
        {
            PowersOfTauNewCommand.Create(),
            PowersOfTauContributeCommand.Create(),
            PowersOfTauBeaconCommand.Create(),
            PowersOfTauVerifyCommand.Create(),
            PowersOfTauTruncateCommand.Create(),
            new Command("prepare", "Prepare a .ptau file.") { PreparePhase2Command.Create() },
            new Command("export", "Export from a .ptau file.") { ChallengeExportCommand.Create() },
            new Command("challenge", "The offline (challenge/response) flow.") { ChallengeContributeCommand.Create() },
            new Command("import", "Import into a .ptau file.") { ResponseImportCommand.Create() },
        });
        root.Subcommands.Add(new Command("groth16", "Phase 2 setup.") { Groth16SetupCommand.Create() });
        root.Subcommands.Add(new Command("zkey", "Phase 2: Groth16 zkey contributions (snarkjs zkey verbs).")
        {
            ZkeyContributeCommand.Create(),
            ZkeyBeaconCommand.Create(),
            ZkeyVerifyCommand.Create(),
            new Command("export", "Export from a zkey.") { ZkeyExportVerificationKeyCommand.Create() },
        });
        root.Subcommands.Add(new Command("attest", "Attestations (COSE_Sign1).") { AttestVerifyCommand.Create(), AttestShowCommand.Create() });
        root.Subcommands.Add(new Command("tokens", "PKCS#11 tokens.") { TokensListCommand.Create() });
        root.Subcommands.Add(SelfCheckCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }
}
