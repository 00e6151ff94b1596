using System.Text;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class ChallengeContributeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static SecretBuffer FixtureSeed()
    {
        var random = new byte[64];
        Array.Fill(random, (byte)0x2a);
        return PowersOfTauContribute.SnarkjsSeed(random, Encoding.UTF8.GetBytes("deterministic entropy"));
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Challenge_contribute_is_byte_identical_to_snarkjs_with_the_same_randomness(string curve)
    {
        string response = _temp.File("response");
        using var seed = FixtureSeed();
        var result = ChallengeContribute.Apply(CurveDescriptor.FromName(curve)!, PtauFixtures.PathOf($"challenge_{curve}_p4_0002"), response, seed);
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf($"response_{curve}_p4_fixedrandom")), File.ReadAllBytes(response));
        using var stream = File.OpenRead(response);
        Assert.Equal(Ceremony.Ptau.PtauHashes.HashStream(stream), result.ResponseHash);
    }

    [Fact]
    public void The_response_imports_into_the_ptau_it_answers()
    {
        string response = _temp.File("response");
        using (var seed = FixtureSeed())
            ChallengeContribute.Apply(CurveDescriptor.Bn128, PtauFixtures.PathOf("challenge_bn128_p4_0002"), response, seed);
        var imported = ResponseImport.Import(PtauFixtures.PathOf("bn128_p4_0001.ptau"), response, _temp.File("imported.ptau"), "Mine");
        using var stream = File.OpenRead(response);
        Assert.Equal(Ceremony.Ptau.PtauHashes.HashStream(stream), imported.ResponseHash);
    }

    [Fact]
    public void A_challenge_of_the_wrong_curve_is_refused()
    {
        using var seed = FixtureSeed();
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ChallengeContribute.Apply(CurveDescriptor.Bls12381, PtauFixtures.PathOf("challenge_bn128_p4_0002"), _temp.File("r"), seed));
        Assert.Contains("bls12381 challenge file of any power", e.Message);
        Assert.Empty(_temp.Entries());
    }
}
