using System.Numerics;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>Field axioms and structure of Fp2 (Frobenius = conjugation, norm, square roots), by CsCheck.</summary>
public abstract class Fp2PropertyTests<T> where T : unmanaged, IPrimeField<T>
{
    private static readonly Gen<Fp2<T>> G = Fp2Element<T>();

    [Fact]
    public void Ring_axioms_hold() =>
        Gen.Select(G, G, G).Sample(t =>
        {
            var (a, b, c) = t;
            Assert.True(a + b == b + a && a * b == b * a);
            Assert.True((a * b) * c == a * (b * c));
            Assert.True(a * (b + c) == a * b + a * c);
            Assert.True(a - b + b == a && a + (-a) == Fp2<T>.Zero);
            Fp2<T>.Square(a, out var sq);
            Assert.True(sq == a * a);
            Fp2<T>.Double(a, out var d);
            Assert.True(d == a + a);
            Fp2<T>.MulByBase(a, b.c0, out var mb);
            Assert.True(mb == a * new Fp2<T>(b.c0, T.Zero));
        }, iter: 100);

    [Fact]
    public void u_squared_is_minus_one()
    {
        var u = new Fp2<T>(T.Zero, T.One);
        Assert.True(u * u == -Fp2<T>.One);
    }

    [Fact]
    public void Inverse_and_norm() =>
        G.Sample(a =>
        {
            Fp2<T>.Inverse(a, out var inv);
            if (Fp2<T>.IsZeroMask(a) != 0) { Assert.True(inv == Fp2<T>.Zero); return; }
            Assert.True(a * inv == Fp2<T>.One);
            Fp2<T>.Conjugate(a, out var conj);
            Fp2<T>.Norm(a, out var norm);
            Assert.True(a * conj == new Fp2<T>(norm, T.Zero));
        }, iter: 50);

    [Fact]
    public void Frobenius_is_conjugation()
    {
        var pLimbs = new ulong[T.LimbCount];
        var pBig = Modulus<T>();
        var bytes = ToLE(pBig, T.ByteLength);
        for (int i = 0; i < pLimbs.Length; i++) pLimbs[i] = BitConverter.ToUInt64(bytes, 8 * i);
        G.Sample(a =>
        {
            Fp2<T>.Conjugate(a, out var conj);
            Assert.True(Fp2<T>.Pow(a, pLimbs) == conj);
        }, iter: 10);
    }

    [Fact]
    public void Sqrt_of_a_square_is_plus_or_minus_the_root() =>
        G.Sample(a =>
        {
            Fp2<T>.Square(a, out var sq);
            Assert.True(Fp2<T>.SqrtVartime(sq, out var r));
            Assert.True(r == a || r == -a);
        }, iter: 40);

    [Fact]
    public void Sqrt_of_base_field_values_takes_the_real_or_the_imaginary_root() =>
        Element<T>().Sample(c0 =>
        {
            // every element of Fp is a square in Fp2: c0 itself is a square in Fp, or -c0 is and the root is s·u
            var a = new Fp2<T>(c0, T.Zero);
            Assert.True(Fp2<T>.SqrtVartime(a, out var r));
            Assert.True(r * r == a);
            bool real = T.SqrtVartime(c0, out _);
            Assert.True(real ? T.IsZeroMask(r.c1) != 0 : T.IsZeroMask(r.c0) != 0);
        }, iter: 40);

    [Fact]
    public void Non_squares_have_no_root() =>
        G.Sample(a =>
        {
            // a non-residue times a nonzero square is a non-residue
            if (Fp2<T>.IsZeroMask(a) != 0) return;
            var nonResidue = FindNonResidue();
            Fp2<T>.Square(a, out var sq);
            Assert.False(Fp2<T>.SqrtVartime(nonResidue * sq, out var r));
            Assert.True(r == Fp2<T>.Zero);
        }, iter: 20);

    private static Fp2<T> FindNonResidue()
    {
        for (ulong i = 1; ; i++)
        {
            var x = new Fp2<T>(T.FromUInt64(i), T.One);
            if (!Fp2<T>.SqrtVartime(x, out _)) return x;
        }
    }

    [Fact]
    public void IsNegative_follows_c1_then_c0() =>
        G.Sample(a =>
        {
            bool expected = T.IsZeroMask(a.c1) != 0 ? T.IsNegative(a.c0) : T.IsNegative(a.c1);
            Assert.Equal(expected, Fp2<T>.IsNegative(a));
            if (Fp2<T>.IsZeroMask(a) == 0) Assert.NotEqual(Fp2<T>.IsNegative(a), Fp2<T>.IsNegative(-a));
        }, iter: 100);

    [Fact]
    public void BatchInversion_matches_single_inversions_and_keeps_zeros() =>
        G.Array[0, 12].Sample(values =>
        {
            if (values.Length > 2) values[1] = Fp2<T>.Zero;
            var dst = new Fp2<T>[values.Length];
            BatchInversion.Invert<Fp2<T>>(values, dst);
            var inPlace = (Fp2<T>[])values.Clone();
            BatchInversion.InvertInPlace<Fp2<T>>(inPlace);
            for (int i = 0; i < values.Length; i++)
            {
                Fp2<T>.Inverse(values[i], out var single);
                Assert.True(dst[i] == single && inPlace[i] == single);
            }
        }, iter: 30);
}

public sealed class Fp2Fp254PropertyTests : Fp2PropertyTests<Fp254>;
public sealed class Fp2Fp381PropertyTests : Fp2PropertyTests<Fp381>;
