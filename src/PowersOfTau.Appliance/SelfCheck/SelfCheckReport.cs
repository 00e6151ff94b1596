namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>One known-answer check.</summary>
public sealed record CheckResult(string Curve, string Check, bool Passed);

/// <summary>One headline timing (noisy on a shared machine; a sanity figure, not a benchmark).</summary>
public sealed record TimingResult(string Operation, string Curve, double Nanoseconds);

/// <summary>What `tau selfcheck` found.</summary>
public sealed record SelfCheckReport(IReadOnlyList<CheckResult> Checks, IReadOnlyList<TimingResult> Timings)
{
    /// <summary>True when every check passed.</summary>
    public bool AllPassed => Checks.All(c => c.Passed);
}
