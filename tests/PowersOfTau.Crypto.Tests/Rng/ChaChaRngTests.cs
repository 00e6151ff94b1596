using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;
using static PowersOfTau.Crypto.Tests.Rng.RandomVectors;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>ChaChaRng against ffjavascript 0.3.1 <c>ChaCha</c> (vectors/random.json).</summary>
public class ChaChaRngTests
{
    public static TheoryData<string> SeedLabels()
    {
        var d = new TheoryData<string>();
        foreach (var v in Root.GetProperty("chacha").EnumerateArray()) d.Add(v.GetProperty("label").GetString()!);
        return d;
    }

    private static System.Text.Json.JsonElement Case(string label) =>
        Root.GetProperty("chacha").EnumerateArray().Single(v => v.GetProperty("label").GetString() == label);

    [Theory]
    [MemberData(nameof(SeedLabels))]
    public void NextUInt32_MatchesFfjavascript(string label)
    {
        var v = Case(label);
        var seed = Words(v.GetProperty("seed"));
        var expected = Words(v.GetProperty("u32"));
        var rng = new ChaChaRng(seed);
        try
        {
            var actual = expected.Select(_ => rng.NextUInt32()).ToArray();
            Assert.Equal(expected, actual);
        }
        finally { rng.Dispose(); }

        // Tampered twin: a seed with one bit flipped gives a different stream.
        seed[7] ^= 1;
        var other = new ChaChaRng(seed);
        Assert.NotEqual(expected, expected.Select(_ => other.NextUInt32()).ToArray());
    }

    [Theory]
    [MemberData(nameof(SeedLabels))]
    public void NextUInt64_FirstWordIsHigh_MatchesFfjavascript(string label)
    {
        var v = Case(label);
        var rng = new ChaChaRng(Words(v.GetProperty("seed")));
        var expected = v.GetProperty("u64").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();
        Assert.Equal(expected, expected.Select(_ => rng.NextUInt64()).ToArray());

        // Tampered twin: low-word-first would not match.
        var words = Words(v.GetProperty("u32"));
        Assert.NotEqual(expected[0], ((ulong)words[1] << 32) | words[0]);
    }

    [Theory]
    [MemberData(nameof(SeedLabels))]
    public void NextBool_MatchesFfjavascript(string label)
    {
        var v = Case(label);
        var rng = new ChaChaRng(Words(v.GetProperty("seed")));
        var expected = v.GetProperty("bools").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
        Assert.Equal(expected, expected.Select(_ => rng.NextBool()).ToArray());
        Assert.Contains(true, expected);
        Assert.Contains(false, expected);
    }

    [Fact]
    public void BlockCounterCarriesAcrossWords_AsFfjavascript()
    {
        foreach (var v in Root.GetProperty("carries").EnumerateArray())
        {
            var c = Words(v.GetProperty("counter"));
            var expected = Words(v.GetProperty("u32"));
            var rng = new ChaChaRng(Words(v.GetProperty("seed")));
            rng.SetBlockCounterForTests(c[0], c[1], c[2], c[3]);
            Assert.Equal(expected, expected.Select(_ => rng.NextUInt32()).ToArray());

            // Tampered twin: a 32-bit counter (no carry into word 13) diverges after the first block.
            if (c[0] != uint.MaxValue) continue;
            var noCarry = new ChaChaRng(Words(v.GetProperty("seed")));
            noCarry.SetBlockCounterForTests(c[0], c[1], c[2], c[3]);
            for (int i = 0; i < 16; i++) noCarry.NextUInt32();
            noCarry.SetBlockCounterForTests(c[0] + 1, c[1], c[2], c[3]);
            Assert.NotEqual(expected[16..32], Enumerable.Range(0, 16).Select(_ => noCarry.NextUInt32()).ToArray());
        }
    }

    [Fact]
    public void SeedFromDigest_ReadsBigEndianWords_AsGetRandomRngAndHashToG2()
    {
        foreach (var v in Root.GetProperty("digestSeeded").EnumerateArray())
        {
            var digest = Convert.FromHexString(v.GetProperty("digest").GetString()!);
            var expected = Words(v.GetProperty("u32"));
            var rng = new ChaChaRng();
            rng.SeedFromDigest(digest);
            Assert.Equal(expected, expected.Select(_ => rng.NextUInt32()).ToArray());

            // Tampered twin: little-endian words give another stream.
            var le = MemoryMarshal.Cast<byte, uint>(digest.AsSpan(0, 32)).ToArray();
            var wrong = new ChaChaRng(le);
            Assert.NotEqual(expected, expected.Select(_ => wrong.NextUInt32()).ToArray());
        }
    }

    [Fact]
    public void Misuse_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => default(ChaChaRng).NextUInt32());
        Assert.Throws<ArgumentException>(() => new ChaChaRng(new uint[7]));
        Assert.Throws<ArgumentException>(() => new ChaChaRng().SeedFromDigest(new byte[31]));
        var rng = new ChaChaRng(new uint[8]);
        rng.NextUInt32();
        rng.Dispose();
        Assert.Throws<InvalidOperationException>(() => rng.NextUInt32());
    }

    [Fact]
    public void LivesInASecretBuffer_AndWipesToZero()
    {
        using var secret = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<ChaChaRng>());
        ref var rng = ref secret.RevealAs<ChaChaRng>();
        var v = Case("a");
        rng.Seed(Words(v.GetProperty("seed")));
        Assert.Equal(Words(v.GetProperty("u32"))[0], rng.NextUInt32());
        Assert.Contains(secret.Reveal().ToArray(), b => b != 0);
        rng.Wipe();
        Assert.All(secret.Reveal().ToArray(), b => Assert.Equal(0, b));
    }
}
