using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Attestation.Digests;

/// <summary>Unkeyed BLAKE2b-512 (RFC 7693) from PowersOfTau.Crypto.Hashing; it hashes public files only.</summary>
internal sealed class Blake2b512Digest : IStreamingDigest
{
    private Blake2b _state = new();
    public int Length => Blake2b.MaxOutputLength;
    public void Update(ReadOnlySpan<byte> data) => _state.Update(data);
    public void Finish(Span<byte> output) => _state.Finish(output);
    public void Dispose() => _state.Wipe();
}
