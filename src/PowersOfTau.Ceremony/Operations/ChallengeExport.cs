using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Transcript;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau export challenge &lt;in.ptau&gt; &lt;challenge&gt;</c> (spec/ptau.md §9): writes
/// lastResponseHash ‖ U(sections 2..6) and checks that the file hashes to the current challenge (the last
/// contribution's nextChallenge, or the first challenge when there is none). Deterministic.
/// </summary>
public static class ChallengeExport
{
    /// <summary>What was exported.</summary>
    /// <param name="LastResponseHash">The 64 bytes the challenge starts with.</param>
    /// <param name="ChallengeHash">H(challenge file), equal to the current challenge.</param>
    public sealed record Result(byte[] LastResponseHash, byte[] ChallengeHash);

    /// <summary>Exports the challenge of <paramref name="ptauPath"/> to <paramref name="challengePath"/>, atomically.</summary>
    /// <param name="ptauPath">The .ptau file.</param>
    /// <param name="challengePath">The challenge file to write.</param>
    /// <param name="transcoder">LEM → uncompressed conversion; defaults to <see cref="CryptoPointTranscoder"/>, which
    /// also checks every point on the curve and in the subgroup.</param>
    /// <param name="overwrite">Replace an existing challenge file.</param>
    /// <param name="cancellationToken">Stops the export; the partial output is removed.</param>
    /// <param name="progress">Receives per-chunk progress.</param>
    /// <exception cref="CeremonyFormatException">The .ptau is unreadable, has no points, holds an invalid point, or its
    /// points do not hash to its current challenge.</exception>
    /// <exception cref="OutputFileException">The output exists, is the input, or the disk is full.</exception>
    public static Result Export(string ptauPath, string challengePath, IPointTranscoder? transcoder = null,
        bool overwrite = false, CancellationToken cancellationToken = default, IProgress<CeremonyProgress>? progress = null)
    {
        using var ptau = PtauFile.Open(ptauPath);
        transcoder ??= CryptoPointTranscoder.For(ptau.Header.Curve);
        if (!ptau.HasPointSections) throw CeremonyErrors.NoPointSections(ptau.FileName);
        // The stored challenge belongs to the full ceremony; snarkjs would fail the hash check with "corrupted".
        if (ptau.Header.Power != ptau.Header.CeremonyPower && ptau.Contributions.Count > 0)
            throw CeremonyErrors.TruncatedFileCannotTakeContribution(ptau.FileName, ptau.Header.Power, ptau.Header.CeremonyPower);

        byte[] lastResponseHash, expectedChallenge;
        if (ptau.Contributions.Count == 0)
        {
            lastResponseHash = PtauHashes.Empty();
            expectedChallenge = PtauHashes.FirstChallenge(ptau.Header.Curve, ptau.Header.Power);
        }
        else
        {
            var last = ptau.Contributions[^1];
            lastResponseHash = ResponseHashOf(ptau, last, ptau.Contributions.Count, transcoder);
            expectedChallenge = last.NextChallenge;
        }

        var layout = TranscriptLayout.For(TranscriptFileKind.Challenge, ptau.Header.Curve, ptau.Header.Power);
        byte[] challengeHash = [];
        AtomicFileWriter.Write(challengePath, stream =>
        {
            var writer = new TranscriptFileWriter(stream, layout);
            writer.WriteLeadingHash(lastResponseHash);
            int openSection = 0;
            challengeHash = PtauHashes.HashUncompressedPoints(lastResponseHash, ptau, transcoder, (id, chunk) =>
            {
                if (id != openSection)
                {
                    if (openSection != 0) writer.EndSection();
                    writer.BeginSection(id);
                    openSection = id;
                }
                stream.Write(chunk);
                progress?.Report(new CeremonyProgress($"exporting {PtauSections.Name(id)}", stream.Position, layout.FileSize));
            }, cancellationToken);
            writer.EndSection();
            writer.Complete();
            if (!challengeHash.AsSpan().SequenceEqual(expectedChallenge))
                throw CeremonyErrors.ChallengeHashMismatch(ptau.FileName, challengeHash, expectedChallenge, ptau.Contributions.Count);
        }, overwrite, [ptauPath]);
        return new Result(lastResponseHash, challengeHash);
    }

    internal static byte[] ResponseHashOf(PtauFile ptau, PtauContribution contribution, int index, IPointTranscoder transcoder)
    {
        try
        {
            return PtauHashes.ResponseHash(contribution, transcoder, ptau.Header.CeremonyPower);
        }
        catch (FormatException e)   // InvalidPartialHashException, or a public-key coordinate not below q
        {
            throw CeremonyErrors.ContributionUnusable(ptau.FileName, index, e.Message);
        }
    }
}
