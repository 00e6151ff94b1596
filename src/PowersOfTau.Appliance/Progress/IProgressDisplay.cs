namespace PowersOfTau.Appliance.Progress;

/// <summary>
/// Shows the progress of a long operation while it runs: a live bar on a terminal, plain periodic lines
/// otherwise, nothing with --quiet. <see cref="Run{T}"/> hands the operation the sink to report to.
/// </summary>
public interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, showing what it reports.</summary>
    T Run<T>(Func<IProgress<OperationProgress>, T> work);
}
