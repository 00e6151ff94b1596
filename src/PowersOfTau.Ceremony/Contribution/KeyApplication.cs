using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Contribution;

/// <summary>
/// The streaming part of contribute/beacon (spec/ptau.md §5-6): every point of sections 2..6 times its key
/// factor, written LEM; the response hasher absorbs challenge ‖ C(new points) (its state is the partialHash),
/// then U(public key) (→ responseHash); nextChallenge = H(responseHash ‖ U(new points)) is computed by reading
/// the written sections back, as snarkjs does.
/// </summary>
internal static class KeyApplication
{
    private const int ChunkPoints = 1 << 10;

    /// <summary>
    /// Points per chunk when applying the key: snarkjs's own chunk, floor(2^20 / uncompressed point size) (powersoftau_contribute.js
    /// processSection; 16384 bn128 G1 … 5461 bls12381 G2). The response hasher must see the compressed points in exactly snarkjs's
    /// update calls: the exported partialHash holds the hasher's stale buffer bytes, which depend on the call boundaries.
    /// The same size keeps the batch multiplication efficient and memory bounded (about 1 MiB of points per buffer).
    /// </summary>
    internal static int SnarkjsChunkPoints(int uncompressedPointSize) => (1 << 20) / uncompressedPointSize;

    public static (PtauContribution Record, byte[] ResponseHash) ApplyToSections(PtauFile source, PtauFileWriter writer, Stream output,
        IContributionEngine engine, SecretBuffer secretKey, byte[] challenge, PtauPublicKey publicKey,
        ContributionType type, ContributionParams parameters, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
    {
        var curve = source.Header.Curve;
        int power = source.Header.Power;
        var responseHasher = new Blake2b();
        try
        {
            responseHasher.Update(challenge);
            var sectionStarts = new Dictionary<int, long>();
            var firstPoints = new Dictionary<int, (byte[] First, byte[]? Second)>();
            byte[] lemIn = new byte[1 << 20];
            byte[] lemOut = new byte[lemIn.Length];
            byte[] compressed = new byte[lemIn.Length / 2];
            foreach (int id in PtauSections.PointSectionIds)
            {
                var group = PtauSections.Group(id);
                int size = curve.PointSize(group), cSize = curve.CompressedPointSize(group);
                long count = PtauSections.PointCount(id, power);
                int chunkPoints = SnarkjsChunkPoints(size);
                writer.BeginPointSection(id);
                sectionStarts[id] = output.Position;
                for (long first = 0; first < count; first += chunkPoints)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int n = (int)Math.Min(chunkPoints, count - first);
                    source.ReadPoints(id, first, lemIn.AsSpan(0, n * size));
                    try
                    {
                        engine.ApplyKey(id, secretKey, lemIn.AsSpan(0, n * size), first, lemOut.AsSpan(0, n * size), compressed.AsSpan(0, n * cSize));
                    }
                    catch (PointDecodingException e)
                    {
                        throw CeremonyErrors.BadPoint(source.FileName, id, first, e);
                    }
                    output.Write(lemOut, 0, n * size);
                    responseHasher.Update(compressed.AsSpan(0, n * cSize));
                    progress?.Report(new CeremonyProgress($"applying key to {PtauSections.Name(id)}", first + n, count));
                    if (first == 0)
                        firstPoints[id] = (lemOut.AsSpan(0, size).ToArray(), n > 1 ? lemOut.AsSpan(size, size).ToArray() : null);
                }
                writer.EndPointSection();
            }

            var partialHash = new byte[PtauContribution.PartialHashSize];
            // snarkjs 0.7.6 keeps only t mod 2^32 (spec/ptau.md §4): byte-identical files; readers repair it.
            responseHasher.ExportPartialHash(partialHash, truncateCounterLikeSnarkjs076: true);
            var ownTranscoder = CryptoPointTranscoder.For(curve, checkSubgroup: false);   // our own output: no need to re-check
            responseHasher.Update(PtauHashes.UncompressedPublicKey(publicKey, ownTranscoder));
            var responseHash = new byte[PtauHashes.Size];
            responseHasher.Finish(responseHash);

            var nextChallenge = HashWrittenSections(responseHash, output, sectionStarts, power, ownTranscoder, cancellationToken, progress);
            var record = new PtauContribution
            {
                TauG1 = firstPoints[PtauSections.TauG1].Second!, TauG2 = firstPoints[PtauSections.TauG2].Second!,
                AlphaG1 = firstPoints[PtauSections.AlphaTauG1].First, BetaG1 = firstPoints[PtauSections.BetaTauG1].First,
                BetaG2 = firstPoints[PtauSections.BetaG2].First,
                PublicKey = publicKey, PartialHash = partialHash, NextChallenge = nextChallenge, Type = type, Params = parameters,
            };
            return (record, responseHash);
        }
        finally
        {
            responseHasher.Dispose();
        }
    }

    /// <summary>H(prefix ‖ U(sections 2..6 as written to <paramref name="output"/>)); restores the stream position.</summary>
    public static byte[] HashWrittenSections(byte[] prefix, Stream output, IReadOnlyDictionary<int, long> sectionStarts, int power,
        IPointTranscoder transcoder, CancellationToken cancellationToken, IProgress<CeremonyProgress>? progress = null)
    {
        var curve = transcoder.Curve;
        long end = output.Position;
        byte[] lem = new byte[ChunkPoints * curve.G2Size];
        byte[] uncompressed = new byte[lem.Length];
        var hasher = new Blake2b();
        try
        {
            hasher.Update(prefix);
            foreach (int id in PtauSections.PointSectionIds)
            {
                var group = PtauSections.Group(id);
                int size = curve.PointSize(group);
                long count = PtauSections.PointCount(id, power);
                output.Position = sectionStarts[id];
                for (long first = 0; first < count; first += ChunkPoints)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int bytes = (int)Math.Min(ChunkPoints, count - first) * size;
                    output.ReadExactly(lem, 0, bytes);
                    transcoder.LemToUncompressed(group, lem.AsSpan(0, bytes), uncompressed.AsSpan(0, bytes));
                    hasher.Update(uncompressed.AsSpan(0, bytes));
                    progress?.Report(new CeremonyProgress($"hashing {PtauSections.Name(id)}", Math.Min(first + ChunkPoints, count), count));
                }
            }
            var digest = new byte[PtauHashes.Size];
            hasher.Finish(digest);
            return digest;
        }
        finally
        {
            hasher.Dispose();
            output.Position = end;
        }
    }
}
