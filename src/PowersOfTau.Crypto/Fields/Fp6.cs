using System.Runtime.CompilerServices;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// An element c0 + c1·v + c2·v² of Fp6 = Fp2[v]/(v³ − ξ), ξ given by <typeparamref name="TTower"/>.
/// Every operation runs in time independent of the values (no branch on data) except the ones named
/// "Vartime". Outputs may alias inputs: results are computed into locals first.
/// </summary>
public readonly struct Fp6<TFp, TTower> : IEquatable<Fp6<TFp, TTower>>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp2<TFp> c0;

    /// <summary>The coefficient of v.</summary>
    public readonly Fp2<TFp> c1;

    /// <summary>The coefficient of v².</summary>
    public readonly Fp2<TFp> c2;

    /// <summary>c0 + c1·v + c2·v².</summary>
    public Fp6(in Fp2<TFp> c0, in Fp2<TFp> c1, in Fp2<TFp> c2)
    {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
    }

    /// <summary>The additive identity.</summary>
    public static Fp6<TFp, TTower> Zero => new(Fp2<TFp>.Zero, Fp2<TFp>.Zero, Fp2<TFp>.Zero);

    /// <summary>The multiplicative identity.</summary>
    public static Fp6<TFp, TTower> One => new(Fp2<TFp>.One, Fp2<TFp>.Zero, Fp2<TFp>.Zero);

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Add(a.c0, b.c0, out var c0);
        Fp2<TFp>.Add(a.c1, b.c1, out var c1);
        Fp2<TFp>.Add(a.c2, b.c2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a − b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Sub(a.c0, b.c0, out var c0);
        Fp2<TFp>.Sub(a.c1, b.c1, out var c1);
        Fp2<TFp>.Sub(a.c2, b.c2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = −a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Neg(a.c0, out var c0);
        Fp2<TFp>.Neg(a.c1, out var c1);
        Fp2<TFp>.Neg(a.c2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = 2a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Double(a.c0, out var c0);
        Fp2<TFp>.Double(a.c1, out var c1);
        Fp2<TFp>.Double(a.c2, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a·v = ξ·a2 + a0·v + a1·v² (v is the non-residue that defines Fp12 over Fp6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByV(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r)
    {
        TTower.MulByXi(a.c2, out var c0);
        r = new(c0, a.c0, a.c1);
    }

    /// <summary>r = a·b for b in Fp2 (three Fp2 multiplications).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulByFp2(in Fp6<TFp, TTower> a, in Fp2<TFp> b, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Mul(a.c0, b, out var c0);
        Fp2<TFp>.Mul(a.c1, b, out var c1);
        Fp2<TFp>.Mul(a.c2, b, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>Karatsuba multiplication: 6 Fp2 multiplications (Devegili et al., "Multiplication and squaring on pairing-friendly fields", §4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Mul(a.c0, b.c0, out var aa);
        Fp2<TFp>.Mul(a.c1, b.c1, out var bb);
        Fp2<TFp>.Mul(a.c2, b.c2, out var cc);

        // c0 = ξ·((a1 + a2)(b1 + b2) − bb − cc) + aa
        Fp2<TFp>.Add(a.c1, a.c2, out var s);
        Fp2<TFp>.Add(b.c1, b.c2, out var t);
        Fp2<TFp>.Mul(s, t, out var u);
        Fp2<TFp>.Sub(u, bb, out s);
        Fp2<TFp>.Sub(s, cc, out t);
        TTower.MulByXi(t, out u);
        Fp2<TFp>.Add(u, aa, out var c0);

        // c1 = (a0 + a1)(b0 + b1) − aa − bb + ξ·cc
        Fp2<TFp>.Add(a.c0, a.c1, out s);
        Fp2<TFp>.Add(b.c0, b.c1, out t);
        Fp2<TFp>.Mul(s, t, out u);
        Fp2<TFp>.Sub(u, aa, out s);
        Fp2<TFp>.Sub(s, bb, out t);
        TTower.MulByXi(cc, out u);
        Fp2<TFp>.Add(t, u, out var c1);

        // c2 = (a0 + a2)(b0 + b2) − aa − cc + bb
        Fp2<TFp>.Add(a.c0, a.c2, out s);
        Fp2<TFp>.Add(b.c0, b.c2, out t);
        Fp2<TFp>.Mul(s, t, out u);
        Fp2<TFp>.Sub(u, aa, out s);
        Fp2<TFp>.Sub(s, cc, out t);
        Fp2<TFp>.Add(t, bb, out var c2);

        r = new(c0, c1, c2);
    }

    /// <summary>Squaring, Chung-Hasan SQR2: 2 Fp2 multiplications and 3 squarings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Square(a.c0, out var s0);
        Fp2<TFp>.Mul(a.c0, a.c1, out var ab);
        Fp2<TFp>.Double(ab, out var s1);
        Fp2<TFp>.Sub(a.c0, a.c1, out var t);
        Fp2<TFp>.Add(t, a.c2, out var u);
        Fp2<TFp>.Square(u, out var s2);
        Fp2<TFp>.Mul(a.c1, a.c2, out var bc);
        Fp2<TFp>.Double(bc, out var s3);
        Fp2<TFp>.Square(a.c2, out var s4);

        TTower.MulByXi(s3, out t);
        Fp2<TFp>.Add(s0, t, out var c0);
        TTower.MulByXi(s4, out t);
        Fp2<TFp>.Add(s1, t, out var c1);
        // c2 = s1 + s2 + s3 − s0 − s4
        Fp2<TFp>.Add(s1, s2, out t);
        Fp2<TFp>.Add(t, s3, out u);
        Fp2<TFp>.Sub(u, s0, out t);
        Fp2<TFp>.Sub(t, s4, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>r = a·(b0 + b1·v), the sparse product of line evaluation: 5 Fp2 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulBy01(in Fp6<TFp, TTower> a, in Fp2<TFp> b0, in Fp2<TFp> b1, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Mul(a.c0, b0, out var aa);
        Fp2<TFp>.Mul(a.c1, b1, out var bb);

        // c0 = ξ·a2·b1 + aa, with a2·b1 = (a1 + a2)·b1 − bb
        Fp2<TFp>.Add(a.c1, a.c2, out var s);
        Fp2<TFp>.Mul(s, b1, out var t);
        Fp2<TFp>.Sub(t, bb, out s);
        TTower.MulByXi(s, out t);
        Fp2<TFp>.Add(t, aa, out var c0);

        // c1 = a0·b1 + a1·b0 = (a0 + a1)(b0 + b1) − aa − bb
        Fp2<TFp>.Add(a.c0, a.c1, out s);
        Fp2<TFp>.Add(b0, b1, out t);
        Fp2<TFp>.Mul(s, t, out var u);
        Fp2<TFp>.Sub(u, aa, out s);
        Fp2<TFp>.Sub(s, bb, out var c1);

        // c2 = a2·b0 + a1·b1 = (a0 + a2)·b0 − aa + bb
        Fp2<TFp>.Add(a.c0, a.c2, out s);
        Fp2<TFp>.Mul(s, b0, out t);
        Fp2<TFp>.Sub(t, aa, out s);
        Fp2<TFp>.Add(s, bb, out var c2);

        r = new(c0, c1, c2);
    }

    /// <summary>r = a·(b1·v) = ξ·a2·b1 + a0·b1·v + a1·b1·v²: 3 Fp2 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulBy1(in Fp6<TFp, TTower> a, in Fp2<TFp> b1, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Mul(a.c2, b1, out var t);
        TTower.MulByXi(t, out var c0);
        Fp2<TFp>.Mul(a.c0, b1, out var c1);
        Fp2<TFp>.Mul(a.c1, b1, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>Multiplicative inverse, constant time; the inverse of zero is zero.</summary>
    public static void Inverse(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r) => InverseCore(a, vartime: false, out r);

    /// <summary>Multiplicative inverse, variable time (public values only); the inverse of zero is zero.</summary>
    public static void InverseVartime(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> r) => InverseCore(a, vartime: true, out r);

    // a⁻¹ = (t0 + t1·v + t2·v²)/N with t0 = a0² − ξ·a1·a2, t1 = ξ·a2² − a0·a1, t2 = a1² − a0·a2,
    // N = a0·t0 + ξ·(a2·t1 + a1·t2) ∈ Fp2 (the norm down to Fp2). The branch is on a public flag only.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void InverseCore(in Fp6<TFp, TTower> a, bool vartime, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Square(a.c0, out var s);
        Fp2<TFp>.Mul(a.c1, a.c2, out var t);
        TTower.MulByXi(t, out var u);
        Fp2<TFp>.Sub(s, u, out var t0);

        Fp2<TFp>.Square(a.c2, out s);
        TTower.MulByXi(s, out u);
        Fp2<TFp>.Mul(a.c0, a.c1, out t);
        Fp2<TFp>.Sub(u, t, out var t1);

        Fp2<TFp>.Square(a.c1, out s);
        Fp2<TFp>.Mul(a.c0, a.c2, out t);
        Fp2<TFp>.Sub(s, t, out var t2);

        Fp2<TFp>.Mul(a.c2, t1, out s);
        Fp2<TFp>.Mul(a.c1, t2, out t);
        Fp2<TFp>.Add(s, t, out u);
        TTower.MulByXi(u, out s);
        Fp2<TFp>.Mul(a.c0, t0, out t);
        Fp2<TFp>.Add(s, t, out var norm);

        Fp2<TFp> normInv;
        if (vartime)
        {
            Fp2<TFp>.InverseVartime(norm, out normInv);
        }
        else
        {
            Fp2<TFp>.Inverse(norm, out normInv);
        }

        Fp2<TFp>.Mul(t0, normInv, out var c0);
        Fp2<TFp>.Mul(t1, normInv, out var c1);
        Fp2<TFp>.Mul(t2, normInv, out var c2);
        r = new(c0, c1, c2);
    }

    /// <summary>
    /// r = a^(p^k) for k = 1, 2, 3 (k is public): conjugate the Fp2 coefficients k times and scale
    /// the v and v² coefficients by <see cref="TowerFrobenius{TFp, TTower}"/> constants.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not 1, 2 or 3.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Frobenius(in Fp6<TFp, TTower> a, int k, out Fp6<TFp, TTower> r)
    {
        if (k is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "Frobenius power must be 1, 2 or 3.");
        }

        Fp2<TFp> b0, b1, b2;
        if ((k & 1) == 1)
        {
            Fp2<TFp>.Conjugate(a.c0, out b0);
            Fp2<TFp>.Conjugate(a.c1, out b1);
            Fp2<TFp>.Conjugate(a.c2, out b2);
        }
        else
        {
            b0 = a.c0;
            b1 = a.c1;
            b2 = a.c2;
        }

        Fp2<TFp>.Mul(b1, TowerFrobenius<TFp, TTower>.Fp6V[k - 1], out var c1);
        Fp2<TFp>.Mul(b2, TowerFrobenius<TFp, TTower>.Fp6V2[k - 1], out var c2);
        r = new(b0, c1, c2);
    }

    /// <summary>All-ones when a == b (no early exit).</summary>
    public static ulong EqualMask(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b) =>
        Fp2<TFp>.EqualMask(a.c0, b.c0) & Fp2<TFp>.EqualMask(a.c1, b.c1) & Fp2<TFp>.EqualMask(a.c2, b.c2);

    /// <summary>All-ones when a == 0 (no early exit).</summary>
    public static ulong IsZeroMask(in Fp6<TFp, TTower> a) =>
        Fp2<TFp>.IsZeroMask(a.c0) & Fp2<TFp>.IsZeroMask(a.c1) & Fp2<TFp>.IsZeroMask(a.c2);

    /// <summary>r = mask == all-ones ? a : b.</summary>
    public static void Select(ulong mask, in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> r)
    {
        Fp2<TFp>.Select(mask, a.c0, b.c0, out var c0);
        Fp2<TFp>.Select(mask, a.c1, b.c1, out var c1);
        Fp2<TFp>.Select(mask, a.c2, b.c2, out var c2);
        r = new(c0, c1, c2);
    }

    public static bool operator ==(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b) => EqualMask(a, b) != 0;

    public static bool operator !=(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b) => EqualMask(a, b) == 0;

    /// <summary>Value equality (constant time, through <see cref="EqualMask"/>).</summary>
    public bool Equals(Fp6<TFp, TTower> other) => EqualMask(this, other) != 0;

    public override bool Equals(object? obj) => obj is Fp6<TFp, TTower> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(c0, c1, c2);

    /// <summary>The coefficients, lowest first, canonical hex. For public values only.</summary>
    public override string ToString() => $"({c0}, {c1}, {c2})";
}
