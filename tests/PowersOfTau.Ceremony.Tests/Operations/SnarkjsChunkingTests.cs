using System.Security.Cryptography;
using System.Text.Json;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Testing;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// Contribute and beacon at powers where a section spans several of snarkjs's 1 MiB chunks, byte for byte against
/// snarkjs 0.7.6 (tests/oracle/gen-perf-vectors.mjs → vectors/perf.json, SHA-256 of snarkjs's files). The exported
/// partialHash keeps the BLAKE2b buffer's stale bytes, so these files change if the batch path hashes the compressed
/// points in any other update pattern than snarkjs's; the power-4 fixtures cannot see that.
/// </summary>
public sealed class SnarkjsChunkingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Case(string curve) =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("perf.json"))).RootElement.GetProperty("cases")
            .EnumerateArray().Single(c => c.GetProperty("curve").GetString() == curve);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string Contribute(JsonElement c, string entropy)
    {
        var curve = CurveDescriptor.FromName(c.GetProperty("curve").GetString()!)!;
        string p0 = _temp.File("0.ptau"), p1 = _temp.File("1.ptau");
        PowersOfTauNew.Write(curve, c.GetProperty("power").GetInt32(), p0, overwrite: true);
        Assert.Equal(c.GetProperty("new").GetString(), Sha256(p0));
        var random = Enumerable.Repeat((byte)0x2a, 64).ToArray();   // fixed-random.mjs
        using var seed = PowersOfTauContribute.SnarkjsSeed(random, System.Text.Encoding.UTF8.GetBytes(entropy));
        PowersOfTauContribute.Apply(p0, p1, seed, null, overwrite: true);
        return p1;
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Multi_chunk_contribute_and_beacon_are_byte_identical_to_snarkjs(string curveName)
    {
        var c = Case(curveName);
        string p1 = Contribute(c, "x");
        Assert.Equal(c.GetProperty("contributeRandom0x2aEntropyX").GetString(), Sha256(p1));
        string pb = _temp.File("b.ptau");
        PowersOfTauBeacon.Apply(p1, pb, Convert.FromHexString(c.GetProperty("beaconHash").GetString()!),
            c.GetProperty("beaconIterationsExp").GetInt32(), c.GetProperty("beaconName").GetString());
        Assert.Equal(c.GetProperty("beacon").GetString(), Sha256(pb));
    }

    [Fact]
    public void Other_entropy_gives_another_file()
    {
        var c = Case("bn128");
        Assert.NotEqual(c.GetProperty("contributeRandom0x2aEntropyX").GetString(), Sha256(Contribute(c, "y")));
    }
}
