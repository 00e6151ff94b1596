using System.Text;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>
/// zkey contribute / beacon against snarkjs 0.7.6: with the fixed "OS random" bytes make-zkey-fixtures.sh gave snarkjs
/// (fix-random.js), our contribution from BLAKE2b(those bytes || entropy) must be the same file, byte for byte.
/// </summary>
public sealed class ZkeyContributionTests
{
    private static SecretBuffer Digest(int contribution, string entropy)
    {
        var digest = new SecretBuffer(ZkeyContribute.DigestLength);
        ZkeyContribute.SnarkjsDigest(ZkeyFixtures.FixedRandom(contribution), Encoding.UTF8.GetBytes(entropy), digest);
        return digest;
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void Contribute_WithSnarkjsRandomness_IsByteIdentical(string curve)
    {
        using var dir = new TempDirectory();
        var printed = ZkeyFixtures.LoggedHashes(curve, "Contribution Hash:");
        using (var digest = Digest(1, "phase2 entropy one"))
        {
            var result = ZkeyContribute.Run(ZkeyFixtures.Zkey(curve, "0000"), dir.File("1.zkey"), digest, "First phase2 contribution");
            Assert.Equal(File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "0001")), File.ReadAllBytes(dir.File("1.zkey")));
            Assert.Equal(printed[0], result.ContributionHash);
            Assert.Equal(ZkeyFixtures.LoggedHashes(curve, "Circuit Hash:")[0], result.CsHash);
            Assert.Equal(1, result.Index);
            Assert.Equal(3 * 2 * (curve == "bn128" ? 32 : 48) + 4 * (curve == "bn128" ? 32 : 48), result.PublicKeyUncompressed.Length);
        }
        using (var digest = Digest(2, "phase2 entropy two"))
        {
            var result = ZkeyContribute.Run(ZkeyFixtures.Zkey(curve, "0001"), dir.File("2.zkey"), digest, "Second ✓ contribution");
            Assert.Equal(File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "0002")), File.ReadAllBytes(dir.File("2.zkey")));
            Assert.Equal(printed[1], result.ContributionHash);
            Assert.Equal(2, result.Index);
        }
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void Contribute_WithOtherRandomness_DiffersFromSnarkjs(string curve)
    {
        using var dir = new TempDirectory();
        using var digest = Digest(1, "phase2 entropy one.");   // one character more
        var result = ZkeyContribute.Run(ZkeyFixtures.Zkey(curve, "0000"), dir.File("1.zkey"), digest, "First phase2 contribution");
        Assert.NotEqual(File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "0001")), File.ReadAllBytes(dir.File("1.zkey")));
        Assert.NotEqual(ZkeyFixtures.LoggedHashes(curve, "Contribution Hash:")[0], result.ContributionHash);
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void Beacon_IsByteIdentical(string curve)
    {
        using var dir = new TempDirectory();
        var hash = ZkeyBeacon.ParseBeaconHash("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        var result = ZkeyBeacon.Run(ZkeyFixtures.Zkey(curve, "0002"), dir.File("final.zkey"), hash, 10, "Final Beacon phase2");
        Assert.Equal(File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "final")), File.ReadAllBytes(dir.File("final.zkey")));
        Assert.Equal(ZkeyFixtures.LoggedHashes(curve, "Contribution Hash:")[2], result.ContributionHash);
        Assert.Equal(ContributionType.Beacon, result.Contribution.Type);
    }

    [Fact]
    public void Beacon_WithAnotherHash_Differs()
    {
        using var dir = new TempDirectory();
        var hash = ZkeyBeacon.ParseBeaconHash("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f21");
        ZkeyBeacon.Run(ZkeyFixtures.Zkey("bn128", "0002"), dir.File("final.zkey"), hash, 10, "Final Beacon phase2");
        Assert.NotEqual(File.ReadAllBytes(ZkeyFixtures.Zkey("bn128", "final")), File.ReadAllBytes(dir.File("final.zkey")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("abc")]
    [InlineData("zz")]
    public void ParseBeaconHash_RejectsWhatSnarkjsRejects(string hex) =>
        Assert.Throws<ArgumentException>(() => ZkeyBeacon.ParseBeaconHash(hex));

    [Theory]
    [InlineData(9)]
    [InlineData(64)]
    public void Beacon_RejectsExponentOutsideSnarkjsRange(int exponent)
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => ZkeyBeacon.Run(ZkeyFixtures.Zkey("bn128", "0002"), dir.File("x.zkey"), [1, 2], exponent));
        Assert.Empty(dir.Entries());
    }

    [Fact]
    public void Beacon_RejectsHashLongerThan255Bytes()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => ZkeyBeacon.Run(ZkeyFixtures.Zkey("bn128", "0002"), dir.File("x.zkey"), new byte[256], 10));
    }
}
