using System.Security.Cryptography;
using PowersOfTau.Crypto.Rng;
using static PowersOfTau.Crypto.Tests.Rng.RandomVectors;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>BeaconSeed against snarkjs 0.7.6 <c>misc.rngFromBeaconParams</c> (vectors/random.json "beacon").</summary>
public class BeaconSeedTests
{
    [Fact]
    public void Seed_MatchesSnarkjsRngFromBeaconParams()
    {
        foreach (var v in Root.GetProperty("beacon").EnumerateArray())
        {
            var beaconHash = Convert.FromHexString(v.GetProperty("beaconHash").GetString()!);
            int exp = v.GetProperty("numIterationsExp").GetInt32();
            var expected = Words(v.GetProperty("u32"));
            var rng = new ChaChaRng();
            BeaconSeed.Seed(ref rng, beaconHash, exp);
            Assert.Equal(expected, expected.Select(_ => rng.NextUInt32()).ToArray());

            // Tampered twin: one iteration fewer or more gives another stream.
            var other = new ChaChaRng();
            BeaconSeed.Seed(ref other, beaconHash, exp == 0 ? 1 : exp - 1);
            Assert.NotEqual(expected, expected.Select(_ => other.NextUInt32()).ToArray());
        }
    }

    [Fact]
    public void Iterate_IsSha256Applied2ToTheExpTimes()
    {
        var h = new byte[] { 0xAB };
        for (int i = 0; i < 8; i++) h = SHA256.HashData(h);
        var actual = new byte[32];
        BeaconSeed.Iterate([0xAB], 3, actual);
        Assert.Equal(h, actual);
    }

    [Fact]
    public void BadArguments_Throw_AndCancellationIsHonoured()
    {
        var rng = new ChaChaRng();
        Assert.Throws<ArgumentException>(() => BeaconSeed.Seed(ref rng, [], 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => BeaconSeed.Seed(ref rng, [1], 64));
        Assert.Throws<ArgumentOutOfRangeException>(() => BeaconSeed.Seed(ref rng, [1], -1));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => BeaconSeed.Iterate([1], 21, new byte[32], null, cancelled.Token));
        var reports = new List<double>();
        BeaconSeed.Iterate([1], 2, new byte[32], new SynchronousProgress(reports));
        Assert.Equal([1.0], reports);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
