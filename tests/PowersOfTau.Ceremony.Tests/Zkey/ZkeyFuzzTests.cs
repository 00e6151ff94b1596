using CsCheck;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.R1cs;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>
/// Random damage (a flipped bit anywhere, or truncation anywhere) to snarkjs's r1cs and final zkey: every damaged
/// file is refused, always with a <see cref="CeremonyFormatException"/> (never another exception type), except a
/// flipped bit in a contribution name, which no hash covers (as in snarkjs).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ZkeyFuzzTests
{
    private static readonly byte[] R1csBytes = File.ReadAllBytes(ZkeyFixtures.R1cs("bn128"));
    private static readonly byte[] ZkeyBytes = File.ReadAllBytes(ZkeyFixtures.Zkey("bn128", "final"));

    private static void R1csRefused(byte[] damaged)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("d.r1cs", damaged);
        Assert.Throws<CeremonyFormatException>(() =>
        {
            using var r1cs = R1csFile.Open(path);
            _ = r1cs.ReadConstraints().ToList();
            // A damaged label map or label count still parses; the zkey recomputed from it must then differ.
            ZkeyVerify.Run(path, ZkeyFixtures.FinalPtau("bn128"), ZkeyFixtures.Zkey("bn128", "final"));
        });
    }

    private static void ZkeyRefused(byte[] damaged)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("d.zkey", damaged);
        Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), path));
    }

    [Fact]
    public void TruncatedZkey_IsRefused() =>
        Gen.Int[0, ZkeyBytes.Length - 1].Sample(length => ZkeyRefused(ZkeyBytes[..length]), iter: 60);

    [Fact]
    public void BitFlippedZkey_IsRefused_UnlessOnlyANameChanged() =>
        Gen.Select(Gen.Int[0, ZkeyBytes.Length - 1], Gen.Int[0, 7]).Sample((at, bit) =>
        {
            var damaged = (byte[])ZkeyBytes.Clone();
            damaged[at] ^= (byte)(1 << bit);
            using var dir = new TempDirectory();
            string path = dir.Write("d.zkey", damaged);
            try
            {
                var result = ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), path);
                // Accepted: then only a contribution name changed. Names are covered by no hash (in snarkjs either),
                // so they are labels, not evidence; every contribution hash must be the original one.
                Assert.Equal(ZkeyFixtures.LoggedHashes("bn128", "Contribution Hash:"), result.Contributions.Select(c => c.ContributionHash));
                Assert.NotEqual(["First phase2 contribution", "Second ✓ contribution", "Final Beacon phase2"], result.Contributions.Select(c => c.Name));
            }
            catch (CeremonyFormatException)
            {
            }
        }, iter: 150);

    [Fact]
    public void TruncatedR1cs_IsRefused() =>
        Gen.Int[0, R1csBytes.Length - 1].Sample(length => R1csRefused(R1csBytes[..length]), iter: 60);

    [Fact]
    public void BitFlippedR1cs_IsRefusedOrChangesTheKey() =>
        Gen.Select(Gen.Int[0, R1csBytes.Length - 1], Gen.Int[0, 7]).Sample((at, bit) =>
        {
            var damaged = (byte[])R1csBytes.Clone();
            damaged[at] ^= (byte)(1 << bit);
            // Bytes the key does not depend on: the label count and the wire-to-label map (section 3).
            var (mapStart, _) = ZkeyFixtures.Locate(R1csBytes, R1csSections.WireToLabelMap);
            var (headerStart, headerSize) = ZkeyFixtures.Locate(R1csBytes, R1csSections.Header);
            long labels = headerStart + headerSize - 12;
            if (at >= mapStart || (at >= labels && at < labels + 8)) return;
            R1csRefused(damaged);
        }, iter: 150);
}
