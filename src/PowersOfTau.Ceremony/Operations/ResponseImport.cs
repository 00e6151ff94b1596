using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Transcript;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau import response &lt;old.ptau&gt; &lt;response&gt; &lt;new.ptau&gt; [-n name] [--nopoints]</c>
/// (spec/ptau.md §9), as snarkjs 0.7.6 does it, byte for byte: checks the response answers the current
/// challenge, decompresses its points into sections 2..6, and appends a normal contribution carrying the
/// name, the response's public key, the partialHash after the compressed points and
/// nextChallenge = H(responseHash ‖ U(points)). Deterministic.
/// </summary>
/// <remarks>
/// snarkjs quirks kept: the new header has ceremonyPower = power; when the previous contribution carries
/// the --nopoints marker (nextChallenge = 64 × 0xFF) the response's leading hash is adopted and written into
/// that previous record; with <c>importPoints = false</c> sections 2..6 are not written, 2 sections are
/// declared and nextChallenge is the marker. With the default <see cref="CryptoPointTranscoder"/> every point
/// is checked on the curve and in the subgroup (snarkjs checks neither).
/// </remarks>
public static class ResponseImport
{
    /// <summary>What was imported.</summary>
    /// <param name="ResponseHash">H(response file), snarkjs's "Contribution Response Hash imported".</param>
    /// <param name="NextChallenge">The new contribution's nextChallenge (64 × 0xFF without points).</param>
    public sealed record Result(byte[] ResponseHash, byte[] NextChallenge);

    private const int ChunkPoints = 1 << 12;

    /// <summary>Imports <paramref name="responsePath"/> on top of <paramref name="oldPtauPath"/> into <paramref name="newPtauPath"/>, atomically.</summary>
    /// <param name="oldPtauPath">The .ptau the challenge was exported from.</param>
    /// <param name="responsePath">The response file.</param>
    /// <param name="newPtauPath">The .ptau to write.</param>
    /// <param name="name">Contribution name (cut to 64 UTF-16 code units; omitted when empty).</param>
    /// <param name="importPoints">False for snarkjs's --nopoints.</param>
    /// <param name="transcoder">Point codecs; defaults to <see cref="CryptoPointTranscoder"/> (all checks).</param>
    /// <param name="overwrite">Replace an existing output.</param>
    /// <param name="cancellationToken">Stops the import; the partial output is removed.</param>
    /// <param name="progress">Receives per-chunk progress.</param>
    /// <exception cref="CeremonyFormatException">An input is unreadable, the response has the wrong size, answers another
    /// challenge, or holds an invalid point.</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is an input, or the disk is full.</exception>
    public static Result Import(string oldPtauPath, string responsePath, string newPtauPath, string? name,
        bool importPoints = true, IPointTranscoder? transcoder = null, bool overwrite = false,
        CancellationToken cancellationToken = default, IProgress<CeremonyProgress>? progress = null)
    {
        using var old = PtauFile.Open(oldPtauPath);
        var curve = old.Header.Curve;
        int power = old.Header.Power;
        transcoder ??= CryptoPointTranscoder.For(curve);
        using var response = TranscriptFile.Open(responsePath, TranscriptFileKind.Response, curve, power);

        var contributions = old.Contributions.ToList();
        byte[] noPointsMarker = NoPointsMarker();
        byte[] lastChallenge = contributions.Count > 0 ? contributions[^1].NextChallenge : PtauHashes.FirstChallenge(curve, power);
        if (lastChallenge.AsSpan().SequenceEqual(noPointsMarker))
        {
            lastChallenge = response.LeadingHash;
            contributions[^1] = WithNextChallenge(contributions[^1], lastChallenge);
        }
        if (!response.LeadingHash.AsSpan().SequenceEqual(lastChallenge))
            throw CeremonyErrors.ResponseForAnotherChallenge(response.FileName, old.FileName, response.LeadingHash, lastChallenge);

        Result? result = null;
        AtomicFileWriter.Write(newPtauPath, stream =>
        {
            var writer = new PtauFileWriter(stream, new PtauHeader(curve, power), importPoints ? 7u : 2u);
            var contribution = ImportPoints(response, writer, stream, transcoder, importPoints, name, cancellationToken, progress);
            contributions.Add(contribution.Record);
            writer.WriteContributions(contributions);
            writer.Complete();
            result = new Result(contribution.ResponseHash, contribution.Record.NextChallenge);
        }, overwrite, [oldPtauPath, responsePath]);
        return result!;
    }

    private static byte[] NoPointsMarker()
    {
        var marker = new byte[PtauHashes.Size];
        marker.AsSpan().Fill(0xFF);
        return marker;
    }

    private static PtauContribution WithNextChallenge(PtauContribution c, byte[] nextChallenge) => new()
    {
        TauG1 = c.TauG1, TauG2 = c.TauG2, AlphaG1 = c.AlphaG1, BetaG1 = c.BetaG1, BetaG2 = c.BetaG2,
        PublicKey = c.PublicKey, PartialHash = c.PartialHash, NextChallenge = nextChallenge, Type = c.Type, Params = c.Params,
    };

    private static (PtauContribution Record, byte[] ResponseHash) ImportPoints(TranscriptFile response, PtauFileWriter writer,
        Stream output, IPointTranscoder transcoder, bool importPoints, string? name, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
    {
        var curve = response.Layout.Curve;
        var responseHasher = new Blake2b();
        try
        {
            // 1. H(challengeHash ‖ C(points) ...: hash the compressed bytes as they are, decompress into the output.
            responseHasher.Update(response.LeadingHash);
            var singular = new Dictionary<int, byte[]>();
            var sectionStarts = new Dictionary<int, long>();
            byte[] compressed = new byte[ChunkPoints * curve.G2CompressedSize];
            byte[] lem = new byte[ChunkPoints * curve.G2Size];
            foreach (int id in PtauSections.PointSectionIds)
            {
                var group = PtauSections.Group(id);
                int cSize = curve.CompressedPointSize(group), size = curve.PointSize(group);
                long count = PtauSections.PointCount(id, response.Layout.Power);
                // The contribution record keeps τ·G (point 1 of tauG1/tauG2) and α·G, β·G, β·G2 (point 0).
                int singularIndex = id is PtauSections.TauG1 or PtauSections.TauG2 ? 1 : 0;
                if (importPoints)
                {
                    writer.BeginPointSection(id);
                    sectionStarts[id] = output.Position;
                }
                for (long first = 0; first < count; first += ChunkPoints)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int n = (int)Math.Min(ChunkPoints, count - first);
                    var chunk = compressed.AsSpan(0, n * cSize);
                    response.ReadPoints(id, first, chunk);
                    responseHasher.Update(chunk);
                    if (importPoints)
                    {
                        Decompress(response.FileName, transcoder, group, id, first, chunk, lem.AsSpan(0, n * size));
                        output.Write(lem, 0, n * size);
                    }
                    progress?.Report(new CeremonyProgress($"importing {PtauSections.Name(id)}", first + n, count));
                    if (singularIndex >= first && singularIndex < first + n)
                    {
                        var point = new byte[size];
                        int offset = (int)(singularIndex - first) * cSize;
                        Decompress(response.FileName, transcoder, group, id, singularIndex, chunk.Slice(offset, cSize), point);
                        singular[id] = point;
                    }
                }
                if (importPoints) writer.EndPointSection();
            }

            // 2. partialHash = the state here; then ‖ U(public key) gives the response hash.
            var partialHash = new byte[PtauContribution.PartialHashSize];
            // snarkjs 0.7.6 keeps only t mod 2^32 (spec/ptau.md §4): byte-identical files; readers repair it.
            responseHasher.ExportPartialHash(partialHash, truncateCounterLikeSnarkjs076: true);
            var uncompressedKey = new byte[PtauPublicKey.ByteSize(curve)];
            using (var whole = response.OpenWhole())
            {
                whole.Position = response.Layout.PublicKeyOffset;
                whole.ReadExactly(uncompressedKey);
            }
            responseHasher.Update(uncompressedKey);
            var responseHash = new byte[PtauHashes.Size];
            responseHasher.Finish(responseHash);
            var key = ToLemKey(response.FileName, uncompressedKey, transcoder);

            // 3. nextChallenge = H(responseHash ‖ U(new points)), read back from the output as snarkjs does.
            byte[] nextChallenge = importPoints
                ? HashWrittenPoints(responseHash, output, sectionStarts, response.Layout.Power, transcoder, cancellationToken)
                : NoPointsMarker();

            var record = new PtauContribution
            {
                TauG1 = singular[PtauSections.TauG1], TauG2 = singular[PtauSections.TauG2],
                AlphaG1 = singular[PtauSections.AlphaTauG1], BetaG1 = singular[PtauSections.BetaTauG1],
                BetaG2 = singular[PtauSections.BetaG2],
                PublicKey = key, PartialHash = partialHash, NextChallenge = nextChallenge,
                Type = ContributionType.Normal, Params = ContributionParams.ForContribution(name),
            };
            return (record, responseHash);
        }
        finally
        {
            responseHasher.Dispose();
        }
    }

    private static byte[] HashWrittenPoints(byte[] responseHash, Stream output, Dictionary<int, long> sectionStarts, int power,
        IPointTranscoder transcoder, CancellationToken cancellationToken)
    {
        var curve = transcoder.Curve;
        long end = output.Position;
        byte[] lem = new byte[ChunkPoints * curve.G2Size];
        byte[] uncompressed = new byte[lem.Length];
        var hasher = new Blake2b();
        try
        {
            hasher.Update(responseHash);
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

    private static void Decompress(string file, IPointTranscoder transcoder, CurveGroup group, int id, long first,
        ReadOnlySpan<byte> compressed, Span<byte> lem)
    {
        try
        {
            transcoder.CompressedToLem(group, compressed, lem);
        }
        catch (FormatException)
        {
            // Find the culprit for the message (error path only).
            int cSize = transcoder.Curve.CompressedPointSize(group), size = transcoder.Curve.PointSize(group);
            for (int i = 0; i < compressed.Length / cSize; i++)
            {
                try
                {
                    transcoder.CompressedToLem(group, compressed.Slice(i * cSize, cSize), lem.Slice(i * size, size));
                }
                catch (FormatException e)
                {
                    throw CeremonyErrors.BadPoint(file, id, first + i, e);
                }
            }
            throw;
        }
    }

    private static PtauPublicKey ToLemKey(string file, byte[] uncompressedKey, IPointTranscoder transcoder)
    {
        var curve = transcoder.Curve;
        var lem = new byte[uncompressedKey.Length];
        int g1Bytes = 6 * curve.G1Size;
        try
        {
            transcoder.UncompressedToLem(CurveGroup.G1, uncompressedKey.AsSpan(0, g1Bytes), lem.AsSpan(0, g1Bytes));
            transcoder.UncompressedToLem(CurveGroup.G2, uncompressedKey.AsSpan(g1Bytes), lem.AsSpan(g1Bytes));
        }
        catch (FormatException e)
        {
            throw CeremonyErrors.BadPublicKey(file, e.Message);
        }
        return PtauPublicKey.FromBytes(lem, curve);
    }
}
