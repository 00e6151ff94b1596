using CsCheck;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>Properties: section 10 parse ∘ write is the identity; any contribution verifies, and only for its own circuit.</summary>
public sealed class ZkeyPropertyTests
{
    private static readonly Gen<ZkeyContribution> Contribution =
        Gen.Select(Gen.Byte.Array[392 - 72], Gen.Bool, Gen.String[Gen.Char.AlphaNumeric, 0, 80], Gen.Byte.Array[1, 255], Gen.Byte[10, 63])
            .Select((bytes, beacon, name, hash, exp) => new ZkeyContribution
            {
                DeltaAfter = bytes[..64], G1S = bytes[64..128], G1Sx = bytes[128..192], G2Spx = bytes[192..320],
                Transcript = [.. bytes[..64]],
                Type = beacon ? ContributionType.Beacon : ContributionType.Normal,
                Params = beacon ? ContributionParams.ForBeacon(name, exp, hash) : ContributionParams.ForContribution(name),
            });

    [Fact]
    public void MpcParams_ParseAfterWrite_IsTheIdentityOnBytes()
    {
        Gen.Select(Gen.Byte.Array[64], Contribution.List[0, 4]).Sample((csHash, list) =>
        {
            var bytes = new ZkeyMpcParams(csHash, list).ToBytes();
            var parsed = ZkeyMpcParams.Parse(bytes, CurveDescriptor.Bn128, "p.zkey");
            Assert.Equal(list.Count, parsed.Contributions.Count);
            Assert.Equal(bytes, parsed.ToBytes());
        });
    }

    [Fact]
    public void MpcParams_Truncated_IsRejected()
    {
        Gen.Select(Gen.Byte.Array[64], Contribution.List[1, 3]).Sample((csHash, list) =>
        {
            var bytes = new ZkeyMpcParams(csHash, list).ToBytes();
            Assert.Throws<CeremonyFormatException>(() => ZkeyMpcParams.Parse(bytes.AsSpan(0, bytes.Length - 1), CurveDescriptor.Bn128, "p.zkey"));
        });
    }

    /// <summary>Contribute-then-verify for random seeds (a few: each is a full contribute and verify).</summary>
    [Fact]
    public void AnyContribution_Verifies_AndNotForAnotherCircuit()
    {
        Gen.Byte.Array[64].Sample(seed =>
        {
            using var dir = new TempDirectory();
            using var digest = SecretBuffer.CopyOf(seed);
            var result = ZkeyContribute.Run(ZkeyFixtures.Zkey("bn128", "0000"), dir.File("1.zkey"), digest, "p");
            var verified = ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), dir.File("1.zkey"));
            Assert.Equal(result.ContributionHash, verified.Contributions.Single().ContributionHash);
            Assert.Throws<CeremonyFormatException>(() =>
                ZkeyVerify.Run(ZkeyFixtures.PathOf("square_bn128.r1cs"), ZkeyFixtures.FinalPtau("bn128"), dir.File("1.zkey")));
        }, iter: 4);
    }
}
