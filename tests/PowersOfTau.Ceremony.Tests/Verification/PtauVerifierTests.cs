using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Verification;

namespace PowersOfTau.Ceremony.Tests.Verification;

/// <summary>
/// Every snarkjs-made transcript verifies (snarkjs's own verify accepted the _final files, see the fixture logs),
/// with the response hashes snarkjs computed; tampered twins fail with a message naming what broke.
/// </summary>
public sealed class PtauVerifierTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var name in PtauFixtures.PtauNames)
            if (PtauFixtures.Ptau(name).GetProperty("contributions").GetArrayLength() > 0 && name != "bn128_p4_afternopoints.ptau") data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Snarkjs_transcripts_verify(string name)
    {
        var result = PtauVerifier.Verify(PtauFixtures.PathOf(name));
        var expected = PtauFixtures.Ptau(name).GetProperty("contributions").EnumerateArray()
            .Select(c => c.GetProperty("responseHash").GetString()).ToArray();
        Assert.Equal(expected, result.Contributions.Select(c => Convert.ToHexStringLower(c.ResponseHash)).ToArray());
        using var ptau = PtauFile.Open(PtauFixtures.PathOf(name));
        Assert.Equal(ptau.HasPointSections && ptau.Header.Power == ptau.Header.CeremonyPower, result.NextChallengeChecked);
        Assert.Equal(ptau.HasPhase2Sections, result.Phase2Checked);
    }

    [Fact]
    public void A_transcript_snarkjs_rejects_is_rejected_for_the_same_reason()
    {
        // The same response imported twice (fixtures README); snarkjs: "INVALID tau*G1. challenge #3 It does not follow
        // the previous contribution".
        var e = Assert.Throws<CeremonyFormatException>(() => PtauVerifier.Verify(PtauFixtures.PathOf("bn128_p4_afternopoints.ptau")));
        Assert.EndsWith("contribution 3 (After no points): tauG1 is not the previous one times tau", e.Message);
    }

    [Fact]
    public void A_file_without_contributions_does_not_verify()
    {
        var e = Assert.Throws<CeremonyFormatException>(() => PtauVerifier.Verify(PtauFixtures.PathOf("bn128_p4_0000.ptau")));
        Assert.Contains("no contributions", e.Message);
        Assert.Equal(1, e.ExitCode);
    }

    private CeremonyFormatException Fails(string fixture, Action<RawBinfile> tamper)
    {
        var raw = RawBinfile.Split(File.ReadAllBytes(PtauFixtures.PathOf(fixture)));
        tamper(raw);
        string path = _temp.Write("tampered.ptau", raw.Build());
        var e = Assert.Throws<CeremonyFormatException>(() => PtauVerifier.Verify(path));
        Assert.Equal(CeremonyErrorCategory.InvalidTranscript, e.Category);
        return e;
    }

    private static void Swap(byte[] section, int pointSize, int a, int b)
    {
        var tmp = section.AsSpan(a * pointSize, pointSize).ToArray();
        section.AsSpan(b * pointSize, pointSize).CopyTo(section.AsSpan(a * pointSize));
        tmp.CopyTo(section.AsSpan(b * pointSize));
    }

    [Theory]
    [InlineData("bn128_p4_beacon.ptau", 64)]
    [InlineData("bls12381_p4_beacon.ptau", 96)]
    public void Swapped_powers_of_tau_fail(string fixture, int g1Size)
    {
        var e = Fails(fixture, raw => Swap(raw.Body(2), g1Size, 5, 6));
        Assert.Contains("section 2 (tauG1): the points are not successive powers of tau", e.Message);
    }

    [Fact]
    public void A_changed_beacon_parameter_fails()
    {
        var e = Fails("bn128_p4_beacon.ptau", raw =>
        {
            var body = raw.Body(7);
            byte[] exp = [2, 10, 3, 32];
            int at = body.AsSpan().LastIndexOf(exp);
            body[at + 1] = 11;
        });
        Assert.Contains("contribution 3 (Final Beacon): the public key is not the one the beacon parameters give", e.Message);
    }

    [Fact]
    public void A_forged_proof_of_knowledge_fails()
    {
        // Contribution 1's tau.g1_sx replaced by tau.g1_s (still a valid point): s·G1 and s·G1 do not have ratio tau.
        var e = Fails("bn128_p4_0002.ptau", raw =>
        {
            var body = raw.Body(7);
            int key = 4 + 448;                      // count, then tauG1, tauG2, alphaG1, betaG1, betaG2
            body.AsSpan(key, 64).CopyTo(body.AsSpan(key + 64));
        });
        Assert.Contains("contribution 1 (First contribution): the proof of knowledge of tau fails", e.Message);
    }

    [Fact]
    public void A_point_hashing_differently_fails()
    {
        // betaG2 (section 6) replaced by the last record's tauG2: a valid point, so only the record check catches it.
        var e = Fails("bn128_p4_0001.ptau", raw => raw.Body(3).AsSpan(128, 128).CopyTo(raw.Body(6)));
        Assert.Contains("section 6 (betaG2) point 0 is not the last contribution's betaG2", e.Message);
    }

    [Fact]
    public void Swapped_lagrange_points_fail()
    {
        var e = Fails("bn128_p4_final.ptau", raw => Swap(raw.Body(13), 128, 7, 8)); // block 3 of lagrangeG2
        Assert.Contains("section 13 (lagrangeG2) block 3 is not the Lagrange form of section 3 (tauG2)", e.Message);
    }

    /// <summary>
    /// The blocks are checked together (one summed equation); a swap in an ordinary block and one in tauG1's top block
    /// (checked on its own: its last source point is missing) must both fail and be named.
    /// </summary>
    [Theory]
    [InlineData(4, 5, 2)]    // block 2 of lagrangeG1: points 3..6
    [InlineData(40, 41, 5)]  // block 5, the top one at power 4: points 31..62
    public void Swapped_lagrange_g1_points_fail(int i, int j, int block)
    {
        var e = Fails("bn128_p4_final.ptau", raw => Swap(raw.Body(12), 64, i, j));
        Assert.Contains($"section 12 (lagrangeG1) block {block} is not the Lagrange form of section 2 (tauG1)", e.Message);
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Our_own_pipeline_verifies(string curve)
    {
        // new → contribute (fresh OS-random seed) → beacon → prepare phase2, all ours; then verify.
        var c = Ceremony.Curves.CurveDescriptor.FromName(curve)!;
        string p0 = _temp.File("0.ptau"), p1 = _temp.File("1.ptau"), p2 = _temp.File("2.ptau"), p3 = _temp.File("3.ptau");
        Ceremony.Operations.PowersOfTauNew.Write(c, 3, p0);
        using (var seed = new Secrets.SecretBuffer(64))
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(seed.Reveal());
            Ceremony.Operations.PowersOfTauContribute.Apply(p0, p1, seed, "mine");
        }
        Ceremony.Operations.PowersOfTauBeacon.Apply(p1, p2, [1, 2, 3], 10, "beacon");
        Ceremony.Operations.PreparePhase2.Prepare(p2, p3);
        var result = PtauVerifier.Verify(p3);
        Assert.Equal(new[] { "mine", "beacon" }, result.Contributions.Select(x => x.Name ?? "").ToArray());
        Assert.True(result.NextChallengeChecked);
        Assert.True(result.Phase2Checked);
    }
}
