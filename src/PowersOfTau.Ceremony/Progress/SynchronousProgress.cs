namespace PowersOfTau.Ceremony.Progress;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its action on the reporting thread, in order (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronization context and may deliver late).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
