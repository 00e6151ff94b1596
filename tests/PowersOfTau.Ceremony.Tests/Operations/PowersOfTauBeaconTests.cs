using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// The beacon exercises the whole key path of a contribution (ChaCha, Fr/Fq fromRng, G1/G2 fromRng, hashToG2,
/// constant-time key application, partialHash, response and next-challenge hashes, spec/ptau.md §6, §8)
/// deterministically, so it is compared byte for byte with snarkjs.
/// </summary>
public sealed class PowersOfTauBeaconTests : IDisposable
{
    private static readonly byte[] BeaconHash = Convert.FromHexString("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Beacon_is_byte_identical_to_snarkjs(string curve)
    {
        string output = _temp.File("beacon.ptau");
        var result = PowersOfTauBeacon.Apply(PtauFixtures.PathOf($"{curve}_p4_0002.ptau"), output, BeaconHash, 10, "Final Beacon");
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_beacon.ptau")), File.ReadAllBytes(output));
        string printed = PtauFixtures.Ptau($"{curve}_p4_beacon.ptau").GetProperty("contributions")[2].GetProperty("responseHash").GetString()!;
        Assert.Equal(printed, Convert.ToHexStringLower(result.ResponseHash));
    }

    [Fact]
    public void Another_beacon_gives_another_file()
    {
        string output = _temp.File("beacon.ptau");
        var other = (byte[])BeaconHash.Clone();
        other[0] ^= 1;
        PowersOfTauBeacon.Apply(PtauFixtures.PathOf("bn128_p4_0002.ptau"), output, other, 10, "Final Beacon");
        Assert.NotEqual(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_beacon.ptau")), File.ReadAllBytes(output));
        using var ptau = PtauFile.Open(output);
        Assert.Equal(ContributionType.Beacon, ptau.Contributions[^1].Type);
        Assert.Equal(other, ptau.Contributions[^1].Params.BeaconHash);
    }

    [Fact]
    public void Truncated_files_and_bad_parameters_are_refused()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            PowersOfTauBeacon.Apply(PtauFixtures.PathOf("bn128_p4_final_02.ptau"), _temp.File("a.ptau"), BeaconHash, 10, null));
        Assert.Contains("was truncated (power 2 of a power-4 ceremony)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PowersOfTauBeacon.Apply(PtauFixtures.PathOf("bn128_p4_0002.ptau"), _temp.File("b.ptau"), BeaconHash, 9, null));
        Assert.Throws<ArgumentException>(() =>
            PowersOfTauBeacon.Apply(PtauFixtures.PathOf("bn128_p4_0002.ptau"), _temp.File("c.ptau"), [], 10, null));
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void An_existing_output_is_refused_before_any_beacon_iteration()
    {
        // The refusal must come from the output check, before the first of the 2^exp iterations reports progress.
        string output = _temp.File("exists.ptau");
        File.WriteAllBytes(output, [1, 2, 3]);
        var started = new List<string>();
        var progress = new PowersOfTau.Ceremony.Progress.SynchronousProgress<PowersOfTau.Ceremony.Progress.CeremonyProgress>(p => started.Add(p.Stage));
        Assert.Throws<OutputFileException>(() =>
            PowersOfTauBeacon.Apply(PtauFixtures.PathOf("bn128_p4_0002.ptau"), output, BeaconHash, 20, null, progress: progress));
        Assert.Empty(started);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(output));
    }
}
