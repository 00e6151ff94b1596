using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Curves.Batch;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>The 8-lane subgroup checks (BLS12-381 G1/G2, BN254 G2) agree with the scalar ones on valid, off-subgroup (oracle) and identity points.</summary>
public sealed class BatchSubgroupCheckTests
{
    private static AffinePoint<TF, TCurve>[] Mix<TF, TCurve>(string group)
        where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>
    {
        var v = CurveVectors.Group(group);
        var good = v.GetProperty("points").EnumerateArray()
            .Select(e => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e.GetProperty("u")))).ToArray();
        var bad = v.GetProperty("offSubgroup").EnumerateArray()
            .Select(e => PointEncoding<TF, TCurve>.ReadUncompressed(CurveVectors.Hex(e.GetProperty("u")), checkSubgroup: false)).ToArray();
        Assert.NotEmpty(bad);
        var all = new List<AffinePoint<TF, TCurve>>();
        for (int i = 0; i < 21; i++)
            all.Add(i % 5 == 2 ? bad[i % bad.Length] : i == 9 ? AffinePoint<TF, TCurve>.Infinity : good[i % good.Length]);
        return all.ToArray();
    }

    private static void Check<TF, TCurve>(AffinePoint<TF, TCurve>[] pts, bool[] batch)
        where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>
    {
        for (int i = 0; i < pts.Length; i++)
            Assert.Equal(pts[i].IsInfinity || TCurve.IsInSubgroupVartime(pts[i]), batch[i]);
        Assert.Contains(false, batch);
        Assert.Contains(true, batch);
    }

    [Fact]
    public void Bls12381G1_batch_check_agrees_with_the_scalar_check()
    {
        var pts = Mix<Fp381, Bls12381G1>("bls12381 G1");
        var result = new bool[pts.Length];
        BatchSubgroupCheck.Bls12381G1(pts, result);
        Check(pts, result);
    }

    [Fact]
    public void Bls12381G2_batch_check_agrees_with_the_scalar_check()
    {
        var pts = Mix<Fp2<Fp381>, Bls12381G2>("bls12381 G2");
        var result = new bool[pts.Length];
        BatchSubgroupCheck.Bls12381G2(pts, result);
        Check(pts, result);
    }

    [Fact]
    public void Bn254G2_batch_check_agrees_with_the_scalar_check()
    {
        var pts = Mix<Fp2<Fp254>, Bn254G2>("bn128 G2");
        var result = new bool[pts.Length];
        BatchSubgroupCheck.Bn254G2(pts, result);
        Check(pts, result);
    }
}
