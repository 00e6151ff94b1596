using System.Globalization;

namespace PowersOfTau.Appliance.Progress;

/// <summary>
/// Progress as plain lines for logs and pipes: "tauG1: 4096/8191 points (12345 points/s, ETA 00:01)", at most
/// one per <c>interval</c> per section, plus one when a section completes.
/// </summary>
public sealed class PlainProgressDisplay(TextWriter output, TimeSpan interval, TimeProvider? clock = null) : IProgressDisplay
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly TextWriter _output = output;
    private readonly TimeSpan _interval = interval;

    /// <inheritdoc/>
    public T Run<T>(Func<IProgress<OperationProgress>, T> work) => work(new Sink(this));

    private sealed class Sink(PlainProgressDisplay display) : IProgress<OperationProgress>
    {
        private readonly Lock _lock = new();
        private string? _section;
        private ProgressRate _rate = new(display._clock);
        private long _lastPrinted;

        public void Report(OperationProgress value)
        {
            lock (_lock)
            {
                if (value.Section != _section)
                {
                    _section = value.Section;
                    _rate = new ProgressRate(display._clock);
                    _lastPrinted = display._clock.GetTimestamp();
                }
                bool finished = value.Done >= value.Total;
                if (!finished && display._clock.GetElapsedTime(_lastPrinted) < display._interval) return;
                _lastPrinted = display._clock.GetTimestamp();
                double rate = _rate.PointsPerSecond(value.Done);
                display._output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{value.Section}: {value.Done}/{value.Total} points ({rate:F0} points/s, ETA {ProgressRate.Format(finished ? TimeSpan.Zero : _rate.Remaining(value.Done, value.Total))})"));
            }
        }
    }
}
