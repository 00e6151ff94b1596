using System.Numerics;
using System.Text.Json;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Testing;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>
/// Known-answer tests against tests/oracle/vectors/fields.json (ffjavascript 0.3.1, cross-checked with
/// @noble/curves 1.9.7; produced by tests/oracle/gen-field-vectors.js). One suite, run for every prime field.
/// </summary>
public abstract class PrimeFieldVectorTests<T> where T : unmanaged, IPrimeField<T>
{
    private readonly JsonElement suite;
    private readonly BigInteger p = Modulus<T>();

    protected PrimeFieldVectorTests(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("fields.json")));
        suite = doc.RootElement.GetProperty("prime").GetProperty(name).Clone();
    }

    private IEnumerable<JsonElement> Cases => suite.GetProperty("cases").EnumerateArray();

    private static BigInteger H(JsonElement c, string name) => ParseHex(c.GetProperty(name).GetString()!);

    [Fact]
    public void Modulus_and_byte_length_match_the_oracle()
    {
        Assert.Equal(H(suite, "modulus"), p);
        Assert.Equal(suite.GetProperty("n8").GetInt32(), T.ByteLength);
        Assert.Equal(T.ByteLength, 8 * T.LimbCount);
    }

    [Fact]
    public void Arithmetic_matches_the_oracle()
    {
        int n = 0;
        foreach (var c in Cases)
        {
            var a = FromBig<T>(H(c, "a"));
            var b = FromBig<T>(H(c, "b"));
            T.Add(a, b, out var add);
            T.Sub(a, b, out var sub);
            T.Mul(a, b, out var mul);
            T.Square(a, out var sqr);
            T.Inverse(a, out var inv);
            T.InverseVartime(a, out var invV);
            Assert.Equal(H(c, "add"), ToBig(add));
            Assert.Equal(H(c, "sub"), ToBig(sub));
            Assert.Equal(H(c, "mul"), ToBig(mul));
            Assert.Equal(H(c, "sqr"), ToBig(sqr));
            Assert.Equal(H(c, "inv"), ToBig(inv));
            Assert.Equal(H(c, "inv"), ToBig(invV));
            // the operators agree with the static methods
            Assert.True(a + b == add && a - b == sub && a * b == mul);
            T.Double(a, out var dbl);
            Assert.Equal((2 * H(c, "a")) % p, ToBig(dbl));
            T.Neg(a, out var neg);
            Assert.Equal((p - H(c, "a")) % p, ToBig(neg));
            n++;
        }
        Assert.True(n >= 24, "too few vectors");
    }

    [Fact]
    public void Sqrt_legendre_and_sign_match_the_oracle()
    {
        int roots = 0, nonRoots = 0;
        foreach (var c in Cases)
        {
            var aBig = H(c, "a");
            var a = FromBig<T>(aBig);
            Assert.Equal(c.GetProperty("legendre").GetInt32(), T.Legendre(a));
            Assert.Equal(c.GetProperty("isNegative").GetBoolean(), T.IsNegative(a));
            var expected = c.GetProperty("sqrt");
            bool ok = T.SqrtVartime(a, out var root);
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.False(ok);
                Assert.True(T.IsZeroMask(root) != 0);
                nonRoots++;
            }
            else
            {
                Assert.True(ok);
                var e = ParseHex(expected.GetString()!);
                var got = ToBig(root);
                Assert.True(got == e || got == (p - e) % p, "root is neither +-oracle root");
                roots++;
            }
        }
        Assert.True(roots > 3 && nonRoots > 3, "vectors should hold squares and non-squares");
    }

    [Fact]
    public void Montgomery_LE_bytes_match_the_ptau_LEM_encoding()
    {
        var buf = new byte[T.ByteLength];
        foreach (var c in Cases)
        {
            var a = FromBig<T>(H(c, "a"));
            var lem = FromHexBytes(c.GetProperty("lem").GetString()!);
            T.WriteMontgomeryLE(a, buf);
            Assert.Equal(lem, buf);
            Assert.True(T.TryReadMontgomeryLE(lem, out var back));
            Assert.True(back == a);

            // tampered twin: one flipped bit never decodes to the same element
            var tampered = (byte[])lem.Clone();
            tampered[3] ^= 0x10;
            Assert.False(T.TryReadMontgomeryLE(tampered, out var t) && t == a);
        }
    }

    [Fact]
    public void Canonical_encodings_round_trip_against_BigInteger()
    {
        var le = new byte[T.ByteLength];
        var be = new byte[T.ByteLength];
        var limbs = new ulong[T.LimbCount];
        foreach (var c in Cases)
        {
            var v = H(c, "a");
            var a = FromBig<T>(v);
            T.WriteCanonicalLE(a, le);
            Assert.Equal(ToLE(v, T.ByteLength), le);
            T.WriteCanonicalBE(a, be);
            Assert.Equal(ToLE(v, T.ByteLength).Reverse().ToArray(), be);
            Assert.True(T.TryReadCanonicalBE(be, out var fromBe) && fromBe == a);
            T.ToCanonicalLimbs(a, limbs);
            Assert.True(T.TryFromCanonicalLimbs(limbs, out var fromLimbs) && fromLimbs == a);
            T.ToMontgomeryLimbs(a, limbs);
            Assert.True(T.FromMontgomeryLimbs(limbs) == a);
            Assert.Equal("0x" + Convert.ToHexStringLower(be), a.ToString());
        }
    }

    public static TheoryData<string> NonCanonicalValues => new() { "p", "p+1", "ff", "2^top" };

    private byte[] NonCanonicalLE(string which) => which switch
    {
        "p" => ToLE(p, T.ByteLength),
        "p+1" => ToLE(p + 1, T.ByteLength),
        "ff" => Enumerable.Repeat((byte)0xff, T.ByteLength).ToArray(),
        _ => ToLE(BigInteger.One << (8 * T.ByteLength - 1), T.ByteLength),
    };

    [Theory]
    [MemberData(nameof(NonCanonicalValues))]
    public void Decoders_reject_values_not_below_p(string which)
    {
        var le = NonCanonicalLE(which);
        var be = le.Reverse().ToArray();
        Assert.False(T.TryReadCanonicalLE(le, out var r1));
        Assert.False(T.TryReadMontgomeryLE(le, out var r2));
        Assert.False(T.TryReadCanonicalBE(be, out var r3));
        Assert.True(T.IsZeroMask(r1) != 0 && T.IsZeroMask(r2) != 0 && T.IsZeroMask(r3) != 0);
        var limbs = new ulong[T.LimbCount];
        for (int i = 0; i < limbs.Length; i++) limbs[i] = BitConverter.ToUInt64(le, 8 * i);
        Assert.False(T.TryFromCanonicalLimbs(limbs, out _));
    }

    [Fact]
    public void Decoders_accept_p_minus_1_the_twin_of_p()
    {
        var le = ToLE(p - 1, T.ByteLength);
        Assert.True(T.TryReadCanonicalLE(le, out var a));
        Assert.Equal(p - 1, ToBig(a));
        Assert.True(T.TryReadMontgomeryLE(le, out _));
        Assert.True(T.TryReadCanonicalBE(le.Reverse().ToArray(), out var b) && b == a);
    }

    [Fact]
    public void Decoders_throw_on_short_input()
    {
        var shortBuf = new byte[T.ByteLength - 1];
        Assert.Throws<ArgumentException>(() => T.TryReadMontgomeryLE(shortBuf, out _));
        Assert.Throws<ArgumentException>(() => T.TryReadCanonicalLE(shortBuf, out _));
        Assert.Throws<ArgumentException>(() => T.WriteMontgomeryLE(T.One, shortBuf));
    }

    [Fact]
    public void FromUInt64_FromLEReduce_and_Pow_agree_with_BigInteger()
    {
        var rng = new Random(1234);
        foreach (ulong v in new[] { 0UL, 1UL, 2UL, ulong.MaxValue, 0x1234_5678_9abc_def0UL })
            Assert.Equal(new BigInteger(v), ToBig(T.FromUInt64(v)));
        foreach (int len in new[] { 0, 1, 7, 8, 9, 31, 32, 33, 48, 64, 100 })
        {
            var bytes = new byte[len];
            rng.NextBytes(bytes);
            var expected = new BigInteger(bytes, isUnsigned: true, isBigEndian: false) % p;
            Assert.Equal(expected, ToBig(T.FromLEReduce(bytes)));
        }
        var allFf = Enumerable.Repeat((byte)0xff, 64).ToArray();
        Assert.Equal(new BigInteger(allFf, isUnsigned: true) % p, ToBig(T.FromLEReduce(allFf)));

        foreach (var c in Cases.Take(8))
        {
            var aBig = H(c, "a");
            var eBig = H(c, "b");
            var limbs = new ulong[T.LimbCount];
            var eb = ToLE(eBig, T.ByteLength);
            for (int i = 0; i < limbs.Length; i++) limbs[i] = BitConverter.ToUInt64(eb, 8 * i);
            Assert.Equal(BigInteger.ModPow(aBig, eBig, p), ToBig(T.Pow(FromBig<T>(aBig), limbs)));
        }
        Assert.True(T.Pow(T.FromUInt64(5), ReadOnlySpan<ulong>.Empty) == T.One);
    }
}

public sealed class Fp254VectorTests() : PrimeFieldVectorTests<Fp254>("Fp254");
public sealed class Fr254VectorTests() : PrimeFieldVectorTests<Fr254>("Fr254");
public sealed class Fp381VectorTests() : PrimeFieldVectorTests<Fp381>("Fp381");
public sealed class Fr381VectorTests() : PrimeFieldVectorTests<Fr381>("Fr381");
