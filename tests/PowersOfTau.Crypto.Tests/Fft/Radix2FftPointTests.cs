using System.Numerics;
using System.Text.Json;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Testing;

namespace PowersOfTau.Crypto.Tests.Fft;

/// <summary>
/// The inverse FFT of curve points (snarkjs prepare phase2, spec/ptau.md §10) through
/// <see cref="JacobianPointFftGroup{TF,TCurve,TFr}"/>, against ffjavascript 0.3.1 <c>G1.ifft</c>/<c>G2.ifft</c>
/// byte for byte (affine LEM, tests/oracle/vectors/fft.json "pointCases"), and against ifft of the scalars
/// times the generator.
/// </summary>
public class Radix2FftPointTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("fft.json"))).RootElement;

    public static TheoryData<string, string, int, bool> Cases()
    {
        var d = new TheoryData<string, string, int, bool>();
        foreach (var c in Vectors.GetProperty("curves").EnumerateArray())
            foreach (var p in c.GetProperty("pointCases").EnumerateArray())
                d.Add(c.GetProperty("curve").GetString()!, p.GetProperty("group").GetString()!, p.GetProperty("n").GetInt32(), p.GetProperty("lastInfinity").GetBoolean());
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InverseOfPoints_EqualsFfjavascriptGifft(string curve, string group, int n, bool lastInfinity)
    {
        var c = Vectors.GetProperty("curves").EnumerateArray().Single(x => x.GetProperty("curve").GetString() == curve)
            .GetProperty("pointCases").EnumerateArray().Single(p =>
                p.GetProperty("group").GetString() == group && p.GetProperty("n").GetInt32() == n && p.GetProperty("lastInfinity").GetBoolean() == lastInfinity);
        switch (curve + group)
        {
            case "bn128G1": Check<Fp254, Bn254G1, Fr254>(c); break;
            case "bn128G2": Check<Fp2<Fp254>, Bn254G2, Fr254>(c); break;
            case "bls12381G1": Check<Fp381, Bls12381G1, Fr381>(c); break;
            case "bls12381G2": Check<Fp2<Fp381>, Bls12381G2, Fr381>(c); break;
            default: throw new InvalidOperationException("unknown group in fft.json");
        }
    }

    private static TFr Scalar<TFr>(string s) where TFr : unmanaged, IPrimeField<TFr>
    {
        var bytes = new byte[TFr.ByteLength];
        BigInteger.Parse(s).TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        Assert.True(TFr.TryReadCanonicalLE(bytes, out var r));
        return r;
    }

    private static JacobianPoint<TF, TCurve> Times<TF, TCurve, TFr>(in TFr k)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TFr : unmanaged, IPrimeField<TFr>
    {
        JacobianPointFftGroup<TF, TCurve, TFr>.MulByScalar(JacobianPoint<TF, TCurve>.Generator, k, out var r);
        return r;
    }

    private static string Lem<TF, TCurve>(JacobianPoint<TF, TCurve>[] points)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var affine = new AffinePoint<TF, TCurve>[points.Length];
        JacobianPoint<TF, TCurve>.BatchToAffineVartime(points, affine);
        var bytes = new byte[points.Length * PointEncoding<TF, TCurve>.LemSize];
        PointEncoding<TF, TCurve>.WriteLemMany(affine, bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static void Check<TF, TCurve, TFr>(JsonElement c)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TFr : unmanaged, IPrimeField<TFr>
    {
        var scalars = c.GetProperty("scalars").EnumerateArray().Select(e => Scalar<TFr>(e.GetString()!)).ToArray();
        var points = scalars.Select(k => Times<TF, TCurve, TFr>(k)).ToArray();
        Assert.Equal(c.GetProperty("inputLem").GetString(), Lem(points));

        var original = (JacobianPoint<TF, TCurve>[])points.Clone();
        Radix2Fft.Inverse<JacobianPoint<TF, TCurve>, TFr, JacobianPointFftGroup<TF, TCurve, TFr>>(points);
        string expected = c.GetProperty("ifftLem").GetString()!;
        Assert.Equal(expected, Lem(points));

        // Same result through the scalars: ifft(k)_i · G.
        var k = (TFr[])scalars.Clone();
        Radix2Fft.Inverse<TFr>(k);
        Assert.Equal(expected, Lem(k.Select(x => Times<TF, TCurve, TFr>(x)).ToArray()));

        // Tampered twin: swapping two inputs changes the output.
        (original[0], original[1]) = (original[1], original[0]);
        Radix2Fft.Inverse<JacobianPoint<TF, TCurve>, TFr, JacobianPointFftGroup<TF, TCurve, TFr>>(original);
        Assert.NotEqual(expected, Lem(original));
    }
}
