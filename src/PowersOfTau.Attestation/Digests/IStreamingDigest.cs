namespace PowersOfTau.Attestation.Digests;

/// <summary>The one seam between the attestation and a hash implementation: feed bytes, then finish.</summary>
internal interface IStreamingDigest : IDisposable
{
    int Length { get; }
    void Update(ReadOnlySpan<byte> data);
    void Finish(Span<byte> output);
}
