using System.Runtime.CompilerServices;
using System.Numerics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// BN254 ("bn128", alt_bn128 of EIP-196/197): y² = x³ + 3 over Fp, D-type twist y² = x³ + 3/ξ over Fp2,
/// ξ = 9 + u, BN parameter x = 4965661367192848881, optimal ate loop count 6x + 2 (in non-adjacent form)
/// followed by the lines through ψ(Q) and −ψ²(Q).
/// </summary>
public readonly struct Bn254PairingCurve : IPairingCurve<Fp254, Bn254Tower>
{
    /// <summary>The BN parameter x (positive for BN254).</summary>
    public const ulong X = 4965661367192848881;

    private static readonly sbyte[] Digits =
        SignedDigits.NonAdjacentForm(6 * new BigInteger(X) + 2);

    private static readonly Fp2<Fp254> B3 = ComputeTwistB3();

    public static bool TwistIsDType => true;

    public static Fp2<Fp254> TwistB3 => B3;

    public static ReadOnlySpan<sbyte> LoopDigits => Digits;

    public static bool LoopCountIsNegative => false;

    public static bool AddsFrobeniusLines => true;

    /// <summary>
    /// f^(2x(6x²+3x+1)·(p⁴−p²+1)/r): the addition chain of Fuentes-Castañeda, Knapp and Rodríguez-Henríquez
    /// ("Faster hashing to G2", SAC 2011) in the form of ffjavascript/wasmcurves (<c>build_bn128.js</c>,
    /// <c>_finalExponentiationLastChunk</c>), arkworks and @noble/curves, so that the pairing value matches
    /// theirs; the extra factor 2x(6x²+3x+1) is coprime to r, so the map stays a non-degenerate bilinear pairing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FinalExponentiationHardPart(in Fp12<Fp254, Bn254Tower> f, out Fp12<Fp254, Bn254Tower> r)
    {
        ExpByNegX(f, out var a);                                     // f^(−x)
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(a, out var b);      // f^(−2x)
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(b, out var c);      // f^(−4x)
        Fp12<Fp254, Bn254Tower>.Mul(c, b, out var d);                // f^(−6x)
        ExpByNegX(d, out var e);                                     // f^(6x²)
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(e, out var e2);     // f^(12x²)
        ExpByNegX(e2, out var g);                                    // f^(−12x³)
        Fp12<Fp254, Bn254Tower>.Conjugate(d, out var h);             // f^(6x)
        Fp12<Fp254, Bn254Tower>.Conjugate(g, out var i);             // f^(12x³)
        Fp12<Fp254, Bn254Tower>.Mul(i, e, out var j);                // f^(12x³ + 6x²)
        Fp12<Fp254, Bn254Tower>.Mul(j, h, out var k);                // f^(12x³ + 6x² + 6x)
        Fp12<Fp254, Bn254Tower>.Mul(k, b, out var l);                // f^(12x³ + 6x² + 4x)
        Fp12<Fp254, Bn254Tower>.Mul(k, e, out var m);                // f^(12x³ + 12x² + 6x)
        Fp12<Fp254, Bn254Tower>.Mul(m, f, out var n);                // f^(12x³ + 12x² + 6x + 1)
        Fp12<Fp254, Bn254Tower>.Frobenius(l, 1, out var o);
        Fp12<Fp254, Bn254Tower>.Mul(o, n, out var p);
        Fp12<Fp254, Bn254Tower>.Frobenius(k, 2, out var q);
        Fp12<Fp254, Bn254Tower>.Mul(q, p, out var s);
        Fp12<Fp254, Bn254Tower>.Conjugate(f, out var fInv);          // f^(−1)
        Fp12<Fp254, Bn254Tower>.Mul(fInv, l, out var t);             // f^(12x³ + 6x² + 4x − 1)
        Fp12<Fp254, Bn254Tower>.Frobenius(t, 3, out var u);
        Fp12<Fp254, Bn254Tower>.Mul(u, s, out r);
    }

    private static void ExpByNegX(in Fp12<Fp254, Bn254Tower> a, out Fp12<Fp254, Bn254Tower> r)
    {
        ExpByX(a, out var t);
        Fp12<Fp254, Bn254Tower>.Conjugate(t, out r);
    }

    /// <summary>
    /// a^x for a in the cyclotomic subgroup: 62 cyclotomic squarings and 17 multiplications, the addition
    /// chain of gnark-crypto's bn254 <c>E12.Expt</c> (found with github.com/mmcloughlin/addchain):
    /// _10 = 2·1, _100 = 2·_10, _1000 = 2·_100, _10000 = 2·_1000, _10001 = 1 + _10000, _10011 = _10 + _10001,
    /// _10100 = 1 + _10011, _11001 = _1000 + _10001, _100010 = 2·_10001, _100111 = _10011 + _10100,
    /// _101001 = _10 + _100111, i27 = (_100010 ≪ 6 + _100 + _11001) ≪ 7 + _11001,
    /// i44 = (i27 ≪ 8 + _101001 + _10) ≪ 6 + _10001, i70 = ((i44 ≪ 8 + _101001) ≪ 6 + _101001) ≪ 10,
    /// x = (_100111 + i70) ≪ 6 + _101001 + _1000. (A 24-digit non-adjacent form would need 23 multiplications.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExpByX(in Fp12<Fp254, Bn254Tower> a, out Fp12<Fp254, Bn254Tower> r)
    {
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(a, out var t10);
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(t10, out var t100);
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(t100, out var t1000);
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(t1000, out var t10000);
        Fp12<Fp254, Bn254Tower>.Mul(a, t10000, out var t10001);
        Fp12<Fp254, Bn254Tower>.Mul(t10, t10001, out var t10011);
        Fp12<Fp254, Bn254Tower>.Mul(a, t10011, out var t10100);
        Fp12<Fp254, Bn254Tower>.Mul(t1000, t10001, out var t11001);
        Fp12<Fp254, Bn254Tower>.CyclotomicSquare(t10001, out var t100010);
        Fp12<Fp254, Bn254Tower>.Mul(t10011, t10100, out var t100111);
        Fp12<Fp254, Bn254Tower>.Mul(t10, t100111, out var t101001);

        var i = t100010;
        SquareTimes(ref i, 6);
        Fp12<Fp254, Bn254Tower>.Mul(i, t100, out i);
        Fp12<Fp254, Bn254Tower>.Mul(i, t11001, out i);
        SquareTimes(ref i, 7);
        Fp12<Fp254, Bn254Tower>.Mul(i, t11001, out i);              // i27
        SquareTimes(ref i, 8);
        Fp12<Fp254, Bn254Tower>.Mul(i, t101001, out i);
        Fp12<Fp254, Bn254Tower>.Mul(i, t10, out i);
        SquareTimes(ref i, 6);
        Fp12<Fp254, Bn254Tower>.Mul(i, t10001, out i);              // i44
        SquareTimes(ref i, 8);
        Fp12<Fp254, Bn254Tower>.Mul(i, t101001, out i);
        SquareTimes(ref i, 6);
        Fp12<Fp254, Bn254Tower>.Mul(i, t101001, out i);
        SquareTimes(ref i, 10);                                      // i70
        Fp12<Fp254, Bn254Tower>.Mul(i, t100111, out i);
        SquareTimes(ref i, 6);
        Fp12<Fp254, Bn254Tower>.Mul(i, t101001, out i);
        Fp12<Fp254, Bn254Tower>.Mul(i, t1000, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SquareTimes(ref Fp12<Fp254, Bn254Tower> a, int n)
    {
        for (int k = 0; k < n; k++)
        {
            Fp12<Fp254, Bn254Tower>.CyclotomicSquare(a, out a);
        }
    }

    // b' = 3/ξ for the D-type twist, so 3b' = 9/ξ.
    private static Fp2<Fp254> ComputeTwistB3()
    {
        Fp2<Fp254>.InverseVartime(Bn254Tower.Xi, out var xiInv);
        Fp2<Fp254>.MulByBase(xiInv, Fp254.FromUInt64(9), out var r);
        return r;
    }
}
