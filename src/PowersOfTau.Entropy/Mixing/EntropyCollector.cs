using PowersOfTau.Entropy.Sources;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Entropy.Mixing;

/// <summary>
/// Draws from every configured source and mixes: the os source is always drawn (first, added when missing),
/// each other source in the order given, the operator's text is kept apart (spec/ptau.md §6). If any source
/// fails, everything drawn so far is wiped and the failure propagates: never a silent fallback.
/// </summary>
public static class EntropyCollector
{
    /// <summary>Bytes drawn from each non-operator source.</summary>
    public const int DefaultBytesPerSource = 64;

    /// <summary>Longest operator text accepted, in bytes.</summary>
    public const int DefaultMaxOperatorBytes = 1024;

    /// <summary>Collects and mixes; see the type summary.</summary>
    /// <exception cref="EntropyException">A source failed (exit code 3).</exception>
    /// <exception cref="ArgumentException">A beacon among secret sources, two operator sources, or a bad challenge hash.</exception>
    public static MixedEntropy Collect(IReadOnlyList<IEntropySource> sources, ReadOnlySpan<byte> challengeHash,
        int bytesPerSource = DefaultBytesPerSource, int maxOperatorBytes = DefaultMaxOperatorBytes)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (challengeHash.Length != EntropyMixer.ChallengeHashLength)
            throw new ArgumentException($"the challenge hash must be {EntropyMixer.ChallengeHashLength} bytes", nameof(challengeHash));
        if (sources.Any(s => s.Kind == EntropyKinds.Beacon))
            throw new ArgumentException("a beacon is public: it belongs to the beacon verbs, not to a contribution's secret entropy", nameof(sources));
        if (sources.Count(s => s.IsOperatorText) > 1)
            throw new ArgumentException("only one typed-text source (operator or -e TEXT) can be configured", nameof(sources));

        var ordered = new List<IEntropySource>();
        ordered.Add(sources.FirstOrDefault(s => s.Kind == EntropyKinds.Os) ?? new OsEntropySource());
        ordered.AddRange(sources.Where(s => s.Kind != EntropyKinds.Os));

        var mixed = new List<EntropySample>();
        var reports = new List<EntropyReport>();
        EntropySample? typed = null;
        try
        {
            foreach (var source in ordered)
            {
                EntropySample sample;
                try
                {
                    sample = source.IsOperatorText ? source.Draw(maxOperatorBytes) : source.Draw(bytesPerSource);
                }
                catch (TokenException e)
                {
                    throw new EntropyException($"{source.Kind} entropy: {e.Message}", e);
                }
                if (source.IsOperatorText) typed = sample;
                else mixed.Add(sample);
                reports.Add(sample.Report);
            }
            var seed = EntropyMixer.Mix(challengeHash, mixed);
            var text = typed is null ? new SecretBuffer(0) : SecretBuffer.CopyOf(typed.Bytes.Reveal());
            return new MixedEntropy(seed, text, reports);
        }
        finally
        {
            foreach (var s in mixed) s.Dispose();
            typed?.Dispose();
        }
    }
}
