using System.Numerics;
using System.Text.Json;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Testing;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>Known-answer tests for Fp2 = Fp[u]/(u²+1) against tests/oracle/vectors/fields.json (ffjavascript F2 + noble Fp2).</summary>
public abstract class Fp2VectorTests<T> where T : unmanaged, IPrimeField<T>
{
    private readonly JsonElement suite;
    private readonly BigInteger p = Modulus<T>();

    protected Fp2VectorTests(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("fields.json")));
        suite = doc.RootElement.GetProperty("fp2").GetProperty(name).Clone();
    }

    private IEnumerable<JsonElement> Cases => suite.GetProperty("cases").EnumerateArray();

    private static Fp2<T> E(JsonElement c, string name) =>
        Fp2FromHex<T>(c.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToArray());

    [Fact]
    public void Arithmetic_matches_the_oracle()
    {
        int n = 0;
        foreach (var c in Cases)
        {
            var a = E(c, "a");
            var b = E(c, "b");
            Fp2<T>.Add(a, b, out var add);
            Fp2<T>.Sub(a, b, out var sub);
            Fp2<T>.Mul(a, b, out var mul);
            Fp2<T>.Square(a, out var sqr);
            Fp2<T>.Inverse(a, out var inv);
            Fp2<T>.InverseVartime(a, out var invV);
            Assert.Equal(E(c, "add"), add);
            Assert.Equal(E(c, "sub"), sub);
            Assert.Equal(E(c, "mul"), mul);
            Assert.Equal(E(c, "sqr"), sqr);
            Assert.Equal(E(c, "inv"), inv);
            Assert.Equal(E(c, "inv"), invV);
            Assert.NotEqual(E(c, "mul"), mul + Fp2<T>.One); // the comparison discriminates
            n++;
        }
        Assert.True(n >= 30);
    }

    [Fact]
    public void Sqrt_and_sign_match_the_oracle()
    {
        int roots = 0, nonRoots = 0;
        foreach (var c in Cases)
        {
            var a = E(c, "a");
            Assert.Equal(c.GetProperty("isNegative").GetBoolean(), Fp2<T>.IsNegative(a));
            bool ok = Fp2<T>.SqrtVartime(a, out var r);
            if (c.GetProperty("sqrt").ValueKind == JsonValueKind.Null)
            {
                Assert.False(ok);
                nonRoots++;
            }
            else
            {
                Assert.True(ok);
                var e = E(c, "sqrt");
                Assert.True(r == e || r == -e, "root is neither +-oracle root");
                roots++;
            }
        }
        Assert.True(roots > 5 && nonRoots > 5);
    }

    [Fact]
    public void Montgomery_LE_is_c0_then_c1_as_in_ptau()
    {
        var buf = new byte[Fp2<T>.ByteLength];
        Assert.Equal(2 * T.ByteLength, buf.Length);
        foreach (var c in Cases)
        {
            var a = E(c, "a");
            var lem = FromHexBytes(c.GetProperty("lem").GetString()!);
            Fp2<T>.WriteMontgomeryLE(a, buf);
            Assert.Equal(lem, buf);
            Assert.True(Fp2<T>.TryReadMontgomeryLE(lem, out var back) && back == a);
            var tampered = (byte[])lem.Clone();
            tampered[T.ByteLength + 2] ^= 0x04; // in c1
            Assert.False(Fp2<T>.TryReadMontgomeryLE(tampered, out var t) && t == a);
        }
    }

    [Fact]
    public void Canonical_big_endian_puts_c1_first()
    {
        int n = T.ByteLength;
        var be = new byte[2 * n];
        var le = new byte[2 * n];
        foreach (var c in Cases)
        {
            var a = E(c, "a");
            var hex = c.GetProperty("a").EnumerateArray().Select(x => ParseHex(x.GetString()!)).ToArray();
            Fp2<T>.WriteCanonicalBE(a, be);
            Assert.Equal(ToLE(hex[1], n).Reverse().Concat(ToLE(hex[0], n).Reverse()).ToArray(), be);
            Assert.True(Fp2<T>.TryReadCanonicalBE(be, out var back) && back == a);
            Fp2<T>.WriteCanonicalLE(a, le);
            Assert.Equal(ToLE(hex[0], n).Concat(ToLE(hex[1], n)).ToArray(), le);
            Assert.True(Fp2<T>.TryReadCanonicalLE(le, out var back2) && back2 == a);
        }
    }

    [Fact]
    public void Decoders_reject_a_non_canonical_component()
    {
        int n = T.ByteLength;
        var ok = ToLE(p - 1, n);
        foreach (var bad in new[] { ToLE(p, n), ToLE(p + 1, n), Enumerable.Repeat((byte)0xff, n).ToArray() })
        {
            Assert.False(Fp2<T>.TryReadCanonicalLE(ok.Concat(bad).ToArray(), out var r));
            Assert.True(r == Fp2<T>.Zero);
            Assert.False(Fp2<T>.TryReadCanonicalLE(bad.Concat(ok).ToArray(), out _));
            Assert.False(Fp2<T>.TryReadMontgomeryLE(ok.Concat(bad).ToArray(), out _));
            Assert.False(Fp2<T>.TryReadMontgomeryLE(bad.Concat(ok).ToArray(), out _));
            Assert.False(Fp2<T>.TryReadCanonicalBE(bad.Reverse().Concat(ok).ToArray(), out _));
        }
        Assert.True(Fp2<T>.TryReadCanonicalLE(ok.Concat(ok).ToArray(), out _)); // the twin: p-1 is fine
    }
}

public sealed class Fp2Fp254VectorTests() : Fp2VectorTests<Fp254>("Fp254");
public sealed class Fp2Fp381VectorTests() : Fp2VectorTests<Fp381>("Fp381");
