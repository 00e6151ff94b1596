using System.Numerics;
using PowersOfTau.Crypto.Rng;
using static PowersOfTau.Crypto.Tests.Rng.RandomVectors;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>
/// FieldSampling against ffjavascript 0.3.1 <c>F.fromRng</c> for bn128/bls12381 Fr and Fq
/// (vectors/random.json): the raw limbs are ffjavascript's returned bytes, and the element they
/// stand for is v·R⁻¹ mod p (the Montgomery quirk, checked here with BigInteger).
/// </summary>
public class FieldSamplingTests
{
    public static TheoryData<int> FieldCases()
    {
        var d = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("fields").GetArrayLength(); i++) d.Add(i);
        return d;
    }

    private static ulong[] Limbs(BigInteger x, int n)
    {
        var bytes = new byte[8 * n];
        x.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return Enumerable.Range(0, n).Select(i => BitConverter.ToUInt64(bytes, 8 * i)).ToArray();
    }

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void RawMontgomeryLimbs_MatchFfjavascriptFromRng(int index)
    {
        var v = Root.GetProperty("fields")[index];
        var p = BigInteger.Parse(v.GetProperty("modulus").GetString()!);
        int n = (int)((p.GetBitLength() + 63) / 64);
        var modulus = Limbs(p, n);
        var rInverse = BigInteger.ModPow(BigInteger.One << (64 * n), p - 2, p);

        var rng = new ChaChaRng(Words(v.GetProperty("seed")));
        var limbs = new ulong[n];
        foreach (var draw in v.GetProperty("draws").EnumerateArray())
        {
            FieldSampling.FromRngMontgomeryLimbs(ref rng, modulus, limbs);
            var bytes = limbs.SelectMany(BitConverter.GetBytes).ToArray();
            Assert.Equal(draw.GetProperty("montgomeryLE").GetString(), Convert.ToHexStringLower(bytes));

            var raw = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
            var element = BigInteger.Parse(draw.GetProperty("value").GetString()!);
            Assert.Equal(element, raw * rInverse % p);
            // Tampered twin: reading v as the plain value would be a different element.
            Assert.NotEqual(element, raw);
        }
        // The same number of words (so the same rejections) was consumed.
        Assert.Equal(v.GetProperty("nextU32After").GetUInt32(), rng.NextUInt32());
    }

    [Fact]
    public void Rejection_IsExercised_ByTheVectors()
    {
        // Acceptance is about 0.76 (bn128 Fr, 254-bit mask) to 0.9; at least one vector case must have rejected a draw,
        // i.e. consumed more than 2·n64 words per draw, for the nextU32After checks above to pin the rejection path.
        int casesWithRejections = 0;
        foreach (var v in Root.GetProperty("fields").EnumerateArray())
        {
            var p = BigInteger.Parse(v.GetProperty("modulus").GetString()!);
            int wordsPerDraw = 2 * (int)((p.GetBitLength() + 63) / 64);
            var rng = new ChaChaRng(Words(v.GetProperty("seed")));
            int consumed = 1;
            for (var w = v.GetProperty("nextU32After").GetUInt32(); rng.NextUInt32() != w; consumed++) { }
            if (consumed - 1 > wordsPerDraw * v.GetProperty("draws").GetArrayLength()) casesWithRejections++;
        }
        Assert.True(casesWithRejections >= 2, $"only {casesWithRejections} cases rejected a draw");
    }

    [Fact]
    public void BadModulus_Throws()
    {
        var rng = new ChaChaRng(new uint[8]);
        Assert.Throws<ArgumentException>(() => FieldSampling.FromRngMontgomeryLimbs(ref rng, new ulong[] { 5, 0 }, new ulong[2]));
        Assert.Throws<ArgumentException>(() => FieldSampling.FromRngMontgomeryLimbs(ref rng, new ulong[] { 5 }, new ulong[2]));
    }
}
