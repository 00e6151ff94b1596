using PowersOfTau.Ceremony.Progress;

namespace PowersOfTau.Appliance.Progress;

/// <summary>
/// The phase-1 operations' <see cref="CeremonyProgress"/> shown on an <see cref="OperationProgress"/> display,
/// synchronously (System.Progress&lt;T&gt; would post to the thread pool and reorder reports).
/// </summary>
public sealed class CeremonyProgressAdapter(IProgress<OperationProgress> display) : IProgress<CeremonyProgress>
{
    /// <inheritdoc/>
    public void Report(CeremonyProgress value) => display.Report(new OperationProgress(value.Stage, value.Done, value.Total));
}
