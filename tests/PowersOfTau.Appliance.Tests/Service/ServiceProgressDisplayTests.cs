using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Appliance.Service;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// Progress as systemd STATUS and journal lines: rate-limited per section (STATUS every 2 s, a journal line every
/// 30 s and at a section's end), on a manual clock so the limits are checked exactly.
/// </summary>
public sealed class ServiceProgressDisplayTests
{
    private sealed class CapturingNotifier : ISystemdNotifier
    {
        public List<string> Messages { get; } = [];
        public bool IsEnabled => true;
        public void Notify(ServiceState state) => Messages.Add(state.ToString());
    }

    private sealed class CapturingLogger : ILogger<ServiceStatus>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;
        public void Advance(TimeSpan by) => _ticks += by.Ticks;
        public override long GetTimestamp() => _ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public void Status_every_two_seconds_journal_every_thirty_and_at_the_end_of_a_section()
    {
        var notifier = new CapturingNotifier();
        var logger = new CapturingLogger();
        var clock = new ManualClock();
        var display = new ServiceProgressDisplay(new ServiceStatus(notifier, logger), "x.zkey", clock);

        display.Run(progress =>
        {
            progress.Report(new OperationProgress("A", 0, 100));   // starts the section: nothing yet
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report(new OperationProgress("A", 10, 100));  // 1 s: too early
            clock.Advance(TimeSpan.FromSeconds(1.5));
            progress.Report(new OperationProgress("A", 20, 100));  // 2.5 s: STATUS only
            clock.Advance(TimeSpan.FromSeconds(28));
            progress.Report(new OperationProgress("A", 90, 100));  // 30.5 s: STATUS and journal
            clock.Advance(TimeSpan.FromSeconds(0.1));
            progress.Report(new OperationProgress("A", 100, 100)); // finished: STATUS and journal at once
            return 0;
        });

        Assert.Equal(3, notifier.Messages.Count);
        Assert.StartsWith("STATUS=contributing to x.zkey: A 20/100 points", notifier.Messages[0], StringComparison.Ordinal);
        Assert.StartsWith("STATUS=contributing to x.zkey: A 90/100 points", notifier.Messages[1], StringComparison.Ordinal);
        Assert.Equal("STATUS=contributing to x.zkey: A 100/100 points, ETA 00:00", notifier.Messages[2]);
        Assert.Equal(2, logger.Lines.Count);
        Assert.Contains("A 90/100", logger.Lines[0]);
        Assert.Contains("A 100/100", logger.Lines[1]);
    }

    [Fact]
    public void A_status_is_one_line_and_ready_carries_READY_1()
    {
        var notifier = new CapturingNotifier();
        var status = new ServiceStatus(notifier, new CapturingLogger());
        status.Set("two\nlines");
        status.Ready("ready: waiting");
        Assert.Equal(["STATUS=two lines", "READY=1\nSTATUS=ready: waiting"], notifier.Messages);
    }
}
