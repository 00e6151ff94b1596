using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Rng;
using static PowersOfTau.Crypto.Tests.Rng.RandomVectors;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>
/// F2.fromRng, G1/G2.fromRng (ffjavascript 0.3.1) and hashToG2 (snarkjs 0.7.6 keypair.js) through
/// ChaChaRng, compared as affine LEM bytes (vectors/random.json "fp2", "points", "hashToG2").
/// </summary>
public class PointFromRngTests
{
    private static string Lem<TF, TCurve>(in JacobianPoint<TF, TCurve> p)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var bytes = new byte[PointEncoding<TF, TCurve>.LemSize];
        PointEncoding<TF, TCurve>.WriteLem(p.ToAffineVartime(), bytes);
        return Convert.ToHexStringLower(bytes);
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Fp2FromRng_IsC0ThenC1_AsFfjavascript(string curve)
    {
        var v = Root.GetProperty("fp2").EnumerateArray().Single(e => e.GetProperty("curve").GetString() == curve);
        if (curve == "bn128") CheckFp2<Fp254>(v); else CheckFp2<Fp381>(v);
    }

    private static void CheckFp2<TFp>(System.Text.Json.JsonElement v) where TFp : unmanaged, IPrimeField<TFp>
    {
        var rng = new ChaChaRng(Words(v.GetProperty("seed")));
        var bytes = new byte[Fp2<TFp>.ByteLength];
        foreach (var expected in v.GetProperty("montgomeryLE").EnumerateArray())
        {
            FieldSampling.FromRng(ref rng, out Fp2<TFp> x);
            Fp2<TFp>.WriteMontgomeryLE(x, bytes);
            Assert.Equal(expected.GetString(), Convert.ToHexStringLower(bytes));
            // Tampered twin: c1 first would not match.
            var swapped = bytes[TFp.ByteLength..].Concat(bytes[..TFp.ByteLength]).ToArray();
            Assert.NotEqual(expected.GetString(), Convert.ToHexStringLower(swapped));
        }
        Assert.Equal(v.GetProperty("nextU32After").GetUInt32(), rng.NextUInt32());
    }

    public static TheoryData<string, string> PointCases()
    {
        var d = new TheoryData<string, string>();
        foreach (var p in Root.GetProperty("points").EnumerateArray()) d.Add(p.GetProperty("curve").GetString()!, p.GetProperty("group").GetString()!);
        return d;
    }

    [Theory]
    [MemberData(nameof(PointCases))]
    public void GFromRng_MatchesFfjavascript(string curve, string group)
    {
        var v = Root.GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("curve").GetString() == curve && p.GetProperty("group").GetString() == group);
        var rng = new ChaChaRng(Words(v.GetProperty("seed")));
        var expected = v.GetProperty("lem").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var actual = expected.Select(_ => (curve + group) switch
        {
            "bn128G1" => Lem(PointFromRng.G1FromRng<Fp254, Bn254G1>(ref rng)),
            "bn128G2" => Lem(PointFromRng.G2FromRng<Fp254, Bn254G2>(ref rng)),
            "bls12381G1" => Lem(PointFromRng.G1FromRng<Fp381, Bls12381G1>(ref rng)),
            "bls12381G2" => Lem(PointFromRng.G2FromRng<Fp381, Bls12381G2>(ref rng)),
            _ => throw new InvalidOperationException("unknown group"),
        }).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(v.GetProperty("nextU32After").GetUInt32(), rng.NextUInt32());
        // Tampered twin: draws are distinct points (a stuck generator would repeat).
        Assert.Equal(expected.Length, expected.Distinct().Count());
    }

    [Fact]
    public void HashToG2_MatchesSnarkjsKeypair()
    {
        foreach (var v in Root.GetProperty("hashToG2").EnumerateArray())
        {
            var hash = Convert.FromHexString(v.GetProperty("hash").GetString()!);
            string expected = v.GetProperty("lem").GetString()!;
            string actual = v.GetProperty("curve").GetString() == "bn128"
                ? Lem(PointFromRng.HashToG2<Fp254, Bn254G2>(hash))
                : Lem(PointFromRng.HashToG2<Fp381, Bls12381G2>(hash));
            Assert.Equal(expected, actual);
            // Tampered twin: a hash differing only in byte 31 (still in the seed) gives another point.
            hash[31] ^= 1;
            string tampered = v.GetProperty("curve").GetString() == "bn128"
                ? Lem(PointFromRng.HashToG2<Fp254, Bn254G2>(hash))
                : Lem(PointFromRng.HashToG2<Fp381, Bls12381G2>(hash));
            Assert.NotEqual(expected, tampered);
        }
        Assert.Throws<ArgumentException>(() => PointFromRng.HashToG2<Fp254, Bn254G2>(new byte[31]));
    }
}
