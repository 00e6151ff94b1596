using System.Text.Json;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Verification;
using PowersOfTau.Testing;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// Every batched path (contribute's key application, prepare phase2's inverse FFT, verify's random linear
/// combinations) still refuses a point that is on the curve but outside the prime-order subgroup
/// (tests/oracle/vectors/curves.json offSubgroup, from @noble/curves), naming the point; the untampered twin passes.
/// </summary>
public sealed class OffSubgroupRejectionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] OffSubgroupLem(string group) =>
        Convert.FromHexString(JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("curves.json"))).RootElement.GetProperty("groups")
            .EnumerateArray().Single(g => g.GetProperty("group").GetString() == group).GetProperty("offSubgroup")[0].GetProperty("lem").GetString()!);

    /// <summary>The fixture with point 2 of the section replaced by the off-subgroup point.</summary>
    private string Tampered(string curve, int sectionId, string group)
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_0001.ptau")));
        var body = (byte[])raw.Body((uint)sectionId).Clone();
        var lem = OffSubgroupLem(group);
        lem.CopyTo(body, 2 * lem.Length);
        raw.Replace((uint)sectionId, body);
        return _temp.Write("tampered.ptau", raw.Build());
    }

    [Theory]
    [InlineData("bn128", PtauSections.TauG2, "bn128 G2")]
    [InlineData("bls12381", PtauSections.AlphaTauG1, "bls12381 G1")]
    [InlineData("bls12381", PtauSections.TauG2, "bls12381 G2")]
    public void Contribute_prepare_and_verify_refuse_the_point(string curve, int sectionId, string group)
    {
        string tampered = Tampered(curve, sectionId, group);
        using (var seed = PowersOfTauContribute.SnarkjsSeed(new byte[64], "e"u8))
        {
            var e = Assert.Throws<CeremonyFormatException>(() => PowersOfTauContribute.Apply(tampered, _temp.File("c.ptau"), seed, null));
            Assert.Contains("not in the prime-order subgroup", e.Message);
        }
        var p = Assert.Throws<CeremonyFormatException>(() => PreparePhase2.Prepare(tampered, _temp.File("p.ptau")));
        Assert.Contains("not in the prime-order subgroup", p.Message);
        var v = Assert.Throws<CeremonyFormatException>(() => PtauVerifier.Verify(tampered));
        Assert.Contains("not in the prime-order subgroup", v.Message);
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void The_untampered_twin_passes(string curve)
    {
        string original = PtauFixtures.PathOf($"{curve}_p4_0001.ptau");
        using (var seed = PowersOfTauContribute.SnarkjsSeed(new byte[64], "e"u8))
            PowersOfTauContribute.Apply(original, _temp.File("c.ptau"), seed, null);
        PreparePhase2.Prepare(original, _temp.File("p.ptau"));
        Assert.True(PtauVerifier.Verify(original).NextChallengeChecked);
    }
}
