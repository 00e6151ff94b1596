using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Attestation.Digests;

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

    private static ContributionRequest Ptau(string inPath, string outPath) => ContributionRequests.Ptau(inPath, outPath, overwrite: false);

    private static ContributionRequest Zkey(string inPath, string outPath, string r1csPath)
    {
        if (!File.Exists(r1csPath))
            throw new UserFacingError(ExitCodes.BadInput, $"a zkey needs its circuit next to it in inbox/: {Path.GetFileName(r1csPath)} is missing (its digests go into the attestation)");
        return ContributionRequests.Zkey(inPath, outPath, ContentDigester.ComputeFile(r1csPath), overwrite: false);
    }
}
