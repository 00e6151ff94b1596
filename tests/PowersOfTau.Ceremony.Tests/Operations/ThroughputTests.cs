using System.Diagnostics;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Transcript;
using Xunit.Abstractions;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// Larger runs of the streaming operations (power 16), checked for consistency and timed. The figures are
/// printed only: the machine is shared, so they are noisy.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128", 16)]
    [InlineData("bls12381", 14)]
    public void New_then_export_challenge(string curveName, int power)
    {
        var curve = CurveDescriptor.FromName(curveName)!;
        string ptau = _temp.File("new.ptau"), challenge = _temp.File("challenge");
        var clock = Stopwatch.StartNew();
        PowersOfTauNew.Write(curve, power, ptau);
        var newTime = clock.Elapsed;
        clock.Restart();
        var result = ChallengeExport.Export(ptau, challenge);
        var exportTime = clock.Elapsed;
        clock.Restart();
        ChallengeExport.Export(ptau, _temp.File("c2"), CryptoPointTranscoder.For(curve, checkSubgroup: false));
        var noSubgroupTime = clock.Elapsed;
        long points = 0;
        foreach (int id in PtauSections.PointSectionIds) points += PtauSections.PointCount(id, power);

        Assert.Equal(PtauHashes.FirstChallenge(curve, power), result.ChallengeHash);
        Assert.Equal(TranscriptLayout.For(TranscriptFileKind.Challenge, curve, power).FileSize, new FileInfo(challenge).Length);
        output.WriteLine($"{curveName} power {power}: new {newTime.TotalMilliseconds:F0} ms ({new FileInfo(ptau).Length >> 20} MiB), " +
            $"export challenge {exportTime.TotalMilliseconds:F0} ms for {points} points (decode with subgroup check + encode + BLAKE2b), " +
            $"{noSubgroupTime.TotalMilliseconds:F0} ms without the subgroup check; " +
            $"{Environment.ProcessorCount} cores shared with other jobs: noisy");
    }

    [Theory]
    [InlineData("bn128", 10)]
    [InlineData("bls12381", 9)]
    public void Contribute_then_verify(string curveName, int power)
    {
        var curve = CurveDescriptor.FromName(curveName)!;
        string p0 = _temp.File("0.ptau"), p1 = _temp.File("1.ptau");
        PowersOfTauNew.Write(curve, power, p0);
        var clock = Stopwatch.StartNew();
        using (var seed = new PowersOfTau.Secrets.SecretBuffer(64))
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(seed.Reveal());
            PowersOfTauContribute.Apply(p0, p1, seed, "throughput");
        }
        var contributeTime = clock.Elapsed;
        clock.Restart();
        var result = Ceremony.Verification.PtauVerifier.Verify(p1);
        var verifyTime = clock.Elapsed;
        Assert.True(result.NextChallengeChecked);
        long points = 0;
        foreach (int id in PtauSections.PointSectionIds) points += PtauSections.PointCount(id, power);
        output.WriteLine($"{curveName} power {power}: contribute {contributeTime.TotalMilliseconds:F0} ms, verify {verifyTime.TotalMilliseconds:F0} ms " +
            $"for {points} points; {Environment.ProcessorCount} cores shared with other jobs: noisy");
    }
}
