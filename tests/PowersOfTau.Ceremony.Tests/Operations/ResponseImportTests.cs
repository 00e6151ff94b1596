using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class ResponseImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string ResponseHashOf(string ptau, int contribution) =>
        PtauFixtures.Ptau(ptau).GetProperty("contributions")[contribution].GetProperty("responseHash").GetString()!;

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Import_is_byte_identical_to_snarkjs(string curve)
    {
        string output = _temp.File("imported.ptau");
        var result = ResponseImport.Import(PtauFixtures.PathOf($"{curve}_p4_0001.ptau"), PtauFixtures.PathOf($"response_{curve}_p4_0002"),
            output, "Imported ✓ contribution");
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_0002.ptau")), File.ReadAllBytes(output));
        Assert.Equal(ResponseHashOf($"{curve}_p4_0002.ptau", 1), Convert.ToHexStringLower(result.ResponseHash));
        Assert.Equal(["imported.ptau"], _temp.Entries());
    }

    [Fact]
    public void Import_without_points_is_byte_identical_to_snarkjs()
    {
        string output = _temp.File("nopoints.ptau");
        var result = ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_0001.ptau"), PtauFixtures.PathOf("response_bn128_p4_0002"),
            output, "No points", importPoints: false);
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_nopoints.ptau")), File.ReadAllBytes(output));
        Assert.All(result.NextChallenge, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Import_after_a_no_points_import_adopts_the_response_hash_like_snarkjs()
    {
        string output = _temp.File("after.ptau");
        ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_nopoints.ptau"), PtauFixtures.PathOf("response_bn128_p4_0002"),
            output, "After no points");
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_afternopoints.ptau")), File.ReadAllBytes(output));
    }

    [Fact]
    public void A_response_to_another_challenge_is_refused()
    {
        string output = _temp.File("x.ptau");
        var e = Assert.Throws<CeremonyFormatException>(() => ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_0000.ptau"),
            PtauFixtures.PathOf("response_bn128_p4_0002"), output, null));
        Assert.Equal(CeremonyErrorCategory.InvalidTranscript, e.Category);
        Assert.Contains("but the current challenge of", e.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void A_response_point_off_the_curve_is_refused_and_nothing_left()
    {
        var bytes = File.ReadAllBytes(PtauFixtures.PathOf("response_bn128_p4_0002"));
        // tauG2 point 3 (section 3 starts after the hash and 31 compressed G1 points): change the last byte of x.c0
        int at = 64 + 31 * 32 + 3 * 64 + 63;
        for (int delta = 1; ; delta++)
        {
            bytes[at] ^= (byte)delta;
            try
            {
                var lem = new byte[128];
                new Ceremony.Curves.ReferencePointTranscoder(Ceremony.Curves.CurveDescriptor.Bn128)
                    .CompressedToLem(Ceremony.Curves.CurveGroup.G2, bytes.AsSpan(at - 63, 64), lem);
                bytes[at] ^= (byte)delta; // still on the curve: try another change
            }
            catch (FormatException)
            {
                break;
            }
        }
        string response = _temp.Write("response", bytes);
        var e = Assert.Throws<CeremonyFormatException>(() => ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_0001.ptau"),
            response, _temp.File("x.ptau"), null));
        Assert.EndsWith("response: section 3 (tauG2) point 3: not on the curve", e.Message);
        Assert.Equal(["response"], _temp.Entries());
    }

    [Fact]
    public void A_response_of_the_wrong_size_is_refused()
    {
        var bytes = File.ReadAllBytes(PtauFixtures.PathOf("response_bn128_p4_0002"));
        string response = _temp.Write("response", bytes[..^1]);
        var e = Assert.Throws<CeremonyFormatException>(() => ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_0001.ptau"),
            response, _temp.File("x.ptau"), null));
        Assert.Equal(CeremonyErrorCategory.Unreadable, e.Category);
        Assert.Contains("response file of power 4 has 3936", e.Message);
    }

    [Fact]
    public void The_output_cannot_be_an_input()
    {
        string old = _temp.Write("old.ptau", File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0001.ptau")));
        Assert.Throws<OutputFileException>(() => ResponseImport.Import(old, PtauFixtures.PathOf("response_bn128_p4_0002"), old, null, overwrite: true));
        using var stillValid = PtauFile.Open(old);
        Assert.Single(stillValid.Contributions);
    }
}
