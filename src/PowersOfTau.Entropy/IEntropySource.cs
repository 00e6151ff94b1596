namespace PowersOfTau.Entropy;

/// <summary>
/// A source of entropy. Each draw fills its own <see cref="PowersOfTau.Secrets.SecretBuffer"/>. A source that
/// cannot deliver throws <see cref="EntropyException"/>: there is never a silent fallback to another source.
/// </summary>
public interface IEntropySource
{
    /// <summary>One of <see cref="EntropyKinds"/>.</summary>
    string Kind { get; }

    /// <summary>True for the operator's typed text, which is not mixed but appended as snarkjs does (spec/ptau.md §6).</summary>
    bool IsOperatorText => EntropyKinds.IsTypedText(Kind);

    /// <summary>Draws <paramref name="byteCount"/> bytes (operator text: up to that many typed bytes).</summary>
    /// <exception cref="EntropyException">The source failed.</exception>
    EntropySample Draw(int byteCount);
}
