using System.Security.Cryptography;

namespace PowersOfTau.Attestation.Digests;

/// <summary>SHA-256 from .NET (FIPS 180-4).</summary>
internal sealed class Sha256Digest : IStreamingDigest
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    public int Length => 32;
    public void Update(ReadOnlySpan<byte> data) => _hash.AppendData(data);
    public void Finish(Span<byte> output) => _hash.GetHashAndReset(output);
    public void Dispose() => _hash.Dispose();
}
