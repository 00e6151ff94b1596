namespace PowersOfTau.Appliance.Progress;

/// <summary>--quiet: reports are dropped.</summary>
public sealed class SilentProgressDisplay : IProgressDisplay
{
    /// <inheritdoc/>
    public T Run<T>(Func<IProgress<OperationProgress>, T> work) => work(new Sink());

    private sealed class Sink : IProgress<OperationProgress>
    {
        public void Report(OperationProgress value) { }
    }
}
