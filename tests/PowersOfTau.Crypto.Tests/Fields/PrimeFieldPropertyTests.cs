using System.Numerics;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>Field axioms and a BigInteger differential check, by CsCheck, for every prime field.</summary>
public abstract class PrimeFieldPropertyTests<T> where T : unmanaged, IPrimeField<T>
{
    private static readonly Gen<T> G = Element<T>();
    private readonly BigInteger p = Modulus<T>();

    [Fact]
    public void Mul_add_sub_agree_with_BigInteger() =>
        Gen.Select(G, G).Sample(t =>
        {
            var (a, b) = t;
            BigInteger x = ToBig(a), y = ToBig(b);
            Assert.Equal(x * y % p, ToBig(a * b));
            Assert.Equal((x + y) % p, ToBig(a + b));
            Assert.Equal(((x - y) % p + p) % p, ToBig(a - b));
        }, iter: 300);

    [Fact]
    public void Ring_axioms_hold() =>
        Gen.Select(G, G, G).Sample(t =>
        {
            var (a, b, c) = t;
            Assert.True(a + b == b + a);
            Assert.True(a * b == b * a);
            Assert.True((a + b) + c == a + (b + c));
            Assert.True((a * b) * c == a * (b * c));
            Assert.True(a * (b + c) == a * b + a * c);
            Assert.True(a - b + b == a);
            Assert.True(a + (-a) == T.Zero);
            Assert.True(a * T.One == a && a + T.Zero == a);
            T.Square(a, out var sq);
            Assert.True(sq == a * a);
            T.Double(a, out var d);
            Assert.True(d == a + a);
        }, iter: 200);

    [Fact]
    public void Inverse_is_multiplicative_inverse() =>
        G.Sample(a =>
        {
            T.Inverse(a, out var inv);
            T.InverseVartime(a, out var invV);
            Assert.True(inv == invV);
            if (T.IsZeroMask(a) != 0) Assert.True(inv == T.Zero);
            else Assert.True(a * inv == T.One);
        }, iter: 100);

    [Fact]
    public void Sqrt_of_a_square_is_plus_or_minus_the_root() =>
        G.Sample(a =>
        {
            T.Square(a, out var sq);
            Assert.True(T.SqrtVartime(sq, out var r));
            Assert.True(r == a || r == -a);
            Assert.True(T.Legendre(sq) == (T.IsZeroMask(a) != 0 ? 0 : 1));
        }, iter: 60);

    [Fact]
    public void Select_and_masks_behave() =>
        Gen.Select(G, G).Sample(t =>
        {
            var (a, b) = t;
            T.Select(ulong.MaxValue, a, b, out var x);
            T.Select(0, a, b, out var y);
            Assert.True(x == a && y == b);
            Assert.Equal(a == b ? ulong.MaxValue : 0UL, T.EqualMask(a, b));
            Assert.Equal(ulong.MaxValue, T.EqualMask(a, a));
        }, iter: 100);

    [Fact]
    public void IsNegative_splits_nonzero_elements_into_a_and_minus_a() =>
        G.Sample(a =>
        {
            if (T.IsZeroMask(a) != 0) { Assert.False(T.IsNegative(a)); return; }
            Assert.NotEqual(T.IsNegative(a), T.IsNegative(-a));
            Assert.Equal(ToBig(a) > (p - 1) / 2, T.IsNegative(a));
        }, iter: 100);
}

public sealed class Fp254PropertyTests : PrimeFieldPropertyTests<Fp254>;
public sealed class Fr254PropertyTests : PrimeFieldPropertyTests<Fr254>;
public sealed class Fp381PropertyTests : PrimeFieldPropertyTests<Fp381>;
public sealed class Fr381PropertyTests : PrimeFieldPropertyTests<Fr381>;
