using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>
/// Eight homogeneous projective points, one per lane of an AVX-512 batch field (<see cref="IBatchField{T,TScalar}"/>),
/// with the same complete Renes–Costello–Batina formulas as <see cref="ProjectivePoint{TF,TCurve}"/> (a = 0): the
/// same instruction stream for every lane, no exceptional cases. Identity: (0 : 1 : 0).
/// </summary>
internal struct ProjectivePointX8<TV, TF>
    where TV : unmanaged, IBatchField<TV, TF>
    where TF : unmanaged
{
    public TV X;
    public TV Y;
    public TV Z;

    public ProjectivePointX8(in TV x, in TV y, in TV z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static ProjectivePointX8<TV, TF> Infinity => new(TV.Zero, TV.One, TV.Zero);

    public static void Select(Vector512<ulong> mask, in ProjectivePointX8<TV, TF> a, in ProjectivePointX8<TV, TF> b, out ProjectivePointX8<TV, TF> r)
    {
        TV.Select(mask, a.X, b.X, out TV x);
        TV.Select(mask, a.Y, b.Y, out TV y);
        TV.Select(mask, a.Z, b.Z, out TV z);
        r = new(x, y, z);
    }

    public static void ConditionalNegate(Vector512<ulong> mask, in ProjectivePointX8<TV, TF> p, out ProjectivePointX8<TV, TF> r)
    {
        TV.Neg(p.Y, out TV ny);
        TV.Select(mask, ny, p.Y, out TV y);
        r = new(p.X, y, p.Z);
    }

    /// <summary>RCB Algorithm 7 (a = 0); <paramref name="b3"/> is 3b in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ProjectivePointX8<TV, TF> p, in ProjectivePointX8<TV, TF> q, in TV b3, out ProjectivePointX8<TV, TF> r)
    {
        TV.Mul(p.X, q.X, out TV t0);
        TV.Mul(p.Y, q.Y, out TV t1);
        TV.Mul(p.Z, q.Z, out TV t2);
        TV.Add(p.X, p.Y, out TV pxy);
        TV.Add(q.X, q.Y, out TV qxy);
        TV.Mul(pxy, qxy, out TV m3);
        TV.Add(t0, t1, out TV s01);
        TV.Sub(m3, s01, out TV t3);
        TV.Add(p.Y, p.Z, out TV pyz);
        TV.Add(q.Y, q.Z, out TV qyz);
        TV.Mul(pyz, qyz, out TV m4);
        TV.Add(t1, t2, out TV s12);
        TV.Sub(m4, s12, out TV t4);
        TV.Add(p.X, p.Z, out TV pxz);
        TV.Add(q.X, q.Z, out TV qxz);
        TV.Mul(pxz, qxz, out TV m5);
        TV.Add(t0, t2, out TV s02);
        TV.Sub(m5, s02, out TV y3a);
        TV.Double(t0, out TV t0d);
        TV.Add(t0d, t0, out TV t0t);
        TV.Mul(b3, t2, out TV t2b);
        TV.Add(t1, t2b, out TV z3a);
        TV.Sub(t1, t2b, out TV t1m);
        TV.Mul(b3, y3a, out TV y3b);
        TV.Mul(t4, y3b, out TV x3a);
        TV.Mul(t3, t1m, out TV t2c);
        TV.Sub(t2c, x3a, out TV x3);
        TV.Mul(y3b, t0t, out TV y3c);
        TV.Mul(t1m, z3a, out TV t1n);
        TV.Add(t1n, y3c, out TV y3);
        TV.Mul(t0t, t3, out TV t0u);
        TV.Mul(z3a, t4, out TV z3b);
        TV.Add(z3b, t0u, out TV z3);
        r = new(x3, y3, z3);
    }

    /// <summary>RCB Algorithm 9 (a = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in ProjectivePointX8<TV, TF> p, in TV b3, out ProjectivePointX8<TV, TF> r)
    {
        TV.Square(p.Y, out TV t0);
        TV.Double(t0, out TV z3a);
        TV.Double(z3a, out TV z3b);
        TV.Double(z3b, out TV z3c);
        TV.Mul(p.Y, p.Z, out TV t1);
        TV.Square(p.Z, out TV t2);
        TV.Mul(b3, t2, out TV t2b);
        TV.Mul(t2b, z3c, out TV x3a);
        TV.Add(t0, t2b, out TV y3a);
        TV.Mul(t1, z3c, out TV z3);
        TV.Double(t2b, out TV t1b);
        TV.Add(t1b, t2b, out TV t2c);
        TV.Sub(t0, t2c, out TV t0b);
        TV.Mul(t0b, y3a, out TV y3b);
        TV.Add(x3a, y3b, out TV y3);
        TV.Mul(p.X, p.Y, out TV t1c);
        TV.Mul(t0b, t1c, out TV x3b);
        TV.Double(x3b, out TV x3);
        r = new(x3, y3, z3);
    }
}
