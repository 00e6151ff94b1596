using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Testing;

namespace PowersOfTau.Crypto.Tests.Fft;

/// <summary>
/// Radix2Fft over Fr254 and Fr381 against ffjavascript 0.3.1 <c>Fr.fft</c>/<c>Fr.ifft</c> and <c>Fr.w[]</c>
/// (tests/oracle/vectors/fft.json, made by tests/oracle/gen-fft-vectors.js).
/// </summary>
public class Radix2FftOracleTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("fft.json"))).RootElement;

    private static JsonElement Curve(string field) =>
        Vectors.GetProperty("curves").EnumerateArray().Single(c => c.GetProperty("field").GetString() == field);

    private static T FromDecimal<T>(string s) where T : unmanaged, IPrimeField<T>
    {
        var bytes = new byte[T.ByteLength];
        BigInteger.Parse(s).TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        Assert.True(T.TryReadCanonicalLE(bytes, out var r));
        return r;
    }

    private static string ToDecimal<T>(in T a) where T : unmanaged, IPrimeField<T>
    {
        var bytes = new byte[T.ByteLength];
        T.WriteCanonicalLE(a, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false).ToString();
    }

    private static T[] Inputs<T>(string curve, int n) where T : unmanaged, IPrimeField<T>
    {
        // x_i = int(SHA-256("fft-" + curve + "-" + n + "-" + i), big-endian) mod r, as the generator.
        var r = new BigInteger(T.ModulusLE, isUnsigned: true, isBigEndian: false);
        return Enumerable.Range(0, n).Select(i =>
        {
            var h = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"fft-{curve}-{n}-{i}"));
            return FromDecimal<T>((new BigInteger(h, isUnsigned: true, isBigEndian: true) % r).ToString());
        }).ToArray();
    }

    private static string Digest<T>(T[] values) where T : unmanaged, IPrimeField<T>
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var bytes = new byte[32];
        foreach (var v in values) { T.WriteCanonicalLE(v, bytes); sha.AppendData(bytes); }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    [Theory]
    [InlineData("Fr254")]
    [InlineData("Fr381")]
    public void Roots_EqualFfjavascriptW(string field)
    {
        if (field == "Fr254") CheckRoots<Fr254>(Curve(field)); else CheckRoots<Fr381>(Curve(field));
    }

    private static void CheckRoots<T>(JsonElement curve) where T : unmanaged, IPrimeField<T>
    {
        int s = curve.GetProperty("s").GetInt32();
        Assert.Equal(s, RootsOfUnity<T>.TwoAdicity);
        var roots = curve.GetProperty("roots").EnumerateArray().Select(e => e.GetString()!).ToArray();
        for (int k = 0; k <= s; k++) Assert.Equal(roots[k], ToDecimal(RootsOfUnity<T>.Root(k)));
        // Tampered twin: w[s] is not w[s-1].
        Assert.NotEqual(roots[s], ToDecimal(RootsOfUnity<T>.Root(s - 1)));
    }

    [Fact]
    public void Bn128_OmegaOfSpecPtau10()
    {
        Assert.Equal("19103219067921713944291392827692070036145651957329286315305642004821462161904", ToDecimal(RootsOfUnity<Fr254>.Root(28)));
        Assert.Equal("937917089079007706106976984802249742464848817460758522850752807661925904159", ToDecimal(RootsOfUnity<Fr381>.Root(32)));
    }

    public static TheoryData<string, int> Cases()
    {
        var d = new TheoryData<string, int>();
        foreach (var c in Vectors.GetProperty("curves").EnumerateArray())
            foreach (var k in c.GetProperty("cases").EnumerateArray())
                d.Add(c.GetProperty("field").GetString()!, k.GetProperty("n").GetInt32());
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndInverse_EqualFfjavascript(string field, int n)
    {
        if (field == "Fr254") Check<Fr254>(Curve(field), n); else Check<Fr381>(Curve(field), n);
    }

    private static void Check<T>(JsonElement curve, int n) where T : unmanaged, IPrimeField<T>
    {
        var c = curve.GetProperty("cases").EnumerateArray().Single(k => k.GetProperty("n").GetInt32() == n);
        string curveName = curve.GetProperty("curve").GetString()!;
        var input = Inputs<T>(curveName, n);
        if (c.TryGetProperty("input", out var listed))
            Assert.Equal(listed.EnumerateArray().Select(e => e.GetString()!), input.Select(v => ToDecimal(v)));

        var forward = (T[])input.Clone();
        Radix2Fft.Forward<T>(forward);
        Assert.Equal(c.GetProperty("fftSha256").GetString(), Digest(forward));
        if (c.TryGetProperty("fft", out var fft))
            Assert.Equal(fft.EnumerateArray().Select(e => e.GetString()!), forward.Select(v => ToDecimal(v)));

        var inverse = (T[])input.Clone();
        Radix2Fft.Inverse<T>(inverse);
        Assert.Equal(c.GetProperty("ifftSha256").GetString(), Digest(inverse));
        if (c.TryGetProperty("ifft", out var ifft))
            Assert.Equal(ifft.EnumerateArray().Select(e => e.GetString()!), inverse.Select(v => ToDecimal(v)));

        // Tampered twin: one changed input changes the transform.
        var tampered = (T[])input.Clone();
        T.Add(tampered[n - 1], T.One, out tampered[n - 1]);
        Radix2Fft.Forward<T>(tampered);
        Assert.NotEqual(c.GetProperty("fftSha256").GetString(), Digest(tampered));

        // ifft(fft(x)) = x
        Radix2Fft.Inverse<T>(forward);
        Assert.Equal(input.Select(v => ToDecimal(v)), forward.Select(v => ToDecimal(v)));
    }

    [Fact]
    public void Property_InverseOfForward_IsIdentity_Fr381()
    {
        Gen.Int[0, 9].SelectMany(log2 => Gen.Byte.Array[64].Array[1 << log2])
            .Sample(raw =>
            {
                var values = raw.Select(b => Fr381.FromLEReduce(b)).ToArray();
                var original = values.Select(v => ToDecimal(v)).ToArray();
                Radix2Fft.Forward<Fr381>(values);
                Radix2Fft.Inverse<Fr381>(values);
                return original.SequenceEqual(values.Select(v => ToDecimal(v)));
            }, iter: 50);
    }
}
