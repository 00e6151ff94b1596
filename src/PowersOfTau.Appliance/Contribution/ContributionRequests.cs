using PowersOfTau.Appliance.Progress;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// The <see cref="ContributionRequest"/>s of the contributing operations, shared by the CLI verbs
/// (`tau powersoftau contribute`, `tau zkey contribute`) and `tau serve`, so both attest the same facts.
/// </summary>
public static class ContributionRequests
{
    /// <summary>A phase-1 contribution: the entropy is bound to the input's current challenge (spec/ptau.md §6).</summary>
    public static ContributionRequest Ptau(string inPath, string outPath, bool overwrite) =>
        new(inPath, outPath, () => CurrentChallenge(inPath), (digest, context, token) =>
        {
            var result = PowersOfTauContribute.Apply(inPath, outPath, digest, context.Name, overwrite, token,
                new CeremonyProgressAdapter(context.Progress));
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

    /// <summary>A Groth16 zkey contribution: the entropy is bound to the input file's BLAKE2b-512 (a zkey has no challenge hash).</summary>
    /// <param name="r1cs">Digests of the circuit, for the claims (required with an attestation; the caller checks that).</param>
    public static ContributionRequest Zkey(string inPath, string outPath, DigestSet? r1cs, bool overwrite) =>
        new(inPath, outPath, () => FileHash(inPath), (digest, context, token) =>
        {
            var result = ZkeyContribute.Run(inPath, outPath, digest, context.Name, overwrite, new ZkeyProgressAdapter(context.Progress), token);
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

    /// <summary>The challenge a contribution to <paramref name="ptauPath"/> answers (what snarkjs's contribute binds to).</summary>
    private static byte[] CurrentChallenge(string ptauPath)
    {
        using var ptau = PtauFile.Open(ptauPath);
        return ptau.Contributions.Count > 0 ? ptau.Contributions[^1].NextChallenge : PtauHashes.FirstChallenge(ptau.Header.Curve, ptau.Header.Power);
    }

    private static byte[] FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return PtauHashes.HashStream(stream);
    }
}
