using System.Diagnostics;

namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>Headline timings: repeat an operation until a time budget is spent (a fraction of a second), report the mean.</summary>
public static class Timing
{
    /// <summary>
    /// Mean nanoseconds per operation, where one call of <paramref name="batch"/> performs <paramref name="operationsPerCall"/>
    /// operations; as many calls as fit in <paramref name="budget"/> (at least 2, after one warm-up call).
    /// </summary>
    public static double NanosecondsPerOperation(TimeSpan budget, Action batch, int operationsPerCall = 1)
    {
        batch(); // JIT and caches
        long calls = 0;
        var watch = Stopwatch.StartNew();
        while (calls < 2 || watch.Elapsed < budget)
        {
            batch();
            calls++;
        }
        return watch.Elapsed.TotalNanoseconds / (calls * (double)operationsPerCall);
    }

    /// <summary>"123 ns", "45.6 µs", "7.89 ms".</summary>
    public static string Format(double ns) =>
        ns < 1_000 ? $"{ns:F0} ns" : ns < 1_000_000 ? $"{ns / 1_000:F1} µs" : $"{ns / 1_000_000:F2} ms";
}
