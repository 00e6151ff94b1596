using System.Numerics;
using CsCheck;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Pairing;

/// <summary>
/// Fp6 and Fp12 of one tower: known answers from @noble/curves (tests/oracle/vectors/pairing.json, "fp12"),
/// field axioms with CsCheck, the sparse products against full products, and the Frobenius maps
/// (whose coefficients <see cref="TowerFrobenius{TFp, TTower}"/> derives at start-up) against x^(p^k).
/// </summary>
public abstract class TowerTests<TFp, TTower>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    private static readonly Gen<Fp6<TFp, TTower>> G6 = TowerGen<TFp, TTower>.Fp6;
    private static readonly Gen<Fp12<TFp, TTower>> G12 = TowerGen<TFp, TTower>.Fp12;
    private static readonly Gen<Fp2<TFp>> G2 = TowerGen<TFp, TTower>.Fp2;
    private static readonly BigInteger P = TowerFrobenius<TFp, TTower>.Modulus;

    protected abstract string CurveName { get; }

    private static Fp12<TFp, TTower> Mul(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b)
    {
        Fp12<TFp, TTower>.Mul(a, b, out var r);
        return r;
    }

    private static Fp6<TFp, TTower> Mul(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b)
    {
        Fp6<TFp, TTower>.Mul(a, b, out var r);
        return r;
    }

    private static Fp12<TFp, TTower> Embed(in Fp6<TFp, TTower> a) => new(a, Fp6<TFp, TTower>.Zero);

    private static Fp12<TFp, TTower> Pow(in Fp12<TFp, TTower> a, BigInteger e)
    {
        Fp12<TFp, TTower>.PowVartime(a, e, out var r);
        return r;
    }

    [Fact]
    public void Fp12_matches_oracle_products_squares_inverses_and_frobenius()
    {
        foreach (var v in PairingVectors.Curve(CurveName).GetProperty("fp12").EnumerateArray())
        {
            var a = PairingVectors.Fp12<TFp, TTower>(v.GetProperty("a"));
            var b = PairingVectors.Fp12<TFp, TTower>(v.GetProperty("b"));
            var product = PairingVectors.Fp12<TFp, TTower>(v.GetProperty("product"));
            Assert.Equal(product, Mul(a, b));
            Fp12<TFp, TTower>.Square(a, out var sq);
            Assert.Equal(PairingVectors.Fp12<TFp, TTower>(v.GetProperty("square")), sq);
            var inverse = PairingVectors.Fp12<TFp, TTower>(v.GetProperty("inverse"));
            Fp12<TFp, TTower>.Inverse(a, out var inv);
            Fp12<TFp, TTower>.InverseVartime(a, out var invVt);
            Assert.Equal(inverse, inv);
            Assert.Equal(inverse, invVt);
            for (int k = 1; k <= 3; k++)
            {
                Fp12<TFp, TTower>.Frobenius(a, k, out var fr);
                Assert.Equal(PairingVectors.Fp12<TFp, TTower>(v.GetProperty($"frobenius{k}")), fr);
            }

            // Tampered twin: one coefficient of a changed by one, the product no longer matches.
            var tampered = new Fp12<TFp, TTower>(a.c0, new Fp6<TFp, TTower>(a.c1.c0, a.c1.c1, a.c1.c2 + Fp2<TFp>.One));
            Assert.NotEqual(product, Mul(tampered, b));
        }
    }

    [Fact]
    public void Tower_is_built_on_xi_w6_equals_xi_and_mul_by_xi_matches_mul()
    {
        var w = new Fp12<TFp, TTower>(Fp6<TFp, TTower>.Zero, Fp6<TFp, TTower>.One);
        var xi = Embed(new Fp6<TFp, TTower>(TTower.Xi, Fp2<TFp>.Zero, Fp2<TFp>.Zero));
        Assert.Equal(xi, Pow(w, 6));
        Assert.NotEqual(xi, Pow(w, 5));
        G2.Sample(a =>
        {
            TTower.MulByXi(a, out var r);
            Fp2<TFp>.Mul(a, TTower.Xi, out var expected);
            return r == expected;
        });
    }

    [Fact]
    public void Fp6_is_a_field()
    {
        Gen.Select(G6, G6, G6).Sample((a, b, c) =>
            Mul(Mul(a, b), c) == Mul(a, Mul(b, c))
            && Mul(a, b) == Mul(b, a)
            && Mul(a, Add(b, c)) == Add(Mul(a, b), Mul(a, c)));
        G6.Sample(a =>
        {
            Fp6<TFp, TTower>.Square(a, out var sq);
            Fp6<TFp, TTower>.Inverse(a, out var inv);
            Fp6<TFp, TTower>.InverseVartime(a, out var invVt);
            return sq == Mul(a, a) && Mul(a, inv) == Fp6<TFp, TTower>.One && inv == invVt;
        });
        Fp6<TFp, TTower>.Inverse(Fp6<TFp, TTower>.Zero, out var zeroInv);
        Assert.Equal(Fp6<TFp, TTower>.Zero, zeroInv);

        static Fp6<TFp, TTower> Add(in Fp6<TFp, TTower> x, in Fp6<TFp, TTower> y)
        {
            Fp6<TFp, TTower>.Add(x, y, out var r);
            return r;
        }
    }

    [Fact]
    public void Fp6_sparse_products_match_full_products()
    {
        Gen.Select(G6, G2, G2).Sample((a, b0, b1) =>
        {
            Fp6<TFp, TTower>.MulBy01(a, b0, b1, out var r01);
            Fp6<TFp, TTower>.MulBy1(a, b1, out var r1);
            Fp6<TFp, TTower>.MulByFp2(a, b0, out var r0);
            Fp6<TFp, TTower>.MulByV(a, out var rv);
            return r01 == Mul(a, new Fp6<TFp, TTower>(b0, b1, Fp2<TFp>.Zero))
                && r1 == Mul(a, new Fp6<TFp, TTower>(Fp2<TFp>.Zero, b1, Fp2<TFp>.Zero))
                && r0 == Mul(a, new Fp6<TFp, TTower>(b0, Fp2<TFp>.Zero, Fp2<TFp>.Zero))
                && rv == Mul(a, new Fp6<TFp, TTower>(Fp2<TFp>.Zero, Fp2<TFp>.One, Fp2<TFp>.Zero));
        });
    }

    [Fact]
    public void Fp12_is_a_field()
    {
        Gen.Select(G12, G12, G12).Sample((a, b, c) =>
        {
            Fp12<TFp, TTower>.Add(b, c, out var bc);
            Fp12<TFp, TTower>.Add(Mul(a, b), Mul(a, c), out var abac);
            return Mul(Mul(a, b), c) == Mul(a, Mul(b, c)) && Mul(a, b) == Mul(b, a) && Mul(a, bc) == abac;
        }, iter: 50);
        G12.Sample(a =>
        {
            Fp12<TFp, TTower>.Square(a, out var sq);
            Fp12<TFp, TTower>.Inverse(a, out var inv);
            Fp12<TFp, TTower>.InverseVartime(a, out var invVt);
            return sq == Mul(a, a) && Mul(a, inv) == Fp12<TFp, TTower>.One && inv == invVt;
        }, iter: 50);
        Fp12<TFp, TTower>.InverseVartime(Fp12<TFp, TTower>.Zero, out var zeroInv);
        Assert.Equal(Fp12<TFp, TTower>.Zero, zeroInv);
    }

    [Fact]
    public void Fp12_line_products_match_full_products()
    {
        Gen.Select(G12, G2, G2, G2).Sample((a, x, y, z) =>
        {
            var zero = Fp2<TFp>.Zero;
            Fp12<TFp, TTower>.MulBy014(a, x, y, z, out var r014);
            Fp12<TFp, TTower>.MulBy034(a, x, y, z, out var r034);
            var l014 = new Fp12<TFp, TTower>(new Fp6<TFp, TTower>(x, y, zero), new Fp6<TFp, TTower>(zero, z, zero));
            var l034 = new Fp12<TFp, TTower>(new Fp6<TFp, TTower>(x, zero, zero), new Fp6<TFp, TTower>(y, z, zero));
            return r014 == Mul(a, l014) && r034 == Mul(a, l034);
        }, iter: 50);
    }

    [Fact]
    public void Frobenius_is_x_to_the_p_k_in_Fp6_and_Fp12()
    {
        G12.Sample(a =>
        {
            var pk = BigInteger.One;
            for (int k = 1; k <= 3; k++)
            {
                pk *= P;
                Fp12<TFp, TTower>.Frobenius(a, k, out var fr);
                Fp6<TFp, TTower>.Frobenius(a.c0, k, out var fr6);
                if (fr != Pow(a, pk) || Embed(fr6) != Pow(Embed(a.c0), pk))
                {
                    return false;
                }
            }

            // Conjugation is Frobenius^6; Frobenius^1 is not the identity.
            Fp12<TFp, TTower>.Frobenius(a, 3, out var f3);
            Fp12<TFp, TTower>.Frobenius(f3, 3, out var f6);
            Fp12<TFp, TTower>.Conjugate(a, out var conj);
            Fp12<TFp, TTower>.Frobenius(a, 1, out var f1);
            return f6 == conj && f1 != a;
        }, iter: 3);
    }

    [Fact]
    public void Cyclotomic_square_and_power_match_generic_ones_in_the_cyclotomic_subgroup()
    {
        G12.Sample(a =>
        {
            var g = EasyPart(a);
            Fp12<TFp, TTower>.CyclotomicSquare(g, out var cs);
            Fp12<TFp, TTower>.Square(g, out var sq);
            Fp12<TFp, TTower>.CyclotomicPowVartime(g, 0xd201000000010000, out var cp);
            Fp12<TFp, TTower>.Conjugate(g, out var conj);
            // Signed digits 1, 0, −1, 0, 1 = 16 − 4 + 1 = 13.
            Fp12<TFp, TTower>.CyclotomicPowVartime(g, [1, 0, -1, 0, 1], out var c13);
            return cs == sq && cp == Pow(g, 0xd201000000010000) && Mul(g, conj) == Fp12<TFp, TTower>.One
                && c13 == Pow(g, 13);
        }, iter: 20);

        // Negative twin: outside the subgroup the shortcut is wrong, which shows the test can tell.
        G12.Sample(a =>
        {
            Fp12<TFp, TTower>.CyclotomicSquare(a, out var cs);
            Fp12<TFp, TTower>.Square(a, out var sq);
            return cs != sq;
        }, iter: 5);
    }

    private static Fp12<TFp, TTower> EasyPart(in Fp12<TFp, TTower> a)
    {
        Fp12<TFp, TTower>.Conjugate(a, out var c);
        Fp12<TFp, TTower>.InverseVartime(a, out var i);
        var t = Mul(c, i);
        Fp12<TFp, TTower>.Frobenius(t, 2, out var f2);
        return Mul(f2, t);
    }
}

public sealed class Bn254TowerTests : TowerTests<Fp254, Bn254Tower>
{
    protected override string CurveName => "bn128";
}

public sealed class Bls12381TowerTests : TowerTests<Fp381, Bls12381Tower>
{
    protected override string CurveName => "bls12381";
}
