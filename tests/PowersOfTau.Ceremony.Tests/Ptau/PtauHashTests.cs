using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Transcript;

namespace PowersOfTau.Ceremony.Tests.Ptau;

/// <summary>
/// The hash chain of spec/ptau.md §5 recomputed over snarkjs's files and compared with what snarkjs printed
/// (fixture logs) or computed with its own readers (vectors/ptau-fixtures.json).
/// </summary>
public sealed class PtauHashTests
{
    public static TheoryData<string> Curves() => new() { "bn128", "bls12381" };

    private static CurveDescriptor CurveOf(string name) => name.StartsWith("bn128", StringComparison.Ordinal) ? CurveDescriptor.Bn128 : CurveDescriptor.Bls12381;

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] HashFile(string name)
    {
        using var stream = File.OpenRead(PtauFixtures.PathOf(name));
        return PtauHashes.HashStream(stream);
    }

    [Fact]
    public void The_empty_hash_is_blake2b_512_of_nothing() =>
        Assert.Equal(SnarkjsLog.FirstHashAfter("bn128_p4.log", "Blank Contribution Hash:"), Hex(PtauHashes.Empty()));

    [Theory]
    [MemberData(nameof(Curves))]
    public void The_first_challenge_is_what_snarkjs_new_printed_and_the_hash_of_the_first_challenge_file(string curve)
    {
        string printed = SnarkjsLog.FirstHashAfter($"{curve}_p4.log", "First Contribution Hash:");
        Assert.Equal(printed, Hex(PtauHashes.FirstChallenge(CurveOf(curve), 4)));
        Assert.Equal(printed, Hex(HashFile($"challenge_{curve}_p4_0000")));
        Assert.NotEqual(printed, Hex(PtauHashes.FirstChallenge(CurveOf(curve), 3)));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Generator_constants_match_the_snarkjs_files(string curve)
    {
        var c = CurveOf(curve);
        using var ptau = PtauFile.Open(PtauFixtures.PathOf($"{curve}_p4_0000.ptau"));
        var g1 = new byte[c.G1Size];
        var g2 = new byte[c.G2Size];
        ptau.ReadPoints(PtauSections.TauG1, 0, g1);
        ptau.ReadPoints(PtauSections.BetaG2, 0, g2);
        Assert.Equal(g1, c.G1GeneratorLem.ToArray());
        Assert.Equal(g2, c.G2GeneratorLem.ToArray());

        using var challenge = TranscriptFile.Open(PtauFixtures.PathOf($"challenge_{curve}_p4_0000"), TranscriptFileKind.Challenge, c, 4);
        challenge.ReadPoints(PtauSections.TauG1, 0, g1);
        challenge.ReadPoints(PtauSections.BetaG2, 0, g2);
        Assert.Equal(g1, c.G1GeneratorUncompressed.ToArray());
        Assert.Equal(g2, c.G2GeneratorUncompressed.ToArray());
    }

    public static TheoryData<string> FilesWithContributions()
    {
        var data = new TheoryData<string>();
        foreach (var name in PtauFixtures.PtauNames)
            if (PtauFixtures.Ptau(name).GetProperty("contributions").GetArrayLength() > 0) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FilesWithContributions))]
    public void Response_hashes_from_partialHash_and_public_key_match_snarkjs(string name)
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf(name));
        var transcoder = new ReferencePointTranscoder(ptau.Header.Curve);
        var expected = PtauFixtures.Ptau(name).GetProperty("contributions").EnumerateArray()
            .Select(c => c.GetProperty("responseHash").GetString()).ToArray();
        Assert.Equal(expected, ptau.Contributions.Select(c => Hex(PtauHashes.ResponseHash(c, transcoder, ptau.Header.CeremonyPower))).ToArray());
    }

    [Theory]
    [MemberData(nameof(FilesWithContributions))]
    public void The_last_next_challenge_hashes_the_response_hash_and_the_points(string name)
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf(name));
        if (!ptau.HasPointSections || ptau.Header.Power != ptau.Header.CeremonyPower)
        {
            // --nopoints stores the 64 x 0xFF marker; truncated files keep the ceremony's hash (spec/ptau.md §7, §9).
            Assert.True(ptau.Contributions[^1].HasNoPointsMarker || ptau.Header.Power < ptau.Header.CeremonyPower);
            return;
        }
        var transcoder = new ReferencePointTranscoder(ptau.Header.Curve);
        var last = ptau.Contributions[^1];
        var next = PtauHashes.HashUncompressedPoints(PtauHashes.ResponseHash(last, transcoder, ptau.Header.CeremonyPower), ptau, transcoder);
        Assert.Equal(Hex(last.NextChallenge), Hex(next));

        // Tampered twin: the same points after another response hash give another challenge.
        var other = PtauHashes.HashUncompressedPoints(new byte[64], ptau, transcoder);
        Assert.NotEqual(Hex(last.NextChallenge), Hex(other));
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Challenge_and_response_files_chain_like_zcash(string curve)
    {
        var c = CurveOf(curve);
        using var first = PtauFile.Open(PtauFixtures.PathOf($"{curve}_p4_0001.ptau"));
        using var imported = PtauFile.Open(PtauFixtures.PathOf($"{curve}_p4_0002.ptau"));
        var transcoder = new ReferencePointTranscoder(c);

        // H(challenge) = nextChallenge of the contribution it was exported after.
        byte[] challengeHash = HashFile($"challenge_{curve}_p4_0002");
        Assert.Equal(Hex(first.Contributions[^1].NextChallenge), Hex(challengeHash));

        // The response starts with H(challenge), H(response) = responseHash of the imported contribution,
        // and its public key is the imported one, uncompressed.
        using var response = TranscriptFile.Open(PtauFixtures.PathOf($"response_{curve}_p4_0002"), TranscriptFileKind.Response, c, 4);
        Assert.Equal(challengeHash, response.LeadingHash);
        var importedContribution = imported.Contributions[^1];
        Assert.Equal(Hex(PtauHashes.ResponseHash(importedContribution, transcoder, 4)), Hex(HashFile($"response_{curve}_p4_0002")));
        Assert.Equal(PtauHashes.UncompressedPublicKey(importedContribution.PublicKey, transcoder), response.ReadPublicKey().ToBytes());
    }

    [Fact]
    public void A_partial_hash_for_another_ceremony_size_is_refused()
    {
        using var ptau = PtauFile.Open(PtauFixtures.PathOf("bn128_p4_0001.ptau"));
        var transcoder = new ReferencePointTranscoder(ptau.Header.Curve);
        Assert.Equal(64 + 31 * 32 + 16 * 64 + 2 * 16 * 32 + 64, PtauHashes.ResponseHashedBytes(ptau.Header.Curve, 4));
        Assert.Throws<Crypto.Hashing.InvalidPartialHashException>(() => PtauHashes.ResponseHash(ptau.Contributions[0], transcoder, 5));
    }
}
