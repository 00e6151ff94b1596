using System.Numerics;
using CsCheck;
using PowersOfTau.Crypto.Fft;

namespace PowersOfTau.Crypto.Tests.Fft;

/// <summary>
/// The transform's shape (ordering, roots, 1/n scaling, parallel stages) against a naive O(n²) DFT with
/// BigInteger arithmetic, over the independent test field <see cref="Goldilocks"/>. The ffjavascript
/// vectors for the real scalar fields are in Radix2FftOracleTests.
/// </summary>
public class Radix2FftGoldilocksTests
{
    private const ulong P = Goldilocks.P;

    private static ulong[] NaiveDft(ulong[] x, bool inverse)
    {
        int n = x.Length;
        int log2 = BitOperations.Log2((uint)n);
        var w = (BigInteger)RootsOfUnity<Goldilocks>.Root(log2).Value;
        if (inverse) w = BigInteger.ModPow(w, P - 2, P);
        var nInverse = inverse ? BigInteger.ModPow(n, P - 2, P) : BigInteger.One;
        var y = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            BigInteger sum = 0;
            for (int j = 0; j < n; j++) sum += BigInteger.ModPow(w, (long)i * j % (long)n, P) * x[j];
            y[i] = (ulong)(sum % P * nInverse % P);
        }
        return y;
    }

    [Fact]
    public void Roots_AreFfjavascriptStyle_ForGoldilocks()
    {
        // p − 1 = 2^32 · (2^32 − 1); smallest non-residue 7; w[32] = 7^(2^32−1); w[k−1] = w[k]^2; w[0] = 1, w[1] = −1.
        Assert.Equal(32, RootsOfUnity<Goldilocks>.TwoAdicity);
        Assert.Equal((ulong)BigInteger.ModPow(7, (P - 1) >> 32, P), RootsOfUnity<Goldilocks>.Root(32).Value);
        Assert.Equal(1UL, RootsOfUnity<Goldilocks>.Root(0).Value);
        Assert.Equal(P - 1, RootsOfUnity<Goldilocks>.Root(1).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => RootsOfUnity<Goldilocks>.Root(33));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(256)]
    public void ForwardAndInverse_EqualNaiveDft(int n)
    {
        var x = Enumerable.Range(0, n).Select(i => (ulong)(((UInt128)(uint)i * 0x9E3779B97F4A7C15UL + 12345) % P)).ToArray();
        var values = x.Select(v => new Goldilocks(v)).ToArray();
        Radix2Fft.Forward<Goldilocks>(values);
        var expected = NaiveDft(x, inverse: false);
        Assert.Equal(expected, values.Select(v => v.Value).ToArray());

        values = x.Select(v => new Goldilocks(v)).ToArray();
        Radix2Fft.Inverse<Goldilocks>(values);
        var expectedInverse = NaiveDft(x, inverse: true);
        Assert.Equal(expectedInverse, values.Select(v => v.Value).ToArray());

        // Tampered twin: the forward transform is not the inverse one (beyond n = 1, and n = 2 where they differ by 1/2).
        if (n > 1) Assert.NotEqual(expected, expectedInverse);
    }

    [Fact]
    public void ParallelStages_EqualNaiveDft_AtSize2To13()
    {
        // 2^12 butterflies per stage reaches ScalarFieldFftGroup.ParallelMinButterflies; check a few outputs against the naive formula.
        int n = 1 << 13;
        var x = Enumerable.Range(0, n).Select(i => (ulong)(((UInt128)(uint)i * 0xD1B54A32D192ED03UL + 7) % P)).ToArray();
        var values = x.Select(v => new Goldilocks(v)).ToArray();
        Radix2Fft.Forward<Goldilocks>(values);
        var w = (BigInteger)RootsOfUnity<Goldilocks>.Root(13).Value;
        foreach (int i in new[] { 0, 1, 2, 4095, 4096, n - 1 })
        {
            BigInteger sum = 0;
            var wi = BigInteger.ModPow(w, i, P);
            BigInteger power = 1;
            for (int j = 0; j < n; j++) { sum += power * x[j]; power = power * wi % P; }
            Assert.Equal((ulong)(sum % P), values[i].Value);
        }
        Radix2Fft.Inverse<Goldilocks>(values);
        Assert.Equal(x, values.Select(v => v.Value).ToArray());
    }

    [Fact]
    public void Property_InverseOfForward_IsIdentity()
    {
        Gen.Int[0, 10].SelectMany(log2 => Gen.ULong.Array[1 << log2])
            .Sample(x =>
            {
                var values = x.Select(v => new Goldilocks(v)).ToArray();
                var original = values.Select(v => v.Value).ToArray();
                Radix2Fft.Forward<Goldilocks>(values);
                Radix2Fft.Inverse<Goldilocks>(values);
                return original.SequenceEqual(values.Select(v => v.Value));
            }, iter: 100);
    }

    [Fact]
    public void Property_Linearity()
    {
        // FFT(a + c·b) = FFT(a) + c·FFT(b): the transform is linear over the field.
        Gen.Select(Gen.Int[0, 8], Gen.ULong).SelectMany(t =>
                Gen.Select(Gen.ULong.Array[1 << t.Item1], Gen.ULong.Array[1 << t.Item1]).Select(ab => (ab.Item1, ab.Item2, t.Item2)))
            .Sample(t =>
            {
                var (a, b, c) = t;
                var ga = a.Select(v => new Goldilocks(v)).ToArray();
                var gb = b.Select(v => new Goldilocks(v)).ToArray();
                var gc = new Goldilocks(c);
                var sum = ga.Zip(gb, (x, y) => { Goldilocks.Mul(y, gc, out var cy); Goldilocks.Add(x, cy, out var s); return s; }).ToArray();
                Radix2Fft.Forward<Goldilocks>(ga);
                Radix2Fft.Forward<Goldilocks>(gb);
                Radix2Fft.Forward<Goldilocks>(sum);
                for (int i = 0; i < sum.Length; i++)
                {
                    Goldilocks.Mul(gb[i], gc, out var cy);
                    Goldilocks.Add(ga[i], cy, out var s);
                    if (s.Value != sum[i].Value) return false;
                }
                return true;
            }, iter: 100);
    }

    [Fact]
    public void BadSizes_Throw()
    {
        Assert.Throws<ArgumentException>(() => Radix2Fft.Forward<Goldilocks>(new Goldilocks[3]));
        Assert.Throws<ArgumentException>(() => Radix2Fft.Inverse<Goldilocks>(Span<Goldilocks>.Empty));
        Assert.Throws<ArgumentException>(() => Radix2Fft.Forward<Goldilocks>(new Goldilocks[6]));
    }
}
