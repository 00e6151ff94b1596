using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Simd;

/// <summary>
/// Eight points in homogeneous projective coordinates (X : Y : Z), one per lane: the lane counterpart of
/// <see cref="ProjectivePoint{TF,TCurve}"/>, with the same complete formulas of Renes, Costello and Batina
/// (eprint 2015/1060, Algorithms 7 and 9, a = 0). They have no exceptional case on these prime-order-subgroup curves
/// (none has a point of order 2), so P = Q, P = -Q and the identity need neither branch nor mask: every lane runs the
/// same instructions whatever its point (constant time). The identity is (0 : 1 : 0).
/// </summary>
/// <typeparam name="TF">The scalar coordinate field (Fp or Fp2).</typeparam>
/// <typeparam name="TLane">Its 8-lane counterpart.</typeparam>
/// <typeparam name="TCurve">The group (supplies 3b).</typeparam>
[SkipLocalsInit]
[StructLayout(LayoutKind.Sequential)]
public struct ProjectivePointX8<TF, TLane, TCurve>
    where TF : unmanaged, IField<TF>
    where TLane : unmanaged, ILaneField<TLane, TF>
    where TCurve : ICurve<TF, TCurve>
{
    /// <summary>Coordinates, 8 lanes each.</summary>
    public TLane X, Y, Z;

    /// <summary>3b of the curve in every lane (a public constant).</summary>
    private static readonly TLane B3 = BroadcastB3();

    private static TLane BroadcastB3()
    {
        TLane.Broadcast(TCurve.B3, out TLane r);
        return r;
    }

    /// <summary>
    /// The curve endomorphism (φ on G1, ψ on G2) is diagonal up to the Frobenius map on these curves:
    /// (X : Y : Z) ↦ (cx·X^p : cy·Y^p : Z^p), with X^p = X on G1. cx and cy are read off the scalar
    /// <see cref="ICurve{TF,TSelf}.Endomorphism"/> applied to (1, 1, 1); the tests check the lane map against the scalar one.
    /// </summary>
    private static readonly (TLane X, TLane Y) EndomorphismFactors = ReadEndomorphismFactors();

    private static (TLane, TLane) ReadEndomorphismFactors()
    {
        TF x = TF.One, y = TF.One, z = TF.One;
        TCurve.Endomorphism(ref x, ref y, ref z);
        TLane.Broadcast(x, out TLane cx);
        TLane.Broadcast(y, out TLane cy);
        return (cx, cy);
    }

    /// <summary>r = the curve endomorphism of p per lane (see <see cref="EndomorphismFactors"/>); r may alias p.</summary>
    public static void Endomorphism(in ProjectivePointX8<TF, TLane, TCurve> p, out ProjectivePointX8<TF, TLane, TCurve> r)
    {
        var (cx, cy) = EndomorphismFactors;
        TLane.Conjugate(p.X, out TLane x);
        TLane.Conjugate(p.Y, out TLane y);
        TLane.Conjugate(p.Z, out r.Z);
        TLane.Mul(x, cx, out r.X);
        TLane.Mul(y, cy, out r.Y);
    }

    /// <summary>The identity (0 : 1 : 0) in every lane.</summary>
    public static ProjectivePointX8<TF, TLane, TCurve> Infinity => new() { X = TLane.Zero, Y = TLane.One, Z = TLane.Zero };

    /// <summary>
    /// Loads 8 affine points (exactly 8); the affine identity (0, 0) becomes (0 : 1 : 0). Constant time.
    /// Does not check that the points are on the curve (the caller's decoder does).
    /// </summary>
    /// <exception cref="ArgumentException">points does not hold exactly 8 points.</exception>
    public static void FromAffine(ReadOnlySpan<AffinePoint<TF, TCurve>> points, out ProjectivePointX8<TF, TLane, TCurve> r)
    {
        if (points.Length != 8) throw new ArgumentException("exactly 8 points are needed, one per lane", nameof(points));
        Span<TF> xs = stackalloc TF[8];
        Span<TF> ys = stackalloc TF[8];
        for (int i = 0; i < 8; i++)
        {
            xs[i] = points[i].X;
            ys[i] = points[i].Y;
        }
        TLane.Load(xs, out TLane x);
        TLane.Load(ys, out TLane y);
        Vector512<ulong> infinity = TLane.IsZeroMask(x) & TLane.IsZeroMask(y);
        r.X = x;
        TLane.Select(infinity, TLane.One, y, out r.Y);
        TLane.Select(infinity, TLane.Zero, TLane.One, out r.Z);
    }

    /// <summary>
    /// Writes the 8 lanes as Jacobian points (X·Z, Y·Z², Z), canonical, the identity as (1, 1, 0) like
    /// <see cref="ProjectivePoint{TF,TCurve}.ToJacobian"/> (exactly 8 outputs). Constant time.
    /// </summary>
    /// <exception cref="ArgumentException">dst does not hold exactly 8 points.</exception>
    public static void ToJacobian(in ProjectivePointX8<TF, TLane, TCurve> p, Span<JacobianPoint<TF, TCurve>> dst)
    {
        if (dst.Length != 8) throw new ArgumentException("exactly 8 points are needed, one per lane", nameof(dst));
        TLane.Mul(p.X, p.Z, out TLane x);
        TLane.Square(p.Z, out TLane z2);
        TLane.Mul(p.Y, z2, out TLane y);
        Vector512<ulong> infinity = TLane.IsZeroMask(p.Z);
        TLane.Select(infinity, TLane.One, x, out x);
        TLane.Select(infinity, TLane.One, y, out y);
        Span<TF> xs = stackalloc TF[8];
        Span<TF> ys = stackalloc TF[8];
        Span<TF> zs = stackalloc TF[8];
        TLane.Store(x, xs);
        TLane.Store(y, ys);
        TLane.Store(p.Z, zs);
        for (int i = 0; i < 8; i++) dst[i] = new JacobianPoint<TF, TCurve>(xs[i], ys[i], zs[i]);
    }

    /// <summary>Per lane r = mask ? a : b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Select(Vector512<ulong> mask, in ProjectivePointX8<TF, TLane, TCurve> a, in ProjectivePointX8<TF, TLane, TCurve> b, out ProjectivePointX8<TF, TLane, TCurve> r)
    {
        TLane.Select(mask, a.X, b.X, out r.X);
        TLane.Select(mask, a.Y, b.Y, out r.Y);
        TLane.Select(mask, a.Z, b.Z, out r.Z);
    }

    /// <summary>Per lane p = mask ? -p : p (masked select of -Y).</summary>
    public static void ConditionalNegate(Vector512<ulong> mask, ref ProjectivePointX8<TF, TLane, TCurve> p)
    {
        TLane.Neg(p.Y, out TLane ny);
        TLane.Select(mask, ny, p.Y, out p.Y);
    }

    /// <summary>
    /// r = p + q per lane, complete (RCB Algorithm 7, a = 0: 12M + 2 multiplications by 3b). r may alias p or q.
    /// Lazy reduction: intermediates that only feed multiplications skip the reduction; the trailing comments give each one's
    /// bound in units of p (inputs and Mul outputs are below 2p), and no multiplication sees a product of bounds above 40.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in ProjectivePointX8<TF, TLane, TCurve> p, in ProjectivePointX8<TF, TLane, TCurve> q, out ProjectivePointX8<TF, TLane, TCurve> r)
    {
        TLane.Mul(p.X, q.X, out TLane t0);
        TLane.Mul(p.Y, q.Y, out TLane t1);
        TLane.Mul(p.Z, q.Z, out TLane t2);
        TLane.AddUnreduced(p.X, p.Y, out TLane pxy);    // < 4
        TLane.AddUnreduced(q.X, q.Y, out TLane qxy);    // < 4
        TLane.Mul(pxy, qxy, out TLane m3);              // 4·4
        TLane.Add(t0, t1, out TLane s01);
        TLane.Sub(m3, s01, out TLane t3);               // X1Y2 + X2Y1, < 2
        TLane.AddUnreduced(p.Y, p.Z, out TLane pyz);
        TLane.AddUnreduced(q.Y, q.Z, out TLane qyz);
        TLane.Mul(pyz, qyz, out TLane m4);
        TLane.AddUnreduced(t1, t2, out TLane s12);      // < 4
        TLane.SubUnreduced(m4, s12, out TLane t4);      // Y1Z2 + Y2Z1, < 10
        TLane.AddUnreduced(p.X, p.Z, out TLane pxz);
        TLane.AddUnreduced(q.X, q.Z, out TLane qxz);
        TLane.Mul(pxz, qxz, out TLane m5);
        TLane.AddUnreduced(t0, t2, out TLane s02);      // < 4
        TLane.SubUnreduced(m5, s02, out TLane y3a);     // X1Z2 + X2Z1, < 10
        TLane.AddUnreduced(t0, t0, out TLane t0d);
        TLane.AddUnreduced(t0d, t0, out TLane t0t);     // 3 X1X2, < 6
        TLane.Mul(t2, B3, out TLane t2b);               // 3b Z1Z2: 2·2
        TLane.AddUnreduced(t1, t2b, out TLane z3a);     // < 4
        TLane.SubUnreduced(t1, t2b, out TLane t1m);     // < 10
        TLane.Mul(y3a, B3, out TLane y3b);              // 10·2
        TLane.Mul(t4, y3b, out TLane x3a);              // 10·2
        TLane.Mul(t3, t1m, out TLane t2c);              // 2·10
        TLane.Mul(y3b, t0t, out TLane y3c);             // 2·6
        TLane.Mul(t1m, z3a, out TLane t1n);             // 10·4
        TLane.Mul(t0t, t3, out TLane t0u);              // 6·2
        TLane.Mul(z3a, t4, out TLane z3b);              // 4·10
        TLane.Sub(t2c, x3a, out r.X);
        TLane.Add(t1n, y3c, out r.Y);
        TLane.Add(z3b, t0u, out r.Z);
    }

    /// <summary>
    /// r = 2p per lane, complete (RCB Algorithm 9, a = 0: 6M + 2S + 1 multiplication by 3b). r may alias p.
    /// Lazy reduction as in <see cref="Add"/> (bounds in units of p in the comments; the largest product is 10·4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in ProjectivePointX8<TF, TLane, TCurve> p, out ProjectivePointX8<TF, TLane, TCurve> r)
    {
        TLane.Square(p.Y, out TLane t0);
        TLane.AddUnreduced(t0, t0, out TLane z3a);
        TLane.AddUnreduced(z3a, z3a, out TLane z3b);
        TLane.AddUnreduced(z3b, z3b, out TLane z3c);    // 8 Y^2, < 16
        TLane.Mul(p.Y, p.Z, out TLane t1);
        TLane.Square(p.Z, out TLane t2);
        TLane.Mul(t2, B3, out TLane t2b);               // 3b Z^2
        TLane.Mul(t2b, z3c, out TLane x3a);             // 2·16
        TLane.AddUnreduced(t0, t2b, out TLane y3a);     // < 4
        TLane.Mul(t1, z3c, out TLane z3);               // 2·16
        TLane.AddUnreduced(t2b, t2b, out TLane t1b);
        TLane.AddUnreduced(t1b, t2b, out TLane t2c);    // 9b Z^2, < 6
        TLane.SubUnreduced(t0, t2c, out TLane t0b);     // < 10
        TLane.Mul(t0b, y3a, out TLane y3b);             // 10·4
        TLane.Mul(p.X, p.Y, out TLane t1c);
        TLane.Mul(t0b, t1c, out TLane x3b);             // 10·2
        TLane.Add(x3a, y3b, out r.Y);
        TLane.Double(x3b, out r.X);
        r.Z = z3;
    }
}
