using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Verification;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Progress;

public sealed class ProgressAndCancellationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed class Collector : IProgress<CeremonyProgress>
    {
        public List<CeremonyProgress> Reports { get; } = [];
        public Action<CeremonyProgress>? OnReport { get; init; }
        public void Report(CeremonyProgress value)
        {
            Reports.Add(value);
            OnReport?.Invoke(value);
        }
    }

    private static SecretBuffer RandomSeed()
    {
        var seed = new SecretBuffer(64);
        System.Security.Cryptography.RandomNumberGenerator.Fill(seed.Reveal());
        return seed;
    }

    [Fact]
    public void Contribute_and_verify_report_every_stage_to_completion()
    {
        var contributeProgress = new Collector();
        using (var seed = RandomSeed())
            PowersOfTauContribute.Apply(PtauFixtures.PathOf("bn128_p4_0000.ptau"), _temp.File("1.ptau"), seed, null, progress: contributeProgress);
        foreach (var stage in new[] { "applying key to tauG1", "applying key to betaG2", "hashing tauG2", "hashing betaG2" })
        {
            var last = contributeProgress.Reports.Last(r => r.Stage == stage);
            Assert.Equal(last.Total, last.Done);
        }

        var verifyProgress = new Collector();
        PtauVerifier.Verify(PtauFixtures.PathOf("bls12381_p4_final.ptau"), progress: verifyProgress);
        Assert.Contains(verifyProgress.Reports, r => r.Stage == "verifying contributions" && r.Done == 3 && r.Total == 3);
        Assert.Contains(verifyProgress.Reports, r => r.Stage == "checking lagrangeG1" && r.Done == r.Total);
    }

    [Fact]
    public void Cancelling_a_contribution_midway_leaves_no_output()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new Collector { OnReport = r => { if (r.Stage.StartsWith("applying key to tauG2", StringComparison.Ordinal)) cancel.Cancel(); } };
        using var seed = RandomSeed();
        Assert.ThrowsAny<OperationCanceledException>(() => PowersOfTauContribute.Apply(PtauFixtures.PathOf("bn128_p4_0000.ptau"),
            _temp.File("1.ptau"), seed, null, cancellationToken: cancel.Token, progress: progress));
        Assert.Empty(_temp.Entries());
    }
}
