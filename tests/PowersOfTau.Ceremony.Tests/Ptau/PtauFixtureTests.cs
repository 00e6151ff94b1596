using System.Text.Json;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Ptau;

/// <summary>
/// Every .ptau written by snarkjs 0.7.6 parses to what snarkjs's own readers report
/// (vectors/ptau-fixtures.json), and writing the parsed model back gives the same bytes.
/// </summary>
public sealed class PtauFixtureTests
{
    public static TheoryData<string> Fixtures => PtauFixtures.AllPtau();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parses_like_snarkjs(string name)
    {
        var expected = PtauFixtures.Ptau(name);
        using var ptau = PtauFile.Open(PtauFixtures.PathOf(name), name);

        Assert.Equal(expected.GetProperty("curve").GetString(), ptau.Header.Curve.Name);
        Assert.Equal(expected.GetProperty("power").GetInt32(), ptau.Header.Power);
        Assert.Equal(expected.GetProperty("ceremonyPower").GetInt32(), ptau.Header.CeremonyPower);
        Assert.Equal(expected.GetProperty("declaredSections").GetUInt32(), ptau.DeclaredSectionCount);
        Assert.Equal(expected.GetProperty("size").GetInt64(), ptau.Container.Length);

        var table = expected.GetProperty("sections").EnumerateArray()
            .Select(s => (s.GetProperty("id").GetInt32(), s.GetProperty("offset").GetInt64(), s.GetProperty("size").GetInt64()))
            .ToArray();
        Assert.Equal(table, ptau.Container.SectionsInFileOrder.Select(s => (s.Id, s.Offset, s.Size)).ToArray());

        var contributions = expected.GetProperty("contributions").EnumerateArray().ToArray();
        Assert.Equal(contributions.Length, ptau.Contributions.Count);
        for (int i = 0; i < contributions.Length; i++)
        {
            var e = contributions[i];
            var c = ptau.Contributions[i];
            Assert.Equal(e.GetProperty("type").GetUInt32(), (uint)c.Type);
            Assert.Equal(NullableString(e, "name"), c.Params.Name);
            Assert.Equal(e.GetProperty("numIterationsExp").ValueKind == JsonValueKind.Null ? null : e.GetProperty("numIterationsExp").GetByte(),
                c.Params.NumIterationsExp);
            Assert.Equal(NullableString(e, "beaconHash"), c.Params.BeaconHash is null ? null : Convert.ToHexStringLower(c.Params.BeaconHash));
            Assert.Equal(e.GetProperty("partialHash").GetString(), Convert.ToHexStringLower(c.PartialHash));
            Assert.Equal(e.GetProperty("nextChallenge").GetString(), Convert.ToHexStringLower(c.NextChallenge));
        }

        bool hasPoints = table.Any(s => s.Item1 == PtauSections.TauG1);
        bool hasPhase2 = table.Any(s => s.Item1 == PtauSections.LagrangeG1);
        Assert.Equal(hasPoints, ptau.HasPointSections);
        Assert.Equal(hasPhase2, ptau.HasPhase2Sections);
    }

    private static string? NullableString(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetString();

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Writing_the_parsed_file_back_gives_the_same_bytes(string name)
    {
        using var temp = new TempDirectory();
        string output = temp.File("copy.ptau");
        using (var source = PtauFile.Open(PtauFixtures.PathOf(name), name))
        {
            AtomicFileWriter.Write(output, stream =>
            {
                var writer = new PtauFileWriter(stream, source.Header, source.DeclaredSectionCount);
                foreach (int id in source.Container.SectionsInFileOrder.Select(s => s.Id).Where(id => id != PtauSections.Header))
                {
                    if (id == PtauSections.Contributions) writer.WriteContributions(source.Contributions);
                    else writer.CopyPointSection(source, id);
                }
                writer.Complete();
            }, inputPaths: [PtauFixtures.PathOf(name)]);
        }
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf(name)), File.ReadAllBytes(output));
        Assert.Equal(["copy.ptau"], temp.Entries());
    }

    [Fact]
    public void A_fresh_file_has_generator_points_and_no_contributions()
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_0000.ptau"));
        Assert.Empty(ptau.Contributions);
        // spec/ptau.md §2: LEM of the bn128 G1 generator (1, 2) is (R mod q, 2R mod q); every point is equal.
        var points = new byte[31 * 64];
        ptau.ReadPoints(PtauSections.TauG1, 0, points);
        var first = points.AsSpan(0, 64).ToArray();
        for (int i = 1; i < 31; i++) Assert.Equal(first, points.AsSpan(i * 64, 64).ToArray());
        var rModQ = System.Numerics.BigInteger.Pow(2, 256) % System.Numerics.BigInteger.Parse(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583");
        Assert.Equal(rModQ, new System.Numerics.BigInteger(first.AsSpan(0, 32), isUnsigned: true));
        Assert.Equal(2 * rModQ % System.Numerics.BigInteger.Parse(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583"),
            new System.Numerics.BigInteger(first.AsSpan(32, 32), isUnsigned: true));
    }

    [Fact]
    public void Contribution_records_hold_the_points_of_the_sections()
    {
        // spec/ptau.md §4: tauG1 = 2nd point of section 2, alphaG1 = 1st of 4, betaG2 = section 6.
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bls12381_p4_beacon.ptau"));
        var last = ptau.Contributions[^1];
        var curve = ptau.Header.Curve;
        var tauG1 = new byte[curve.G1Size];
        ptau.ReadPoints(PtauSections.TauG1, 1, tauG1);
        var alphaG1 = new byte[curve.G1Size];
        ptau.ReadPoints(PtauSections.AlphaTauG1, 0, alphaG1);
        var betaG2 = new byte[curve.G2Size];
        ptau.ReadPoints(PtauSections.BetaG2, 0, betaG2);
        Assert.Equal(last.TauG1, tauG1);
        Assert.Equal(last.AlphaG1, alphaG1);
        Assert.Equal(last.BetaG2, betaG2);
        Assert.NotEqual(ptau.Contributions[0].TauG1, tauG1);
    }

    [Fact]
    public void Import_without_points_declares_two_sections_and_carries_the_marker()
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_nopoints.ptau"));
        Assert.Equal(2u, ptau.DeclaredSectionCount);
        Assert.False(ptau.HasPointSections);
        Assert.True(ptau.Contributions[^1].HasNoPointsMarker);
        Assert.False(ptau.Contributions[0].HasNoPointsMarker);
    }

    [Fact]
    public void Contribution_sizes_match_the_spec()
    {
        // spec/ptau.md §4: 1504 (bn128) / 2112 (bls12381) bytes plus params.
        Assert.Equal(1504, PtauContribution.FixedSize(Ceremony.Curves.CurveDescriptor.Bn128));
        Assert.Equal(2112, PtauContribution.FixedSize(Ceremony.Curves.CurveDescriptor.Bls12381));
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_0001.ptau"));
        // "First contribution" = 18 bytes: params = 01 12 + 18 bytes.
        Assert.Equal(4 + 1504 + 20, ptau.Section(PtauSections.Contributions).Size);
    }
}
