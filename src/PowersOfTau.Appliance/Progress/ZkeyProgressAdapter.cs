using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Appliance.Progress;

/// <summary>
/// The phase-2 operations' <see cref="ZkeyProgress"/> shown on an <see cref="OperationProgress"/> display,
/// synchronously (System.Progress&lt;T&gt; would post to the thread pool and reorder reports).
/// </summary>
public sealed class ZkeyProgressAdapter(IProgress<OperationProgress> display) : IProgress<ZkeyProgress>
{
    /// <inheritdoc/>
    public void Report(ZkeyProgress value) => display.Report(new OperationProgress(value.Step, value.Done, value.Total));
}
