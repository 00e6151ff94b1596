namespace PowersOfTau.Appliance.Progress;

/// <summary>Picks the display: none with --quiet, a Spectre bar when stderr is a terminal, plain lines otherwise.</summary>
public static class ProgressDisplays
{
    /// <summary>The display for this process's stderr.</summary>
    public static IProgressDisplay For(bool quiet, TextWriter stderr, bool? stderrIsTerminal = null)
    {
        if (quiet) return new SilentProgressDisplay();
        bool terminal = stderrIsTerminal ?? !Console.IsErrorRedirected;
        return terminal ? new TerminalProgressDisplay() : new PlainProgressDisplay(stderr, TimeSpan.FromSeconds(2));
    }
}
