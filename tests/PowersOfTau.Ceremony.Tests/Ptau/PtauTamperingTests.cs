using System.Buffers.Binary;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Ptau;

/// <summary>
/// Tampered twins of valid snarkjs files: each is rejected with the right category and a one-line message
/// naming the file and the section. The untampered twin (<see cref="The_untampered_rebuild_opens"/>) shows the
/// rebuild itself is faithful.
/// </summary>
public sealed class PtauTamperingTests : IDisposable
{
    private const string FileName = "tampered.ptau";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Fixture(string name = "bn128_p4_beacon.ptau") => File.ReadAllBytes(PtauFixtures.PathOf(name));

    private CeremonyFormatException Reject(byte[] bytes, CeremonyErrorCategory category, params string[] fragments)
    {
        string path = _temp.Write(FileName, bytes);
        var e = Assert.Throws<CeremonyFormatException>(() => PtauFile.Open(path, FileName).Dispose());
        Assert.Equal(category, e.Category);
        Assert.Equal(category == CeremonyErrorCategory.Unreadable ? 2 : 1, e.ExitCode);
        Assert.StartsWith(FileName + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        foreach (var fragment in fragments) Assert.Contains(fragment, e.Message);
        return e;
    }

    [Theory]
    [InlineData("bn128_p4_beacon.ptau")]
    [InlineData("bls12381_p4_final.ptau")]
    [InlineData("bn128_p4_nopoints.ptau")]
    public void The_untampered_rebuild_opens(string name)
    {
        var bytes = Fixture(name);
        Assert.Equal(bytes, RawBinfile.Split(bytes).Build());
        using var ptau = PtauFile.Open(_temp.Write(FileName, RawBinfile.Split(bytes).Build()));
        Assert.NotEmpty(ptau.Contributions);
    }

    [Fact]
    public void Truncated_file() =>
        Reject(Fixture()[..^10], CeremonyErrorCategory.Unreadable, "section 7 (contributions)", "past the end");

    [Fact]
    public void Truncated_inside_the_section_table() =>
        Reject(Fixture()[..100], CeremonyErrorCategory.Unreadable, "section 2 (tauG1)", "past the end");

    [Fact]
    public void Shorter_than_the_container_header() =>
        Reject(Fixture()[..8], CeremonyErrorCategory.Unreadable, "too short");

    [Fact]
    public void Wrong_magic()
    {
        var bytes = Fixture();
        "zkey"u8.CopyTo(bytes);
        Reject(bytes, CeremonyErrorCategory.Unreadable, "not a .ptau file", "\"zkey\"");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    public void Wrong_version(uint version)
    {
        var bytes = Fixture();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), version);
        Reject(bytes, CeremonyErrorCategory.Unreadable, $"version {version}");
    }

    [Fact]
    public void Section_table_pointing_past_the_end()
    {
        var bytes = Fixture();
        // Section 7's size field is the last one; make it claim more than the file holds.
        var raw = RawBinfile.Split(bytes);
        int sizeField = bytes.Length - raw.Body(7).Length - 8;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(sizeField), (ulong)raw.Body(7).Length + 1);
        Reject(bytes, CeremonyErrorCategory.Unreadable, "section 7 (contributions)", "past the end");
    }

    [Fact]
    public void Section_with_a_point_missing()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Replace(2, raw.Body(2)[..^64]);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 2 (tauG1) holds 30 points, the header says 31");
    }

    [Fact]
    public void Section_not_a_whole_number_of_points()
    {
        var raw = RawBinfile.Split(Fixture("bls12381_p4_0000.ptau"));
        raw.Replace(3, raw.Body(3)[..^5]);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 3 (tauG2) holds 3067 bytes", "192-byte points", "the header says 16");
    }

    [Fact]
    public void Header_power_disagreeing_with_the_sections()
    {
        var raw = RawBinfile.Split(Fixture());
        BinaryPrimitives.WriteUInt32LittleEndian(raw.Body(1).AsSpan(36), 3);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 2 (tauG1) holds 31 points, the header says 15");
    }

    [Fact]
    public void Power_above_ceremony_power()
    {
        var raw = RawBinfile.Split(Fixture());
        BinaryPrimitives.WriteUInt32LittleEndian(raw.Body(1).AsSpan(40), 3);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 1 (header)", "power 4 is larger than ceremonyPower 3");
    }

    [Fact]
    public void Phase2_section_with_a_wrong_size()
    {
        var raw = RawBinfile.Split(Fixture("bn128_p4_final.ptau"));
        raw.Replace(13, raw.Body(13)[..^128]);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 13 (lagrangeG2) holds 30 points, the header says 31");
    }

    [Fact]
    public void Duplicate_section()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Sections.Add((6, raw.Body(6)));
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 6 (betaG2) appears 2 times");
    }

    [Fact]
    public void Missing_contributions_section()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Sections.RemoveAll(s => s.Id == 7);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 7 (contributions) is missing");
    }

    [Fact]
    public void Missing_one_point_section()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Sections.RemoveAll(s => s.Id == 6);
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "section 6 (betaG2) is missing");
    }

    [Fact]
    public void Unknown_section_id()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Sections.Add((9, [1, 2, 3]));
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 9 is not a .ptau section");
    }

    [Fact]
    public void Declared_section_count_larger_than_the_table()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.DeclaredOverride = 8;
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "declares 8 sections", "section header 8");
    }

    [Fact]
    public void Bytes_after_the_last_declared_section()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.DeclaredOverride = 6;
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "follow the last of the 6 declared sections");
    }

    [Fact]
    public void Unknown_curve_q()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Body(1)[4] ^= 0x01; // q's least significant byte
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 1 (header)",
            "q = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46", "neither bn128 nor bls12381");
    }

    [Fact]
    public void Bn128_q_in_a_48_byte_field()
    {
        var raw = RawBinfile.Split(Fixture());
        var header = raw.Body(1);
        var widened = new byte[60];
        BinaryPrimitives.WriteUInt32LittleEndian(widened, 48);
        header.AsSpan(4, 32).CopyTo(widened.AsSpan(4));
        header.AsSpan(36, 8).CopyTo(widened.AsSpan(52));
        raw.Replace(1, widened);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 1 (header)", "neither bn128 nor bls12381");
    }

    [Fact]
    public void Header_of_the_wrong_size()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Replace(1, [.. raw.Body(1), 0]);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 1 (header) is 45 bytes, expected 44");
    }

    [Fact]
    public void Unknown_n8q()
    {
        var raw = RawBinfile.Split(Fixture());
        BinaryPrimitives.WriteUInt32LittleEndian(raw.Body(1), 33);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 1 (header)", "n8q = 33");
    }

    /// <summary>The beacon's params: 01 0c "Final Beacon" 02 0a 03 20 &lt;32 bytes&gt; (spec/ptau.md §4).</summary>
    private static (RawBinfile Raw, byte[] Contributions, int ParamsAt) BeaconParams()
    {
        var raw = RawBinfile.Split(Fixture());
        var body = raw.Body(7);
        byte[] expected = [1, 12, .. "Final Beacon"u8, 2, 10, 3, 32];
        int at = body.AsSpan().IndexOf(expected);
        Assert.True(at > 0);
        Assert.Equal(body.Length - 12 - 2 - 2 - 2 - 32, at); // the very end of section 7
        return (raw, body, at);
    }

    [Fact]
    public void Unknown_contribution_param_tag()
    {
        var (raw, body, at) = BeaconParams();
        body[at + 14 + 2] = 4; // the beacon-hash tag becomes 4
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 7 (contributions)", "contribution 3", "parameter tag 4");
    }

    [Fact]
    public void Unsorted_contribution_param_tags()
    {
        var (raw, body, at) = BeaconParams();
        // Move numIterationsExp (02 0a) before the name: same length, tags 2, 1, 3.
        byte[] reordered = [2, 10, 1, 12, .. "Final Beacon"u8];
        reordered.CopyTo(body, at);
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "section 7 (contributions)", "contribution 3", "tag 1 after tag 2");
    }

    [Fact]
    public void Repeated_contribution_param_tag()
    {
        var (raw, body, at) = BeaconParams();
        body[at + 14] = 1; // 01 .. 01 0a: the name tag twice
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "contribution 3", "tag 1 after tag 1");
    }

    [Fact]
    public void Param_value_running_past_params_length()
    {
        var (raw, body, at) = BeaconParams();
        body[at + 14 + 3] = 33; // beacon hash claims 33 bytes, 32 remain
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "contribution 3", "parameter 3 runs past paramsLength");
    }

    [Fact]
    public void Contribution_type_other_than_normal_or_beacon()
    {
        var (raw, body, at) = BeaconParams();
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at - 8), 2);
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "contribution 3 has type 2");
    }

    [Fact]
    public void More_contributions_declared_than_the_section_holds()
    {
        var raw = RawBinfile.Split(Fixture());
        BinaryPrimitives.WriteUInt32LittleEndian(raw.Body(7), 4);
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "section 7 (contributions) declares 4 contributions");
    }

    [Fact]
    public void Bytes_after_the_last_contribution()
    {
        var raw = RawBinfile.Split(Fixture());
        raw.Replace(7, [.. raw.Body(7), 0, 0]);
        Reject(raw.Build(), CeremonyErrorCategory.InvalidTranscript, "section 7 (contributions): 2 bytes follow the 3 contributions");
    }

    [Fact]
    public void Params_length_past_the_end_of_the_section()
    {
        var (raw, body, at) = BeaconParams();
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at - 4), 1000);
        Reject(raw.Build(), CeremonyErrorCategory.Unreadable, "section 7 (contributions): contribution 3 ends inside its params");
    }

    [Fact]
    public void Missing_file_is_unreadable() =>
        Assert.Equal(CeremonyErrorCategory.Unreadable,
            Assert.Throws<CeremonyFormatException>(() => PtauFile.Open(_temp.File("absent.ptau"))).Category);
}
