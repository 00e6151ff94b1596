using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Transcript;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau challenge contribute &lt;curve&gt; &lt;challenge&gt; &lt;response&gt;</c> (spec/ptau.md §9): the
/// Zcash-style offline flow. The power is inferred from the challenge's size; challengeHash = H(challenge file);
/// the key (from the caller's seed, as in <see cref="PowersOfTauContribute"/>) is applied to the uncompressed
/// points; the response is challengeHash ‖ C(new points) ‖ U(public key), and its hash is the response hash.
/// </summary>
public static class ChallengeContribute
{
    /// <summary>What was written.</summary>
    /// <param name="ChallengeHash">H(challenge file), the response's first 64 bytes.</param>
    /// <param name="ResponseHash">H(response file).</param>
    public sealed record Result(byte[] ChallengeHash, byte[] ResponseHash);

    /// <summary>Writes the response to <paramref name="challengePath"/> into <paramref name="responsePath"/>, atomically.</summary>
    /// <exception cref="ArgumentException">The seed is shorter than 32 bytes.</exception>
    /// <exception cref="CeremonyFormatException">The challenge is unreadable, has no valid size, or holds an invalid point.</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static Result Apply(CurveDescriptor curve, string challengePath, string responsePath, SecretBuffer seedDigest,
        bool overwrite = false, CancellationToken cancellationToken = default, IProgress<CeremonyProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(seedDigest);
        if (seedDigest.Length < 32) throw new ArgumentException("the seed needs at least 32 bytes", nameof(seedDigest));
        using var challenge = TranscriptFile.Open(challengePath, TranscriptFileKind.Challenge, curve);
        byte[] challengeHash;
        using (var whole = challenge.OpenWhole()) challengeHash = PtauHashes.HashStream(whole, cancellationToken);

        var engine = ContributionEngines.For(curve);
        using var secretKey = new SecretBuffer(engine.SecretKeySize);
        var publicKey = ContributionRun.DeriveKey(engine, (ref ChaChaRng rng) => rng.SeedFromDigest(seedDigest.Reveal()), challengeHash, secretKey);

        var responseLayout = TranscriptLayout.For(TranscriptFileKind.Response, curve, challenge.Layout.Power);
        // U → LEM checks encoding and curve; the subgroup is checked once, by ApplyKey's decoder.
        var toLem = CryptoPointTranscoder.For(curve, checkSubgroup: false);
        byte[] responseHash = [];
        AtomicFileWriter.Write(responsePath, stream =>
        {
            var writer = new TranscriptFileWriter(stream, responseLayout);
            var hasher = new Blake2b();
            try
            {
                writer.WriteLeadingHash(challengeHash);
                hasher.Update(challengeHash);
                byte[] uncompressed = new byte[1 << 20];   // one chunk of KeyApplication.SnarkjsChunkPoints
                byte[] lem = new byte[uncompressed.Length];
                byte[] lemOut = new byte[uncompressed.Length];
                byte[] compressed = new byte[uncompressed.Length / 2];
                foreach (int id in PtauSections.PointSectionIds)
                {
                    var group = PtauSections.Group(id);
                    int size = curve.PointSize(group), cSize = curve.CompressedPointSize(group);
                    long count = PtauSections.PointCount(id, challenge.Layout.Power);
                    int chunkPoints = KeyApplication.SnarkjsChunkPoints(size);
                    var body = writer.BeginSection(id);
                    for (long first = 0; first < count; first += chunkPoints)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        int n = (int)Math.Min(chunkPoints, count - first);
                        challenge.ReadPoints(id, first, uncompressed.AsSpan(0, n * size));
                        try
                        {
                            toLem.UncompressedToLem(group, uncompressed.AsSpan(0, n * size), lem.AsSpan(0, n * size));
                            engine.ApplyKey(id, secretKey, lem.AsSpan(0, n * size), first, lemOut.AsSpan(0, n * size), compressed.AsSpan(0, n * cSize));
                        }
                        catch (PointDecodingException e)
                        {
                            throw CeremonyErrors.BadPoint(challenge.FileName, id, first, e);
                        }
                        body.Write(compressed, 0, n * cSize);
                        hasher.Update(compressed.AsSpan(0, n * cSize));
                        progress?.Report(new CeremonyProgress($"applying key to {PtauSections.Name(id)}", first + n, count));
                    }
                    writer.EndSection();
                }
                var key = PtauHashes.UncompressedPublicKey(publicKey, CryptoPointTranscoder.For(curve, checkSubgroup: false));
                writer.WritePublicKey(PtauPublicKey.FromBytes(key, curve));
                hasher.Update(key);
                writer.Complete();
                responseHash = new byte[PtauHashes.Size];
                hasher.Finish(responseHash);
            }
            finally
            {
                hasher.Dispose();
            }
        }, overwrite, [challengePath]);
        return new Result(challengeHash, responseHash);
    }
}
