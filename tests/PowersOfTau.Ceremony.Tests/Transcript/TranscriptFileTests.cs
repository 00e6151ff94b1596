using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Transcript;

namespace PowersOfTau.Ceremony.Tests.Transcript;

public sealed class TranscriptFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static CurveDescriptor CurveOf(string name) => name.Contains("bn128") ? CurveDescriptor.Bn128 : CurveDescriptor.Bls12381;

    public static TheoryData<string, TranscriptFileKind> Files() => new()
    {
        { "challenge_bn128_p4_0000", TranscriptFileKind.Challenge },
        { "challenge_bn128_p4_0002", TranscriptFileKind.Challenge },
        { "challenge_bls12381_p4_0000", TranscriptFileKind.Challenge },
        { "challenge_bls12381_p4_0002", TranscriptFileKind.Challenge },
        { "response_bn128_p4_0002", TranscriptFileKind.Response },
        { "response_bls12381_p4_0002", TranscriptFileKind.Response },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Sizes_follow_the_spec_formula_and_the_power_is_inferred(string name, TranscriptFileKind kind)
    {
        var curve = CurveOf(name);
        long n = 16, g1 = 2 * curve.N8q, g2 = 4 * curve.N8q;
        long expected = kind == TranscriptFileKind.Challenge
            ? 64 + (2 * n - 1) * g1 + n * g2 + 2 * n * g1 + g2                                      // spec/ptau.md §9
            : 64 + (2 * n - 1) * (g1 / 2) + n * (g2 / 2) + 2 * n * (g1 / 2) + g2 / 2 + 6 * g1 + 3 * g2;
        Assert.Equal(expected, PtauFixtures.Index.GetProperty("other").GetProperty(name).GetProperty("size").GetInt64());

        using var file = TranscriptFile.Open(PtauFixtures.PathOf(name), kind, curve);
        Assert.Equal(4, file.Layout.Power);
        Assert.Equal(expected, file.Layout.FileSize);
        Assert.Equal(expected, TranscriptLayout.For(kind, curve, 4).FileSize);
    }

    [Fact]
    public void A_challenge_starts_with_the_last_response_hash()
    {
        // challenge_0002 was exported from _0001.ptau: its first 64 bytes are contribution 1's responseHash
        // as snarkjs computed it (vectors/ptau-fixtures.json); challenge_0000 starts with H("").
        foreach (var curve in new[] { "bn128", "bls12381" })
        {
            string responseHash = PtauFixtures.Ptau($"{curve}_p4_0001.ptau").GetProperty("contributions")[0].GetProperty("responseHash").GetString()!;
            using var exported = TranscriptFile.Open(PtauFixtures.PathOf($"challenge_{curve}_p4_0002"), TranscriptFileKind.Challenge, CurveOf(curve), 4);
            Assert.Equal(responseHash, Convert.ToHexStringLower(exported.LeadingHash));
            using var first = TranscriptFile.Open(PtauFixtures.PathOf($"challenge_{curve}_p4_0000"), TranscriptFileKind.Challenge, CurveOf(curve), 4);
            Assert.StartsWith("786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419", Convert.ToHexStringLower(first.LeadingHash));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Copying_through_the_writer_gives_the_same_bytes(string name, TranscriptFileKind kind)
    {
        string output = _temp.File("copy");
        using (var source = TranscriptFile.Open(PtauFixtures.PathOf(name), kind, CurveOf(name)))
        {
            AtomicFileWriter.Write(output, stream =>
            {
                var writer = new TranscriptFileWriter(stream, source.Layout);
                writer.WriteLeadingHash(source.LeadingHash);
                foreach (int id in PtauSections.PointSectionIds)
                {
                    using var section = source.OpenSection(id);
                    section.CopyTo(writer.BeginSection(id));
                    writer.EndSection();
                }
                if (kind == TranscriptFileKind.Response) writer.WritePublicKey(source.ReadPublicKey());
                writer.Complete();
            });
        }
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf(name)), File.ReadAllBytes(output));
    }

    [Fact]
    public void The_writer_refuses_sections_out_of_order_and_short_sections()
    {
        var layout = TranscriptLayout.For(TranscriptFileKind.Challenge, CurveDescriptor.Bn128, 1);
        var writer = new TranscriptFileWriter(new MemoryStream(), layout);
        Assert.Throws<InvalidOperationException>(() => writer.BeginSection(PtauSections.TauG1));
        writer.WriteLeadingHash(new byte[64]);
        Assert.Throws<InvalidOperationException>(() => writer.BeginSection(PtauSections.TauG2));
        writer.BeginSection(PtauSections.TauG1).Write(new byte[3 * 64 - 1]);
        Assert.Throws<InvalidOperationException>(writer.EndSection);
    }

    [Fact]
    public void A_response_public_key_is_the_tail_of_the_file()
    {
        var bytes = File.ReadAllBytes(PtauFixtures.PathOf("response_bn128_p4_0002"));
        using var response = TranscriptFile.Open(PtauFixtures.PathOf("response_bn128_p4_0002"), TranscriptFileKind.Response, CurveDescriptor.Bn128, 4);
        Assert.Equal(bytes[^768..], response.ReadPublicKey().ToBytes());
        Assert.Equal(bytes[..64], response.LeadingHash);
        Assert.Throws<InvalidOperationException>(() =>
        {
            using var challenge = TranscriptFile.Open(PtauFixtures.PathOf("challenge_bn128_p4_0002"), TranscriptFileKind.Challenge, CurveDescriptor.Bn128);
            challenge.ReadPublicKey();
        });
    }

    [Fact]
    public void A_truncated_challenge_is_rejected()
    {
        var bytes = File.ReadAllBytes(PtauFixtures.PathOf("challenge_bn128_p4_0002"));
        string path = _temp.Write("short", bytes[..^1]);
        var inferred = Assert.Throws<CeremonyFormatException>(() => TranscriptFile.Open(path, TranscriptFileKind.Challenge, CurveDescriptor.Bn128, null, "short"));
        Assert.Equal("short: 6271 bytes is not the size of a bn128 challenge file of any power; wrong curve or truncated?", inferred.Message);
        Assert.Equal(2, inferred.ExitCode);
        var given = Assert.Throws<CeremonyFormatException>(() => TranscriptFile.Open(path, TranscriptFileKind.Challenge, CurveDescriptor.Bn128, 4, "short"));
        Assert.Equal("short: the file has 6271 bytes; a bn128 challenge file of power 4 has 6272", given.Message);
    }

    [Fact]
    public void A_challenge_of_the_other_curve_is_rejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            TranscriptFile.Open(PtauFixtures.PathOf("challenge_bn128_p4_0002"), TranscriptFileKind.Challenge, CurveDescriptor.Bls12381));
        Assert.Contains("bls12381 challenge file of any power", e.Message);
    }

    [Fact]
    public void A_response_of_the_wrong_power_is_rejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            TranscriptFile.Open(PtauFixtures.PathOf("response_bn128_p4_0002"), TranscriptFileKind.Response, CurveDescriptor.Bn128, 3));
        Assert.Contains("response file of power 3", e.Message);
    }
}
