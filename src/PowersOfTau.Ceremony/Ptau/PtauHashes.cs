using System.Buffers;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// The transcript hashes of spec/ptau.md §5 (all BLAKE2b-512). Points are hashed uncompressed, converted
/// from the file's LEM through an <see cref="IPointTranscoder"/>, streamed in chunks.
/// </summary>
public static class PtauHashes
{
    /// <summary>Digest size.</summary>
    public const int Size = 64;

    private const int ChunkPoints = 1 << 12;

    /// <summary>H0 = H("") (786a02f7…).</summary>
    public static byte[] Empty()
    {
        var digest = new byte[Size];
        Blake2b.Hash([], digest);
        return digest;
    }

    /// <summary>
    /// The first challenge of a ceremony of <paramref name="power"/>: H(H0 ‖ U(G1)×(2^(p+1)−1) ‖ U(G2)×2^p ‖
    /// U(G1)×2^p ‖ U(G1)×2^p ‖ U(G2)), i.e. the hash of the initial challenge file.
    /// </summary>
    public static byte[] FirstChallenge(CurveDescriptor curve, int power)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var hasher = new Blake2b();
        try
        {
            hasher.Update(Empty());
            foreach (int id in PtauSections.PointSectionIds)
            {
                var generator = curve.GeneratorUncompressed(PtauSections.Group(id));
                for (long i = PtauSections.PointCount(id, power); i > 0; i--) hasher.Update(generator);
            }
            var digest = new byte[Size];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            hasher.Dispose();
        }
    }

    /// <summary>
    /// responseHash of a stored contribution: resume its partialHash, absorb U(public key), finish
    /// (spec/ptau.md §4-5; what snarkjs prints as "Contribution Response Hash"). The hasher resumes with the
    /// byte count the transcript implies (64 + the compressed points of a power-<paramref name="ceremonyPower"/>
    /// ceremony), so a partialHash whose counter snarkjs 0.7.6 truncated to 32 bits (from 4 GiB of points on)
    /// still gives the true hash; any other counter is rejected.
    /// </summary>
    /// <exception cref="Crypto.Hashing.InvalidPartialHashException">The partialHash is impossible or does not match the ceremony size.</exception>
    public static byte[] ResponseHash(PtauContribution contribution, IPointTranscoder transcoder, int ceremonyPower)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        ArgumentNullException.ThrowIfNull(transcoder);
        var hasher = Blake2b.FromPartialHash(contribution.PartialHash, (ulong)ResponseHashedBytes(transcoder.Curve, ceremonyPower));
        try
        {
            hasher.Update(UncompressedPublicKey(contribution.PublicKey, transcoder));
            var digest = new byte[Size];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            hasher.Dispose();
        }
    }

    /// <summary>Bytes the response hasher absorbs before the public key: the 64-byte challenge hash and every point compressed.</summary>
    public static long ResponseHashedBytes(CurveDescriptor curve, int power)
    {
        long bytes = Size;
        foreach (int id in PtauSections.PointSectionIds) bytes += PtauSections.PointCount(id, power) * curve.CompressedPointSize(PtauSections.Group(id));
        return bytes;
    }

    /// <summary>The public key with each point converted from LEM to uncompressed (same order, same size).</summary>
    public static byte[] UncompressedPublicKey(PtauPublicKey lemKey, IPointTranscoder transcoder)
    {
        ArgumentNullException.ThrowIfNull(lemKey);
        var curve = transcoder.Curve;
        var lem = lemKey.ToBytes();
        var uncompressed = new byte[lem.Length];
        transcoder.LemToUncompressed(CurveGroup.G1, lem.AsSpan(0, 6 * curve.G1Size), uncompressed.AsSpan(0, 6 * curve.G1Size));
        transcoder.LemToUncompressed(CurveGroup.G2, lem.AsSpan(6 * curve.G1Size), uncompressed.AsSpan(6 * curve.G1Size));
        return uncompressed;
    }

    /// <summary>
    /// H(<paramref name="prefix"/> ‖ U(sections 2..6 of <paramref name="file"/>)) — every point decoded by the
    /// transcoder, so with <see cref="CryptoPointTranscoder"/> also checked on the curve and in the subgroup: the next challenge when the
    /// prefix is the last responseHash (spec/ptau.md §5), the challenge-file hash when it is the challenge's
    /// leading hash. Every uncompressed chunk is also passed to <paramref name="onChunk"/> (e.g. to write a
    /// challenge file from the same pass).
    /// </summary>
    /// <exception cref="CeremonyFormatException">A point is invalid (the message names the section and point).</exception>
    public static byte[] HashUncompressedPoints(ReadOnlySpan<byte> prefix, PtauFile file, IPointTranscoder transcoder,
        Action<int, ReadOnlySpan<byte>>? onChunk = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(transcoder);
        if (transcoder.Curve != file.Header.Curve) throw new ArgumentException("the transcoder is for another curve", nameof(transcoder));
        var curve = file.Header.Curve;
        int chunkBytes = ChunkPoints * curve.G2Size;
        byte[] lem = ArrayPool<byte>.Shared.Rent(chunkBytes);
        byte[] uncompressed = ArrayPool<byte>.Shared.Rent(chunkBytes);
        var hasher = new Blake2b();
        try
        {
            hasher.Update(prefix);
            foreach (int id in PtauSections.PointSectionIds)
            {
                var group = PtauSections.Group(id);
                int pointSize = curve.PointSize(group);
                long count = PtauSections.PointCount(id, file.Header.Power);
                for (long first = 0; first < count; first += ChunkPoints)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int bytes = (int)Math.Min(ChunkPoints, count - first) * pointSize;
                    file.ReadPoints(id, first, lem.AsSpan(0, bytes));
                    try
                    {
                        transcoder.LemToUncompressed(group, lem.AsSpan(0, bytes), uncompressed.AsSpan(0, bytes));
                    }
                    catch (FormatException e)
                    {
                        throw CeremonyErrors.BadPoint(file.FileName, id, first, e);
                    }
                    hasher.Update(uncompressed.AsSpan(0, bytes));
                    onChunk?.Invoke(id, uncompressed.AsSpan(0, bytes));
                }
            }
            var digest = new byte[Size];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            hasher.Dispose();
            ArrayPool<byte>.Shared.Return(lem);
            ArrayPool<byte>.Shared.Return(uncompressed);
        }
    }

    /// <summary>H(whole stream), read in 1 MiB chunks (challenge and response files are hashed whole).</summary>
    public static byte[] HashStream(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var hasher = new Blake2b();
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hasher.Update(buffer.AsSpan(0, read));
            }
            var digest = new byte[Size];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            hasher.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
