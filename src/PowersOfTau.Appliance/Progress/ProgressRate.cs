namespace PowersOfTau.Appliance.Progress;

/// <summary>Points per second and the time left in one section, measured from the section's first report.</summary>
public sealed class ProgressRate(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly long _start = (clock ?? TimeProvider.System).GetTimestamp();

    /// <summary>Points per second so far (0 before any time has passed).</summary>
    public double PointsPerSecond(long done)
    {
        double seconds = _clock.GetElapsedTime(_start).TotalSeconds;
        return seconds > 0 ? done / seconds : 0;
    }

    /// <summary>Time left at the current rate, or null while the rate is unknown.</summary>
    public TimeSpan? Remaining(long done, long total)
    {
        double rate = PointsPerSecond(done);
        return rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - done) / rate) : null;
    }

    /// <summary>"12:34" or "1:02:03"; "?" when unknown.</summary>
    public static string Format(TimeSpan? t) => t is not { } v ? "?" : v.TotalHours >= 1 ? v.ToString(@"h\:mm\:ss") : v.ToString(@"mm\:ss");
}
