using System.Globalization;
using PowersOfTau.Appliance.Progress;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// Progress of one job as systemd STATUS lines (at most one per <see cref="StatusInterval"/>) and journal lines
/// (at most one per <see cref="LogInterval"/>, and one when a section completes) (ARCHITECTURE.md §4).
/// </summary>
public sealed class ServiceProgressDisplay(ServiceStatus status, string jobName, TimeProvider? clock = null) : IProgressDisplay
{
    /// <summary>How often STATUS is updated.</summary>
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(2);

    /// <summary>How often a progress line goes to the journal.</summary>
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ServiceStatus _status = status;
    private readonly string _jobName = jobName;

    /// <inheritdoc/>
    public T Run<T>(Func<IProgress<OperationProgress>, T> work) => work(new Sink(this));

    private sealed class Sink(ServiceProgressDisplay display) : IProgress<OperationProgress>
    {
        private readonly Lock _lock = new();
        private string? _section;
        private ProgressRate _rate = new(display._clock);
        private long _lastStatus, _lastLog;

        public void Report(OperationProgress value)
        {
            lock (_lock)
            {
                var clock = display._clock;
                if (value.Section != _section)
                {
                    _section = value.Section;
                    _rate = new ProgressRate(clock);
                    _lastStatus = _lastLog = clock.GetTimestamp();
                }
                bool finished = value.Done >= value.Total;
                bool log = finished || clock.GetElapsedTime(_lastLog) >= LogInterval;
                if (!log && clock.GetElapsedTime(_lastStatus) < StatusInterval) return;
                _lastStatus = clock.GetTimestamp();
                string text = string.Create(CultureInfo.InvariantCulture,
                    $"contributing to {display._jobName}: {value.Section} {value.Done}/{value.Total} points, ETA {ProgressRate.Format(finished ? TimeSpan.Zero : _rate.Remaining(value.Done, value.Total))}");
                if (log)
                {
                    _lastLog = _lastStatus;
                    display._status.Set(text);
                }
                else
                {
                    display._status.SetQuietly(text);
                }
            }
        }
    }
}
