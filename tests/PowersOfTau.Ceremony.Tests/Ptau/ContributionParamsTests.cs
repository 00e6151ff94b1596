using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Ptau;

public sealed class ContributionParamsTests
{
    public static TheoryData<string, string> Names()
    {
        // Expected bytes from JS: new TextEncoder().encode(name.substring(0, 64)) (vectors/ptau-fixtures.json).
        var data = new TheoryData<string, string>();
        foreach (var n in PtauFixtures.Index.GetProperty("names").EnumerateArray())
            data.Add(n.GetProperty("name").GetString()!, n.GetProperty("stored").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_are_cut_and_encoded_like_snarkjs(string name, string storedHex)
    {
        var stored = ContributionParams.EncodeName(name);
        Assert.Equal(storedHex, stored is null ? "" : Convert.ToHexStringLower(stored));
        Assert.True(stored is null || stored.Length <= 255);
    }

    [Fact]
    public void An_empty_name_is_omitted()
    {
        Assert.Null(ContributionParams.EncodeName(""));
        Assert.Equal(0, ContributionParams.ForContribution("").EncodedLength);
    }

    [Fact]
    public void The_long_name_fixture_stores_the_first_64_code_units()
    {
        const string given = "A name of more than sixty-four UTF-16 code units: ééééé ✓✓✓ 😀😀 the end is cut";
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_longname.ptau"));
        var stored = ptau.Contributions.Single().Params.NameUtf8!;
        Assert.Equal(ContributionParams.EncodeName(given), stored);
        Assert.Equal(given[..64], ptau.Contributions.Single().Params.Name);
    }

    [Fact]
    public void Beacon_params_are_written_in_tag_order()
    {
        var p = ContributionParams.ForBeacon("B", 10, [0xAA, 0xBB]);
        var bytes = new byte[p.EncodedLength];
        p.WriteTo(bytes);
        Assert.Equal(new byte[] { 1, 1, (byte)'B', 2, 10, 3, 2, 0xAA, 0xBB }, bytes);
        var parsed = PtauContributionsSection.ParseParams(bytes, "x.ptau", 1);
        Assert.Equal("B", parsed.Name);
        Assert.Equal((byte)10, parsed.NumIterationsExp);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, parsed.BeaconHash);
    }
}
