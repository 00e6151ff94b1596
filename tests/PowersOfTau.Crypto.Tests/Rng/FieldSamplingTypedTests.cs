using System.Numerics;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;
using static PowersOfTau.Crypto.Tests.Rng.RandomVectors;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>
/// FieldSampling.FromRng&lt;T&gt; for the four production fields against ffjavascript 0.3.1 <c>F.fromRng</c>:
/// the element's Montgomery bytes are ffjavascript's returned bytes and its canonical value is ffjavascript's
/// value (v·R⁻¹), written straight into SecretBuffer memory.
/// </summary>
public class FieldSamplingTypedTests
{
    public static TheoryData<int> FieldCases()
    {
        var d = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("fields").GetArrayLength(); i++) d.Add(i);
        return d;
    }

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void FromRng_MatchesFfjavascript(int index)
    {
        var v = Root.GetProperty("fields")[index];
        switch (v.GetProperty("field").GetString())
        {
            case "Fr254": Check<Fr254>(v); break;
            case "Fp254": Check<Fp254>(v); break;
            case "Fr381": Check<Fr381>(v); break;
            case "Fp381": Check<Fp381>(v); break;
            default: throw new InvalidOperationException("unknown field in random.json");
        }
    }

    private static void Check<T>(System.Text.Json.JsonElement v) where T : unmanaged, IPrimeField<T>
    {
        Assert.Equal(v.GetProperty("modulus").GetString(), new BigInteger(T.ModulusLE, isUnsigned: true).ToString());
        using var secret = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + System.Runtime.CompilerServices.Unsafe.SizeOf<ChaChaRng>());
        ref var rng = ref secret.RevealAs<ChaChaRng>();
        rng.Seed(Words(v.GetProperty("seed")));
        using var element = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        var bytes = new byte[T.ByteLength];
        foreach (var draw in v.GetProperty("draws").EnumerateArray())
        {
            FieldSampling.FromRng(ref rng, out element.RevealAs<T>());
            T.WriteMontgomeryLE(element.RevealAs<T>(), bytes);
            Assert.Equal(draw.GetProperty("montgomeryLE").GetString(), Convert.ToHexStringLower(bytes));
            T.WriteCanonicalLE(element.RevealAs<T>(), bytes);
            var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: false).ToString();
            Assert.Equal(draw.GetProperty("value").GetString(), value);
            // Tampered twin: the canonical bytes are not the Montgomery bytes (the quirk matters).
            Assert.NotEqual(draw.GetProperty("montgomeryLE").GetString(), Convert.ToHexStringLower(bytes));
        }
        Assert.Equal(v.GetProperty("nextU32After").GetUInt32(), rng.NextUInt32());
        rng.Wipe();
    }
}
