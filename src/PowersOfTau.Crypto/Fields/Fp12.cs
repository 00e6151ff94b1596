using System.Numerics;
using System.Runtime.CompilerServices;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// An element c0 + c1·w of Fp12 = Fp6[w]/(w² − v), the target field of the pairing. Laid out as
/// ffjavascript's <c>ftm</c> and @noble/curves' Fp12 (see tests/oracle/gen-pairing-vectors.js):
/// c0.c0.c0, c0.c0.c1, c0.c1.c0, … c1.c2.c1.
/// Every operation runs in time independent of the values unless named "Vartime". Outputs may alias inputs.
/// </summary>
public readonly struct Fp12<TFp, TTower> : IEquatable<Fp12<TFp, TTower>>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp6<TFp, TTower> c0;

    /// <summary>The coefficient of w.</summary>
    public readonly Fp6<TFp, TTower> c1;

    /// <summary>c0 + c1·w.</summary>
    public Fp12(in Fp6<TFp, TTower> c0, in Fp6<TFp, TTower> c1)
    {
        this.c0 = c0;
        this.c1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fp12<TFp, TTower> Zero => new(Fp6<TFp, TTower>.Zero, Fp6<TFp, TTower>.Zero);

    /// <summary>The multiplicative identity (also the identity of GT).</summary>
    public static Fp12<TFp, TTower> One => new(Fp6<TFp, TTower>.One, Fp6<TFp, TTower>.Zero);

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Add(a.c0, b.c0, out var c0);
        Fp6<TFp, TTower>.Add(a.c1, b.c1, out var c1);
        r = new(c0, c1);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Sub(a.c0, b.c0, out var c0);
        Fp6<TFp, TTower>.Sub(a.c1, b.c1, out var c1);
        r = new(c0, c1);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Neg(a.c0, out var c0);
        Fp6<TFp, TTower>.Neg(a.c1, out var c1);
        r = new(c0, c1);
    }

    /// <summary>r = c0 − c1·w, which is a^(p⁶); for a unitary element (norm 1, e.g. after the easy part of the final exponentiation) it is the inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Neg(a.c1, out var c1);
        r = new(a.c0, c1);
    }

    /// <summary>Karatsuba over Fp6: 3 Fp6 multiplications (18 Fp2 multiplications).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Mul(a.c0, b.c0, out var aa);
        Fp6<TFp, TTower>.Mul(a.c1, b.c1, out var bb);
        Fp6<TFp, TTower>.Add(a.c0, a.c1, out var s);
        Fp6<TFp, TTower>.Add(b.c0, b.c1, out var t);
        Fp6<TFp, TTower>.Mul(s, t, out var u);
        Fp6<TFp, TTower>.Sub(u, aa, out s);
        Fp6<TFp, TTower>.Sub(s, bb, out var c1);
        Fp6<TFp, TTower>.MulByV(bb, out t);
        Fp6<TFp, TTower>.Add(aa, t, out var c0);
        r = new(c0, c1);
    }

    /// <summary>Complex squaring over Fp6: 2 Fp6 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r)
    {
        // (a0 + a1·w)² = (a0 + a1)(a0 + v·a1) − ab − v·ab + 2ab·w with ab = a0·a1
        Fp6<TFp, TTower>.Mul(a.c0, a.c1, out var ab);
        Fp6<TFp, TTower>.Add(a.c0, a.c1, out var s);
        Fp6<TFp, TTower>.MulByV(a.c1, out var t);
        Fp6<TFp, TTower>.Add(a.c0, t, out var u);
        Fp6<TFp, TTower>.Mul(s, u, out t);
        Fp6<TFp, TTower>.Sub(t, ab, out s);
        Fp6<TFp, TTower>.MulByV(ab, out u);
        Fp6<TFp, TTower>.Sub(s, u, out var c0);
        Fp6<TFp, TTower>.Double(ab, out var c1);
        r = new(c0, c1);
    }

    /// <summary>
    /// r = a·(l0 + l1·v + l4·v·w), the line shape of an M-type twist (BLS12-381): 13 Fp2 multiplications
    /// instead of 18.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulBy014(in Fp12<TFp, TTower> a, in Fp2<TFp> l0, in Fp2<TFp> l1, in Fp2<TFp> l4, out Fp12<TFp, TTower> r)
    {
        // With L0 = l0 + l1·v and L1 = l4·v: a·L = (a0·L0 + v·a1·L1) + ((a0 + a1)(L0 + L1) − a0·L0 − a1·L1)·w
        Fp6<TFp, TTower>.MulBy01(a.c0, l0, l1, out var aa);
        Fp6<TFp, TTower>.MulBy1(a.c1, l4, out var bb);
        Fp2<TFp>.Add(l1, l4, out var l14);
        Fp6<TFp, TTower>.Add(a.c0, a.c1, out var s);
        Fp6<TFp, TTower>.MulBy01(s, l0, l14, out var t);
        Fp6<TFp, TTower>.Sub(t, aa, out s);
        Fp6<TFp, TTower>.Sub(s, bb, out var c1);
        Fp6<TFp, TTower>.MulByV(bb, out t);
        Fp6<TFp, TTower>.Add(aa, t, out var c0);
        r = new(c0, c1);
    }

    /// <summary>
    /// r = a·(l0 + l3·w + l4·v·w), the line shape of a D-type twist (BN254): 13 Fp2 multiplications
    /// instead of 18.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulBy034(in Fp12<TFp, TTower> a, in Fp2<TFp> l0, in Fp2<TFp> l3, in Fp2<TFp> l4, out Fp12<TFp, TTower> r)
    {
        // With L0 = l0 and L1 = l3 + l4·v: the same Karatsuba shape as MulBy014.
        Fp6<TFp, TTower>.MulByFp2(a.c0, l0, out var aa);
        Fp6<TFp, TTower>.MulBy01(a.c1, l3, l4, out var bb);
        Fp2<TFp>.Add(l0, l3, out var l03);
        Fp6<TFp, TTower>.Add(a.c0, a.c1, out var s);
        Fp6<TFp, TTower>.MulBy01(s, l03, l4, out var t);
        Fp6<TFp, TTower>.Sub(t, aa, out s);
        Fp6<TFp, TTower>.Sub(s, bb, out var c1);
        Fp6<TFp, TTower>.MulByV(bb, out t);
        Fp6<TFp, TTower>.Add(aa, t, out var c0);
        r = new(c0, c1);
    }

    /// <summary>Multiplicative inverse, constant time; the inverse of zero is zero.</summary>
    public static void Inverse(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r) => InverseCore(a, vartime: false, out r);

    /// <summary>Multiplicative inverse, variable time (public values only); the inverse of zero is zero.</summary>
    public static void InverseVartime(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r) => InverseCore(a, vartime: true, out r);

    // (a0 + a1·w)⁻¹ = (a0 − a1·w)/(a0² − v·a1²). The branch is on a public flag only.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InverseCore(in Fp12<TFp, TTower> a, bool vartime, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Square(a.c0, out var s);
        Fp6<TFp, TTower>.Square(a.c1, out var t);
        Fp6<TFp, TTower>.MulByV(t, out var u);
        Fp6<TFp, TTower>.Sub(s, u, out var norm);
        Fp6<TFp, TTower> normInv;
        if (vartime)
        {
            Fp6<TFp, TTower>.InverseVartime(norm, out normInv);
        }
        else
        {
            Fp6<TFp, TTower>.Inverse(norm, out normInv);
        }

        Fp6<TFp, TTower>.Mul(a.c0, normInv, out var c0);
        Fp6<TFp, TTower>.Mul(a.c1, normInv, out s);
        Fp6<TFp, TTower>.Neg(s, out var c1);
        r = new(c0, c1);
    }

    /// <summary>r = a^(p^k) for k = 1, 2, 3 (k is public).</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not 1, 2 or 3.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Frobenius(in Fp12<TFp, TTower> a, int k, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Frobenius(a.c0, k, out var c0);
        Fp6<TFp, TTower>.Frobenius(a.c1, k, out var b1);
        Fp6<TFp, TTower>.MulByFp2(b1, TowerFrobenius<TFp, TTower>.Fp12W[k - 1], out var c1);
        r = new(c0, c1);
    }

    /// <summary>
    /// Squaring of an element of the cyclotomic subgroup (a^(p⁶+1)·… = 1, i.e. after the easy part of the
    /// final exponentiation): Granger-Scott, "Faster squaring in the cyclotomic subgroup of sixth degree
    /// extensions" (PKC 2010), 9 Fp2 squarings; the shape of gnark-crypto's <c>E12.CyclotomicSquare</c>.
    /// Wrong for elements outside that subgroup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CyclotomicSquare(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> r)
    {
        // Fp12 viewed as Fp4³ with Fp4 = Fp2[w]/(w² − ξ): pairs (g0, h1), (h0, g2), (h2, g1) below.
        ref readonly var x00 = ref a.c0.c0;
        ref readonly var x01 = ref a.c0.c1;
        ref readonly var x02 = ref a.c0.c2;
        ref readonly var x10 = ref a.c1.c0;
        ref readonly var x11 = ref a.c1.c1;
        ref readonly var x12 = ref a.c1.c2;

        Fp2<TFp>.Square(x11, out var t0);
        Fp2<TFp>.Square(x00, out var t1);
        Fp2<TFp>.Add(x11, x00, out var s);
        Fp2<TFp>.Square(s, out var u);
        Fp2<TFp>.Sub(u, t0, out s);
        Fp2<TFp>.Sub(s, t1, out var t6);              // 2·x11·x00

        Fp2<TFp>.Square(x02, out var t2);
        Fp2<TFp>.Square(x10, out var t3);
        Fp2<TFp>.Add(x02, x10, out s);
        Fp2<TFp>.Square(s, out u);
        Fp2<TFp>.Sub(u, t2, out s);
        Fp2<TFp>.Sub(s, t3, out var t7);              // 2·x02·x10

        Fp2<TFp>.Square(x12, out var t4);
        Fp2<TFp>.Square(x01, out var t5);
        Fp2<TFp>.Add(x12, x01, out s);
        Fp2<TFp>.Square(s, out u);
        Fp2<TFp>.Sub(u, t4, out s);
        Fp2<TFp>.Sub(s, t5, out u);
        TTower.MulByXi(u, out var t8);                // 2·x12·x01·ξ

        TTower.MulByXi(t0, out s);
        Fp2<TFp>.Add(s, t1, out t0);                  // ξ·x11² + x00²
        TTower.MulByXi(t2, out s);
        Fp2<TFp>.Add(s, t3, out t2);                  // ξ·x02² + x10²
        TTower.MulByXi(t4, out s);
        Fp2<TFp>.Add(s, t5, out t4);                  // ξ·x12² + x01²

        // z = 3t − 2x for the c0 half, z = 3t + 2x for the c1 half.
        ThreeTMinusTwoX(t0, x00, out var z00);
        ThreeTMinusTwoX(t2, x01, out var z01);
        ThreeTMinusTwoX(t4, x02, out var z02);
        ThreeTPlusTwoX(t8, x10, out var z10);
        ThreeTPlusTwoX(t6, x11, out var z11);
        ThreeTPlusTwoX(t7, x12, out var z12);
        r = new(new Fp6<TFp, TTower>(z00, z01, z02), new Fp6<TFp, TTower>(z10, z11, z12));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeTMinusTwoX(in Fp2<TFp> t, in Fp2<TFp> x, out Fp2<TFp> z)
    {
        Fp2<TFp>.Sub(t, x, out var d);
        Fp2<TFp>.Double(d, out var dd);
        Fp2<TFp>.Add(dd, t, out z);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeTPlusTwoX(in Fp2<TFp> t, in Fp2<TFp> x, out Fp2<TFp> z)
    {
        Fp2<TFp>.Add(t, x, out var d);
        Fp2<TFp>.Double(d, out var dd);
        Fp2<TFp>.Add(dd, t, out z);
    }

    /// <summary>
    /// r = a^e for a in the cyclotomic subgroup and a public 64-bit exponent (left-to-right
    /// square-and-multiply with cyclotomic squarings; the pattern depends on e only).
    /// </summary>
    public static void CyclotomicPowVartime(in Fp12<TFp, TTower> a, ulong e, out Fp12<TFp, TTower> r)
    {
        Span<sbyte> digits = stackalloc sbyte[64];
        int n = 64 - BitOperations.LeadingZeroCount(e);
        for (int i = 0; i < n; i++)
        {
            digits[i] = (sbyte)((e >> (n - 1 - i)) & 1);
        }

        CyclotomicPowVartime(a, digits[..n], out r);
    }

    /// <summary>
    /// r = a^e for a in the cyclotomic subgroup, e given by public signed digits (−1, 0, 1), most
    /// significant first: a digit −1 multiplies by the conjugate, which is the inverse in that subgroup,
    /// so a non-adjacent form saves multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CyclotomicPowVartime(in Fp12<TFp, TTower> a, ReadOnlySpan<sbyte> digitsMsbFirst, out Fp12<TFp, TTower> r)
    {
        Conjugate(a, out var aInv);
        var acc = One;
        bool started = false;
        foreach (var d in digitsMsbFirst)
        {
            if (started)
            {
                CyclotomicSquare(acc, out acc);
            }

            if (d != 0)
            {
                ref readonly var m = ref (d > 0 ? ref a : ref aInv);
                if (started)
                {
                    Mul(acc, m, out acc);
                }
                else
                {
                    acc = m;
                    started = true;
                }
            }
        }

        r = acc;
    }

    /// <summary>r = a^e for any element and a public non-negative exponent (variable time; tests and public checks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">e is negative.</exception>
    public static void PowVartime(in Fp12<TFp, TTower> a, BigInteger e, out Fp12<TFp, TTower> r)
    {
        if (e.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(e), "exponent must be non-negative.");
        }

        var acc = One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            Square(acc, out acc);
            if (!((e >> (int)i) & 1).IsZero)
            {
                Mul(acc, a, out acc);
            }
        }

        r = acc;
    }

    /// <summary>All-ones when a == b (no early exit).</summary>
    public static ulong EqualMask(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b) =>
        Fp6<TFp, TTower>.EqualMask(a.c0, b.c0) & Fp6<TFp, TTower>.EqualMask(a.c1, b.c1);

    /// <summary>All-ones when a == 1 (no early exit).</summary>
    public static ulong IsOneMask(in Fp12<TFp, TTower> a) => EqualMask(a, One);

    /// <summary>All-ones when a == 0 (no early exit).</summary>
    public static ulong IsZeroMask(in Fp12<TFp, TTower> a) =>
        Fp6<TFp, TTower>.IsZeroMask(a.c0) & Fp6<TFp, TTower>.IsZeroMask(a.c1);

    /// <summary>r = mask == all-ones ? a : b.</summary>
    public static void Select(ulong mask, in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> r)
    {
        Fp6<TFp, TTower>.Select(mask, a.c0, b.c0, out var c0);
        Fp6<TFp, TTower>.Select(mask, a.c1, b.c1, out var c1);
        r = new(c0, c1);
    }

    public static bool operator ==(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b) => EqualMask(a, b) != 0;

    public static bool operator !=(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b) => EqualMask(a, b) == 0;

    /// <summary>Value equality (constant time, through <see cref="EqualMask"/>).</summary>
    public bool Equals(Fp12<TFp, TTower> other) => EqualMask(this, other) != 0;

    public override bool Equals(object? obj) => obj is Fp12<TFp, TTower> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(c0, c1);

    /// <summary>The coefficients, lowest first, canonical hex. For public values only.</summary>
    public override string ToString() => $"({c0}, {c1})";
}
