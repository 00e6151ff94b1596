using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// A point in homogeneous projective coordinates (X : Y : Z) = affine (X/Z, Y/Z); the identity is (0 : 1 : 0).
/// Used by the constant-time scalar multiplication because the complete formulas of Renes, Costello and Batina
/// ("Complete addition formulas for prime order elliptic curves", eprint 2015/1060, Algorithms 7 and 9, a = 0)
/// have no exceptional cases on these curves (none has a point of order 2), so no branch or select is needed
/// for P = Q, P = -Q or the identity.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ProjectivePoint<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    /// <summary>The X coordinate.</summary>
    public TF X;

    /// <summary>The Y coordinate.</summary>
    public TF Y;

    /// <summary>The Z coordinate (zero for the identity).</summary>
    public TF Z;

    /// <summary>Builds a point from projective coordinates; does not check that it is on the curve.</summary>
    public ProjectivePoint(in TF x, in TF y, in TF z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (0 : 1 : 0).</summary>
    public static ProjectivePoint<TF, TCurve> Infinity => new(TF.Zero, TF.One, TF.Zero);

    /// <summary>From affine (identity (0,0) becomes (0 : 1 : 0)). Constant time.</summary>
    public static void FromAffine(in AffinePoint<TF, TCurve> a, out ProjectivePoint<TF, TCurve> r)
    {
        ulong inf = a.IsInfinityMask();
        TF one = TF.One;
        TF zero = TF.Zero;
        TF.Select(inf, one, a.Y, out TF y);
        TF.Select(inf, zero, one, out TF z);
        r = new ProjectivePoint<TF, TCurve>(a.X, y, z);
    }

    /// <summary>From Jacobian (X, Y, Z) to (X·Z : Y : Z^3); the identity maps to (0 : 1 : 0). Constant time.</summary>
    public static void FromJacobian(in JacobianPoint<TF, TCurve> j, out ProjectivePoint<TF, TCurve> r)
    {
        TF.Mul(j.X, j.Z, out TF x);
        TF.Square(j.Z, out TF z2);
        TF.Mul(z2, j.Z, out TF z3);
        ulong inf = j.IsInfinityMask();
        TF one = TF.One;
        TF.Select(inf, one, j.Y, out TF y);
        r = new ProjectivePoint<TF, TCurve>(x, y, z3);
    }

    /// <summary>To Jacobian (X·Z, Y·Z^2, Z); the identity maps to (1, 1, 0). Constant time.</summary>
    public static void ToJacobian(in ProjectivePoint<TF, TCurve> p, out JacobianPoint<TF, TCurve> r)
    {
        TF.Mul(p.X, p.Z, out TF x);
        TF.Square(p.Z, out TF z2);
        TF.Mul(p.Y, z2, out TF y);
        ulong inf = TF.IsZeroMask(p.Z);
        TF one = TF.One;
        TF.Select(inf, one, x, out TF xs);
        TF.Select(inf, one, y, out TF ys);
        r = new JacobianPoint<TF, TCurve>(xs, ys, p.Z);
    }

    /// <summary>r = mask ? -p : p (constant time).</summary>
    public static void ConditionalNegate(ulong mask, in ProjectivePoint<TF, TCurve> p, out ProjectivePoint<TF, TCurve> r)
    {
        TF.Neg(p.Y, out TF ny);
        TF.Select(mask, ny, p.Y, out TF y);
        r = new ProjectivePoint<TF, TCurve>(p.X, y, p.Z);
    }

    /// <summary>r = mask ? a : b (constant time).</summary>
    public static void Select(ulong mask, in ProjectivePoint<TF, TCurve> a, in ProjectivePoint<TF, TCurve> b, out ProjectivePoint<TF, TCurve> r)
    {
        TF.Select(mask, a.X, b.X, out TF x);
        TF.Select(mask, a.Y, b.Y, out TF y);
        TF.Select(mask, a.Z, b.Z, out TF z);
        r = new ProjectivePoint<TF, TCurve>(x, y, z);
    }

    /// <summary>r = p + q, complete (RCB Algorithm 7, a = 0: 12M + 2·(mul by 3b)). Constant time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ProjectivePoint<TF, TCurve> p, in ProjectivePoint<TF, TCurve> q, out ProjectivePoint<TF, TCurve> r)
    {
        TF.Mul(p.X, q.X, out TF t0);
        TF.Mul(p.Y, q.Y, out TF t1);
        TF.Mul(p.Z, q.Z, out TF t2);
        TF.Add(p.X, p.Y, out TF pxy);
        TF.Add(q.X, q.Y, out TF qxy);
        TF.Mul(pxy, qxy, out TF m3);
        TF.Add(t0, t1, out TF s01);
        TF.Sub(m3, s01, out TF t3);          // X1Y2 + X2Y1
        TF.Add(p.Y, p.Z, out TF pyz);
        TF.Add(q.Y, q.Z, out TF qyz);
        TF.Mul(pyz, qyz, out TF m4);
        TF.Add(t1, t2, out TF s12);
        TF.Sub(m4, s12, out TF t4);          // Y1Z2 + Y2Z1
        TF.Add(p.X, p.Z, out TF pxz);
        TF.Add(q.X, q.Z, out TF qxz);
        TF.Mul(pxz, qxz, out TF m5);
        TF.Add(t0, t2, out TF s02);
        TF.Sub(m5, s02, out TF y3a);         // X1Z2 + X2Z1
        TF.Double(t0, out TF t0d);
        TF.Add(t0d, t0, out TF t0t);         // 3 X1X2
        TCurve.MulByB3(t2, out TF t2b);          // 3b Z1Z2
        TF.Add(t1, t2b, out TF z3a);
        TF.Sub(t1, t2b, out TF t1m);
        TCurve.MulByB3(y3a, out TF y3b);
        TF.Mul(t4, y3b, out TF x3a);
        TF.Mul(t3, t1m, out TF t2c);
        TF.Sub(t2c, x3a, out TF x3);
        TF.Mul(y3b, t0t, out TF y3c);
        TF.Mul(t1m, z3a, out TF t1n);
        TF.Add(t1n, y3c, out TF y3);
        TF.Mul(t0t, t3, out TF t0u);
        TF.Mul(z3a, t4, out TF z3b);
        TF.Add(z3b, t0u, out TF z3);
        r = new ProjectivePoint<TF, TCurve>(x3, y3, z3);
    }

    /// <summary>r = 2p, complete (RCB Algorithm 9, a = 0: 6M + 2S + 1·(mul by 3b)). Constant time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in ProjectivePoint<TF, TCurve> p, out ProjectivePoint<TF, TCurve> r)
    {
        TF.Square(p.Y, out TF t0);
        TF.Double(t0, out TF z3a);
        TF.Double(z3a, out TF z3b);
        TF.Double(z3b, out TF z3c);          // 8 Y^2
        TF.Mul(p.Y, p.Z, out TF t1);
        TF.Square(p.Z, out TF t2);
        TCurve.MulByB3(t2, out TF t2b);          // 3b Z^2
        TF.Mul(t2b, z3c, out TF x3a);
        TF.Add(t0, t2b, out TF y3a);
        TF.Mul(t1, z3c, out TF z3);
        TF.Double(t2b, out TF t1b);
        TF.Add(t1b, t2b, out TF t2c);        // 9b Z^2
        TF.Sub(t0, t2c, out TF t0b);
        TF.Mul(t0b, y3a, out TF y3b);
        TF.Add(x3a, y3b, out TF y3);
        TF.Mul(p.X, p.Y, out TF t1c);
        TF.Mul(t0b, t1c, out TF x3b);
        TF.Double(x3b, out TF x3);
        r = new ProjectivePoint<TF, TCurve>(x3, y3, z3);
    }
}
