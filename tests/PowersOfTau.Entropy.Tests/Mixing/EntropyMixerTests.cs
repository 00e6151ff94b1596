using System.Text.Json;
using CsCheck;
using PowersOfTau.Entropy.Mixing;
using PowersOfTau.Secrets;
using static PowersOfTau.Entropy.Tests.Mixing.TestData;

namespace PowersOfTau.Entropy.Tests.Mixing;

public sealed class EntropyMixerTests
{
    public static TheoryData<string> MixCases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Vectors.GetProperty("mixes").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static (byte[] Challenge, List<EntropySample> Samples, string Seed) Case(string name)
    {
        var c = Vectors.GetProperty("mixes").EnumerateArray().First(x => x.GetProperty("name").GetString() == name);
        var samples = c.GetProperty("sources").EnumerateArray()
            .Select(s => Sample(s.GetProperty("kind").GetString()!, s.GetProperty("device").GetString()!,
                Data(s.GetProperty("data").GetString()!, s.GetProperty("length").GetInt32()))).ToList();
        return (Data(c.GetProperty("challenge").GetString()!, 64), samples, c.GetProperty("seed").GetString()!);
    }

    private static string Hex(SecretBuffer b) => Convert.ToHexStringLower(b.Reveal());

    [Theory]
    [MemberData(nameof(MixCases))]
    public void Matches_the_independent_noble_vector(string name)
    {
        var (challenge, samples, expected) = Case(name);
        using var seed = EntropyMixer.Mix(challenge, samples);
        Assert.Equal(64, seed.Length);
        Assert.Equal(expected, Hex(seed));
        foreach (var s in samples) s.Dispose();
    }

    [Theory]
    [MemberData(nameof(MixCases))]
    public void A_flipped_bit_in_the_last_source_misses_the_vector(string name)
    {
        var (challenge, samples, expected) = Case(name);
        samples[^1].Bytes.Reveal()[0] ^= 1;
        using var seed = EntropyMixer.Mix(challenge, samples);
        Assert.NotEqual(expected, Hex(seed));
        foreach (var s in samples) s.Dispose();
    }

    [Fact]
    public void The_label_is_the_one_in_the_vectors()
    {
        Assert.Equal(EntropyMixer.DomainLabel, Vectors.GetProperty("label").GetString());
    }

    private static string MixHex(byte[] challenge, params (string Kind, string Device, byte[] Bytes)[] sources)
    {
        var samples = sources.Select(s => Sample(s.Kind, s.Device, s.Bytes)).ToList();
        try
        {
            using var seed = EntropyMixer.Mix(challenge, samples);
            return Hex(seed);
        }
        finally
        {
            foreach (var s in samples) s.Dispose();
        }
    }

    [Fact]
    public void Deterministic_and_sensitive_to_every_input()
    {
        byte[] challenge = Data("c", 64), a = Data("a", 64), b = Data("b", 32);
        string baseline = MixHex(challenge, ("os-getrandom", "os", a), ("pkcs11-rng", "tok", b));
        Assert.Equal(baseline, MixHex(challenge, ("os-getrandom", "os", a), ("pkcs11-rng", "tok", b)));
        var variants = new[]
        {
            MixHex(Data("c2", 64), ("os-getrandom", "os", a), ("pkcs11-rng", "tok", b)),       // challenge
            MixHex(challenge, ("pkcs11-rng", "tok", b), ("os-getrandom", "os", a)),             // order
            MixHex(challenge, ("os-getrandom", "os", a), ("tpm2-getrandom", "tok", b)),         // kind
            MixHex(challenge, ("os-getrandom", "os", a), ("pkcs11-rng", "tok2", b)),            // device
            MixHex(challenge, ("os-getrandom", "os", a)),                                       // a source dropped
            MixHex(challenge, ("os-getrandom", "os", a), ("pkcs11-rng", "tok", b[..31])),       // a byte dropped
            // moving a byte across the boundary between device and bytes: the length prefixes keep them apart
            MixHex(challenge, ("os-getrandom", "os", a), ("pkcs11-rng", "to", [(byte)'k', .. b])),
        };
        Assert.All(variants, v => Assert.NotEqual(baseline, v));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Any_changed_byte_of_any_source_changes_the_seed()
    {
        byte[] challenge = Data("c", 64);
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 63], Gen.Byte[1, 255]).Sample((source, index, delta) =>
        {
            byte[][] bytes = [Data("s0", 64), Data("s1", 64), Data("s2", 64)];
            string before = MixHex(challenge, ("os-getrandom", "os", bytes[0]), ("pkcs11-rng", "p", bytes[1]), ("hwrng", "h", bytes[2]));
            bytes[source][index] ^= delta;
            string after = MixHex(challenge, ("os-getrandom", "os", bytes[0]), ("pkcs11-rng", "p", bytes[1]), ("hwrng", "h", bytes[2]));
            Assert.NotEqual(before, after);
        }, iter: 50);
    }

    [Fact]
    public void Refuses_bad_inputs()
    {
        using var os = Sample("os-getrandom", "os", Data("a", 64));
        using var typed = Sample(EntropyKinds.Operator, "tty", "hello"u8);
        Assert.Throws<ArgumentException>(() => EntropyMixer.Mix(Data("c", 32), [os]));
        Assert.Throws<ArgumentException>(() => EntropyMixer.Mix(Data("c", 64), []));
        Assert.Contains("operator text is not mixed", Assert.Throws<ArgumentException>(() => EntropyMixer.Mix(Data("c", 64), [os, typed])).Message);
    }

    public static TheoryData<int> DigestCases() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(DigestCases))]
    public void Snarkjs_digest_is_blake2b_of_seed_then_text(int index)
    {
        JsonElement v = Vectors.GetProperty("digests")[index];
        using var mixed = new MixedEntropy(SecretBuffer.CopyOf(Convert.FromHexString(v.GetProperty("seed").GetString()!)),
            SecretBuffer.CopyOf(System.Text.Encoding.UTF8.GetBytes(v.GetProperty("text").GetString()!)), []);
        using var digest = mixed.DeriveSnarkjsDigest();
        Assert.Equal(v.GetProperty("digest").GetString(), Hex(digest));
        mixed.OperatorText.Reveal()[..Math.Min(1, mixed.OperatorText.Length)].Fill(0xFF); // tampered twin (no-op for empty text)
        mixed.Seed.Reveal()[0] ^= 1;
        using var tampered = mixed.DeriveSnarkjsDigest();
        Assert.NotEqual(v.GetProperty("digest").GetString(), Hex(tampered));
    }
}
