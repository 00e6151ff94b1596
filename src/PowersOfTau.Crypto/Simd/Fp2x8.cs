using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Simd;

/// <summary>
/// Eight elements of Fp2 = Fp[u]/(u² + 1) (both BN254 and BLS12-381), one per lane, over an 8-lane base field:
/// the lane counterpart of <see cref="Fp2{TFp}"/>. Multiplication is Karatsuba (3 base multiplications); the sums it
/// multiplies are left unreduced (<see cref="ILaneField{T,TScalar}.AddUnreduced"/>), which the base multiplication accepts.
/// Constant time, like the base field.
/// </summary>
/// <typeparam name="TLane">The 8-lane base field (<see cref="Fp381x8"/> or <see cref="Fp254x8"/>).</typeparam>
/// <typeparam name="TFp">The scalar base field it holds.</typeparam>
[SkipLocalsInit]
[StructLayout(LayoutKind.Sequential)]
public struct Fp2x8<TLane, TFp> : ILaneField<Fp2x8<TLane, TFp>, Fp2<TFp>>
    where TLane : unmanaged, ILaneField<TLane, TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>The coefficient of 1, per lane.</summary>
    public TLane C0;

    /// <summary>The coefficient of u, per lane.</summary>
    public TLane C1;

    /// <inheritdoc/>
    public static Fp2x8<TLane, TFp> Zero => default;

    /// <inheritdoc/>
    public static Fp2x8<TLane, TFp> One => new() { C0 = TLane.One, C1 = TLane.Zero };

    /// <summary>(a0 + a1u)(b0 + b1u) = (a0b0 - a1b1) + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.Mul(a.C0, b.C0, out TLane t0);
        TLane.Mul(a.C1, b.C1, out TLane t1);
        TLane.AddUnreduced(a.C0, a.C1, out TLane sa);
        TLane.AddUnreduced(b.C0, b.C1, out TLane sb);
        TLane.Mul(sa, sb, out TLane m);
        TLane.Sub(t0, t1, out r.C0);
        TLane.Sub(m, t0, out TLane m0);
        TLane.Sub(m0, t1, out r.C1);
    }

    /// <summary>(a0 + a1u)² = (a0 + a1)(a0 - a1) + 2a0a1·u (2 base multiplications). The input must be reduced (below 2p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp2x8<TLane, TFp> a, out Fp2x8<TLane, TFp> r)
    {
        TLane.AddUnreduced(a.C0, a.C1, out TLane s);
        TLane.Sub(a.C0, a.C1, out TLane d);
        TLane.Mul(a.C0, a.C1, out TLane p);
        TLane.Mul(s, d, out r.C0);
        TLane.Double(p, out r.C1);
    }

    /// <inheritdoc/>
    public static void Add(in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.Add(a.C0, b.C0, out TLane c0);
        TLane.Add(a.C1, b.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void AddUnreduced(in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.AddUnreduced(a.C0, b.C0, out TLane c0);
        TLane.AddUnreduced(a.C1, b.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void SubUnreduced(in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.SubUnreduced(a.C0, b.C0, out TLane c0);
        TLane.SubUnreduced(a.C1, b.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void Sub(in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.Sub(a.C0, b.C0, out TLane c0);
        TLane.Sub(a.C1, b.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void Double(in Fp2x8<TLane, TFp> a, out Fp2x8<TLane, TFp> r)
    {
        TLane.Double(a.C0, out TLane c0);
        TLane.Double(a.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void Neg(in Fp2x8<TLane, TFp> a, out Fp2x8<TLane, TFp> r)
    {
        TLane.Neg(a.C0, out TLane c0);
        TLane.Neg(a.C1, out r.C1);
        r.C0 = c0;
    }

    /// <summary>Conjugate c0 - c1·u per lane (the Frobenius map, p ≡ 3 mod 4).</summary>
    public static void Conjugate(in Fp2x8<TLane, TFp> a, out Fp2x8<TLane, TFp> r)
    {
        TLane.Neg(a.C1, out TLane c1);
        r.C0 = a.C0;
        r.C1 = c1;
    }

    /// <inheritdoc/>
    public static void Select(Vector512<ulong> mask, in Fp2x8<TLane, TFp> a, in Fp2x8<TLane, TFp> b, out Fp2x8<TLane, TFp> r)
    {
        TLane.Select(mask, a.C0, b.C0, out TLane c0);
        TLane.Select(mask, a.C1, b.C1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static Vector512<ulong> IsZeroMask(in Fp2x8<TLane, TFp> a) => TLane.IsZeroMask(a.C0) & TLane.IsZeroMask(a.C1);

    /// <inheritdoc/>
    public static void Load(ReadOnlySpan<Fp2<TFp>> src, out Fp2x8<TLane, TFp> r)
    {
        if (src.Length != 8) throw new ArgumentException("exactly 8 elements are needed, one per lane", nameof(src));
        Span<TFp> c0 = stackalloc TFp[8];
        Span<TFp> c1 = stackalloc TFp[8];
        try
        {
            for (int i = 0; i < 8; i++)
            {
                c0[i] = src[i].c0;
                c1[i] = src[i].c1;
            }
            TLane.Load(c0, out TLane l0);
            TLane.Load(c1, out r.C1);
            r.C0 = l0;
        }
        finally
        {
            PowersOfTau.Secrets.ConstantTime.Wipe(MemoryMarshal.AsBytes(c0));
            PowersOfTau.Secrets.ConstantTime.Wipe(MemoryMarshal.AsBytes(c1));
        }
    }

    /// <inheritdoc/>
    public static void Broadcast(in Fp2<TFp> a, out Fp2x8<TLane, TFp> r)
    {
        TLane.Broadcast(a.c0, out TLane c0);
        TLane.Broadcast(a.c1, out r.C1);
        r.C0 = c0;
    }

    /// <inheritdoc/>
    public static void Store(in Fp2x8<TLane, TFp> a, Span<Fp2<TFp>> dst)
    {
        if (dst.Length != 8) throw new ArgumentException("exactly 8 elements are needed, one per lane", nameof(dst));
        Span<TFp> c0 = stackalloc TFp[8];
        Span<TFp> c1 = stackalloc TFp[8];
        try
        {
            TLane.Store(a.C0, c0);
            TLane.Store(a.C1, c1);
            for (int i = 0; i < 8; i++) dst[i] = new Fp2<TFp>(c0[i], c1[i]);
        }
        finally
        {
            PowersOfTau.Secrets.ConstantTime.Wipe(MemoryMarshal.AsBytes(c0));
            PowersOfTau.Secrets.ConstantTime.Wipe(MemoryMarshal.AsBytes(c1));
        }
    }
}
