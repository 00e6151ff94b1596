using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// The <see cref="ContributionRequest"/> for one spool input: the same operations and the same attested facts as
/// `tau powersoftau contribute` and `tau zkey contribute` (Commands/), run by the same <see cref="ContributionPipeline"/>.
/// </summary>
public static class SpoolRequests
{
    /// <summary>The request for <paramref name="inputPath"/> written to <paramref name="outputPath"/>.</summary>
    /// <param name="kind">What the input is.</param>
    /// <param name="inputPath">The input in inbox/.</param>
    /// <param name="outputPath">The (in-progress) output path in outbox/.</param>
    /// <param name="r1csPath">The circuit for a zkey (its digests go into the claims); ignored for a ptau.</param>
    public static ContributionRequest For(SpoolJobKind kind, string inputPath, string outputPath, string? r1csPath) => kind switch
    {
        SpoolJobKind.Ptau => Ptau(inputPath, outputPath),
        SpoolJobKind.Zkey => Zkey(inputPath, outputPath, r1csPath ?? throw new ArgumentNullException(nameof(r1csPath))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static ContributionRequest Ptau(string inPath, string outPath) =>
        new(inPath, outPath, () => CurrentChallenge(inPath), (digest, context, token) =>
        {
            var result = PowersOfTauContribute.Apply(inPath, outPath, digest, context.Name, overwrite: false, token);
            using var written = PtauFile.Open(outPath);
            var last = written.Contributions[^1];
            return new ContributionOutcome(
                ChallengeHash: CurrentChallenge(inPath),
                ContributionHash: result.ResponseHash,
                PublicKey: [.. last.PublicKey.PointsInOrder().SelectMany(point => point)],
                Curve: written.Header.Curve.Name,
                Power: written.Header.Power,
                Index: (ulong)written.Contributions.Count,
                Kind: ContributionKind.Ptau,
                OutputPath: outPath,
                PrintedHashes: [new("Contribution Response Hash imported: ", result.ResponseHash), new("Next Challenge Hash: ", result.NextChallenge)]);
        });

    private static ContributionRequest Zkey(string inPath, string outPath, string r1csPath)
    {
        if (!File.Exists(r1csPath))
            throw new UserFacingError(ExitCodes.BadInput, $"a zkey needs its circuit next to it in inbox/: {Path.GetFileName(r1csPath)} is missing (its digests go into the attestation)");
        DigestSet r1cs = ContentDigester.ComputeFile(r1csPath);
        return new(inPath, outPath, () => FileHash(inPath), (digest, context, token) =>
        {
            var result = ZkeyContribute.Run(inPath, outPath, digest, context.Name, overwrite: false, new ZkeyProgressAdapter(context.Progress), token);
            return new ContributionOutcome(
                ChallengeHash: FileHash(inPath),
                ContributionHash: result.ContributionHash,
                PublicKey: result.PublicKeyUncompressed,
                Curve: result.Curve.Name,
                Power: null,
                Index: (ulong)result.Index,
                Kind: ContributionKind.Zkey,
                OutputPath: outPath,
                PrintedHashes: [new("Circuit Hash: ", result.CsHash), new("Contribution Hash: ", result.ContributionHash)],
                R1cs: r1cs);
        });
    }

    /// <summary>The challenge a contribution to <paramref name="ptauPath"/> answers (as `tau powersoftau contribute`).</summary>
    private static byte[] CurrentChallenge(string ptauPath)
    {
        using var ptau = PtauFile.Open(ptauPath);
        return ptau.Contributions.Count > 0 ? ptau.Contributions[^1].NextChallenge : PtauHashes.FirstChallenge(ptau.Header.Curve, ptau.Header.Power);
    }

    /// <summary>BLAKE2b-512 of a zkey: what the entropy is bound to (as `tau zkey contribute`).</summary>
    private static byte[] FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return PtauHashes.HashStream(stream);
    }
}
