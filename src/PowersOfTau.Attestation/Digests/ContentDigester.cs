using System.Buffers;
using PowersOfTau.Attestation.Claims;

namespace PowersOfTau.Attestation.Digests;

/// <summary>Computes a file's <see cref="DigestSet"/> (SHA-256 and BLAKE2b-512) in one streaming pass.</summary>
public static class ContentDigester
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>True when BLAKE2b-512 is available, so <see cref="DigestSet.Blake2b512"/> gets filled.</summary>
    public static bool HasBlake2b512
    {
        get { using var d = DigestAlgorithms.Blake2b512(); return d is not null; }
    }

    /// <summary>Digests of everything from the stream's position to its end.</summary>
    public static DigestSet Compute(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var sha = DigestAlgorithms.Sha256();
        using var b2 = DigestAlgorithms.Blake2b512();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int n;
            while ((n = content.Read(buffer, 0, ChunkBytes)) > 0)
            {
                sha.Update(buffer.AsSpan(0, n));
                b2?.Update(buffer.AsSpan(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var shaOut = new byte[sha.Length];
        sha.Finish(shaOut);
        byte[]? b2Out = null;
        if (b2 is not null) { b2Out = new byte[b2.Length]; b2.Finish(b2Out); }
        return new DigestSet(shaOut, b2Out);
    }

    /// <summary>Digests of a whole file.</summary>
    public static DigestSet ComputeFile(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Compute(f);
    }

    /// <summary>Digests of bytes in memory.</summary>
    public static DigestSet Compute(ReadOnlySpan<byte> content)
    {
        using var sha = DigestAlgorithms.Sha256();
        using var b2 = DigestAlgorithms.Blake2b512();
        sha.Update(content);
        b2?.Update(content);
        var shaOut = new byte[sha.Length];
        sha.Finish(shaOut);
        byte[]? b2Out = null;
        if (b2 is not null) { b2Out = new byte[b2.Length]; b2.Finish(b2Out); }
        return new DigestSet(shaOut, b2Out);
    }
}
