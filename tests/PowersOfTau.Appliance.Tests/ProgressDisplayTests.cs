using PowersOfTau.Appliance.Progress;

namespace PowersOfTau.Appliance.Tests;

/// <summary>The plain progress lines (logs, pipes) and the choice of display.</summary>
public class ProgressDisplayTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }

    [Fact]
    public void Plain_lines_show_points_rate_and_eta_at_most_once_per_interval_and_at_the_end_of_each_section()
    {
        var clock = new ManualClock();
        var output = new StringWriter();
        var display = new PlainProgressDisplay(output, TimeSpan.FromSeconds(2), clock);
        display.Run(progress =>
        {
            progress.Report(new OperationProgress("tauG1", 0, 100));
            clock.Advance(1);
            progress.Report(new OperationProgress("tauG1", 20, 100)); // within the interval: dropped
            clock.Advance(1.5);
            progress.Report(new OperationProgress("tauG1", 50, 100));
            clock.Advance(0.5);
            progress.Report(new OperationProgress("tauG1", 100, 100)); // the end of a section is always shown
            progress.Report(new OperationProgress("tauG2", 0, 10));
            return 0;
        });
        Assert.Equal(
            "tauG1: 50/100 points (20 points/s, ETA 00:02)\n" +
            "tauG1: 100/100 points (33 points/s, ETA 00:00)\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Quiet_shows_nothing_and_a_pipe_gets_plain_lines()
    {
        Assert.IsType<SilentProgressDisplay>(ProgressDisplays.For(quiet: true, TextWriter.Null, stderrIsTerminal: true));
        Assert.IsType<PlainProgressDisplay>(ProgressDisplays.For(quiet: false, TextWriter.Null, stderrIsTerminal: false));
        Assert.IsType<TerminalProgressDisplay>(ProgressDisplays.For(quiet: false, TextWriter.Null, stderrIsTerminal: true));
        Assert.Equal(7, new SilentProgressDisplay().Run(p => { p.Report(new OperationProgress("x", 1, 2)); return 7; }));
    }

    [Fact]
    public void Eta_is_unknown_before_any_progress()
    {
        var clock = new ManualClock();
        var rate = new ProgressRate(clock);
        Assert.Null(rate.Remaining(0, 10));
        clock.Advance(2);
        Assert.Equal(TimeSpan.FromSeconds(8), rate.Remaining(2, 10));
        Assert.Equal("?", ProgressRate.Format(null));
    }
}
