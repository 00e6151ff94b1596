namespace PowersOfTau.Crypto.Hashing;

/// <summary>BLAKE2b-512 over streams (files), for public data such as the input/output hashes of the attestation.</summary>
public static class Blake2bStream
{
    /// <summary>
    /// Unkeyed BLAKE2b-512 of a whole stream read to its end in 1 MiB chunks, e.g. a file's hash for the
    /// attestation claims. For public data: the digest is returned as a heap array.
    /// </summary>
    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var hasher = new Blake2b();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, 1 << 20), cancellationToken).ConfigureAwait(false)) > 0)
                hasher.Update(chunk.AsSpan(0, read));
            var digest = new byte[Blake2b.MaxOutputLength];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
