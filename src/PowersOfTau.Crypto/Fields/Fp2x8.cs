using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Eight independent Fp2 = Fp[u]/(u² + 1) elements over an 8-lane base field (<see cref="Fp381x8"/> or
/// <see cref="Fp254x8"/>), for G2 batch arithmetic. Same formulas as <see cref="Fp2{TFp}"/> (Karatsuba product,
/// complex squaring); constant time. Use only when <see cref="IsSupported"/>.
/// </summary>
[SkipLocalsInit]
public struct Fp2x8<TV, TFp> : IBatchField<Fp2x8<TV, TFp>, Fp2<TFp>>
    where TV : struct, IBatchField<TV, TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>The coefficients of 1 and of u.</summary>
    public TV c0, c1;

    /// <summary>c0 + c1·u.</summary>
    public Fp2x8(in TV c0, in TV c1)
    {
        this.c0 = c0;
        this.c1 = c1;
    }

    /// <inheritdoc/>
    public static bool IsSupported => TV.IsSupported;

    /// <inheritdoc/>
    public static Fp2x8<TV, TFp> Zero => new(TV.Zero, TV.Zero);

    /// <inheritdoc/>
    public static Fp2x8<TV, TFp> One => new(TV.One, TV.Zero);

    /// <inheritdoc/>
    public static void Add(in Fp2x8<TV, TFp> a, in Fp2x8<TV, TFp> b, out Fp2x8<TV, TFp> r)
    {
        Unsafe.SkipInit(out r); // component-wise: r may alias a or b
        TV.Add(a.c0, b.c0, out r.c0);
        TV.Add(a.c1, b.c1, out r.c1);
    }

    /// <inheritdoc/>
    public static void Sub(in Fp2x8<TV, TFp> a, in Fp2x8<TV, TFp> b, out Fp2x8<TV, TFp> r)
    {
        Unsafe.SkipInit(out r); // component-wise: r may alias a or b
        TV.Sub(a.c0, b.c0, out r.c0);
        TV.Sub(a.c1, b.c1, out r.c1);
    }

    /// <inheritdoc/>
    public static void Neg(in Fp2x8<TV, TFp> a, out Fp2x8<TV, TFp> r)
    {
        Unsafe.SkipInit(out r);
        TV.Neg(a.c0, out r.c0);
        TV.Neg(a.c1, out r.c1);
    }

    /// <inheritdoc/>
    public static void Double(in Fp2x8<TV, TFp> a, out Fp2x8<TV, TFp> r)
    {
        Unsafe.SkipInit(out r);
        TV.Double(a.c0, out r.c0);
        TV.Double(a.c1, out r.c1);
    }

    /// <summary>Karatsuba: (a0b0 - a1b1) + ((a0+a1)(b0+b1) - a0b0 - a1b1)u, 3 base products.</summary>
    public static void Mul(in Fp2x8<TV, TFp> a, in Fp2x8<TV, TFp> b, out Fp2x8<TV, TFp> r)
    {
        // a and b are fully read before r is written (r may alias them); results go straight into r. Three
        // temporaries of up to 896 bytes: bigger frames measured slower and unsteady (store/load aliasing).
        TV.Add(a.c0, a.c1, out var s);
        TV.Add(b.c0, b.c1, out var t);
        TV.Mul(s, t, out s); // the base Mul reads its inputs before writing r
        TV.Mul(a.c0, b.c0, out var v0);
        TV.Mul(a.c1, b.c1, out t); // t = a1·b1
        Unsafe.SkipInit(out r);
        TV.Sub(s, v0, out s);
        TV.Sub(s, t, out r.c1);
        TV.Sub(v0, t, out r.c0);
    }

    /// <summary>Complex squaring: (a0+a1)(a0-a1) + 2a0a1·u, 2 base products.</summary>
    public static void Square(in Fp2x8<TV, TFp> a, out Fp2x8<TV, TFp> r)
    {
        TV.Add(a.c0, a.c1, out var s);
        TV.Sub(a.c0, a.c1, out var d);
        TV.Mul(a.c0, a.c1, out var m);
        Unsafe.SkipInit(out r); // a is fully read
        TV.Mul(s, d, out r.c0);
        TV.Double(m, out r.c1);
    }

    /// <summary>r = a·b for b in the base field.</summary>
    public static void MulByBase(in Fp2x8<TV, TFp> a, in TV b, out Fp2x8<TV, TFp> r)
    {
        TV.Mul(a.c0, b, out var r0); // b may alias part of r
        TV.Mul(a.c1, b, out var r1);
        r = new(r0, r1);
    }

    /// <inheritdoc/>
    public static void Select(Vector512<ulong> mask, in Fp2x8<TV, TFp> a, in Fp2x8<TV, TFp> b, out Fp2x8<TV, TFp> r)
    {
        Unsafe.SkipInit(out r);
        TV.Select(mask, a.c0, b.c0, out r.c0);
        TV.Select(mask, a.c1, b.c1, out r.c1);
    }

    /// <inheritdoc/>
    public static Vector512<ulong> IsZeroMask(in Fp2x8<TV, TFp> a) => TV.IsZeroMask(a.c0) & TV.IsZeroMask(a.c1);

    /// <inheritdoc/>
    public static Vector512<ulong> EqualMask(in Fp2x8<TV, TFp> a, in Fp2x8<TV, TFp> b) => TV.EqualMask(a.c0, b.c0) & TV.EqualMask(a.c1, b.c1);

    /// <inheritdoc/>
    public static Fp2x8<TV, TFp> FromElements(ReadOnlySpan<Fp2<TFp>> src)
    {
        if (src.Length != IBatchField<TV, TFp>.LaneCount) throw new ArgumentException("expected 8 elements", nameof(src));
        Span<TFp> part = stackalloc TFp[IBatchField<TV, TFp>.LaneCount];
        for (int k = 0; k < part.Length; k++) part[k] = src[k].c0;
        var c0 = TV.FromElements(part);
        for (int k = 0; k < part.Length; k++) part[k] = src[k].c1;
        var c1 = TV.FromElements(part);
        part.Clear();
        return new(c0, c1);
    }

    /// <inheritdoc/>
    public static Fp2x8<TV, TFp> Broadcast(in Fp2<TFp> x) => new(TV.Broadcast(x.c0), TV.Broadcast(x.c1));

    /// <inheritdoc/>
    public static void ToElements(in Fp2x8<TV, TFp> a, Span<Fp2<TFp>> dst)
    {
        if (dst.Length != IBatchField<TV, TFp>.LaneCount) throw new ArgumentException("expected 8 elements", nameof(dst));
        Span<TFp> p0 = stackalloc TFp[IBatchField<TV, TFp>.LaneCount];
        Span<TFp> p1 = stackalloc TFp[IBatchField<TV, TFp>.LaneCount];
        TV.ToElements(a.c0, p0);
        TV.ToElements(a.c1, p1);
        for (int k = 0; k < dst.Length; k++) dst[k] = new Fp2<TFp>(p0[k], p1[k]);
        p0.Clear();
        p1.Clear();
    }
}
