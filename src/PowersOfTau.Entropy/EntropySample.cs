using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy;

/// <summary>Bytes drawn from one source, in their own secret memory, with the public report about them.</summary>
public sealed class EntropySample : IDisposable
{
    /// <summary>Takes ownership of <paramref name="bytes"/>.</summary>
    public EntropySample(EntropyReport report, SecretBuffer bytes)
    {
        Report = report;
        Bytes = bytes;
    }

    /// <summary>What the attestation may say about these bytes.</summary>
    public EntropyReport Report { get; }

    /// <summary>The secret bytes (disposed with the sample).</summary>
    public SecretBuffer Bytes { get; }

    /// <summary>Wipes the bytes.</summary>
    public void Dispose() => Bytes.Dispose();

    /// <summary>Never shows the bytes.</summary>
    public override string ToString() => Report.ToString();
}
