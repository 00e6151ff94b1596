using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// A point in affine coordinates (x, y). The identity (point at infinity) is represented as (0, 0), which is
/// never on a curve y^2 = x^3 + b with b != 0 — the same convention as ffjavascript and the .ptau LEM encoding
/// (spec/ptau.md §2), so an array of these is exactly the memory image the formats describe (modulo Montgomery form).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct AffinePoint<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    /// <summary>The x coordinate (zero for the identity).</summary>
    public TF X;

    /// <summary>The y coordinate (zero for the identity).</summary>
    public TF Y;

    /// <summary>Builds a point from coordinates; does not check that it is on the curve (see <see cref="IsOnCurve"/>).</summary>
    public AffinePoint(in TF x, in TF y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The identity, (0, 0).</summary>
    public static AffinePoint<TF, TCurve> Infinity => default;

    /// <summary>All-ones when this is the identity (both coordinates zero). Constant time.</summary>
    public readonly ulong IsInfinityMask() => TF.IsZeroMask(X) & TF.IsZeroMask(Y);

    /// <summary>True when this is the identity.</summary>
    public readonly bool IsInfinity => IsInfinityMask() != 0;

    /// <summary>True when y^2 = x^3 + b, or the point is the identity. Constant time in the coordinates.</summary>
    public readonly bool IsOnCurve()
    {
        TF.Square(X, out TF x2);
        TF.Mul(x2, X, out TF x3);
        TF b = TCurve.B;
        TF.Add(x3, b, out TF rhs);
        TF.Square(Y, out TF lhs);
        return (TF.EqualMask(lhs, rhs) | IsInfinityMask()) != 0;
    }

    /// <summary>The negation (x, -y); the identity maps to itself.</summary>
    public static void Negate(in AffinePoint<TF, TCurve> p, out AffinePoint<TF, TCurve> r)
    {
        TF.Neg(p.Y, out TF ny);
        r.X = p.X;
        r.Y = ny;
    }

    /// <summary>All-ones when the points are equal. Constant time.</summary>
    public static ulong EqualMask(in AffinePoint<TF, TCurve> a, in AffinePoint<TF, TCurve> b) =>
        TF.EqualMask(a.X, b.X) & TF.EqualMask(a.Y, b.Y);

    /// <summary>r = mask == all-ones ? a : b.</summary>
    public static void Select(ulong mask, in AffinePoint<TF, TCurve> a, in AffinePoint<TF, TCurve> b, out AffinePoint<TF, TCurve> r)
    {
        TF.Select(mask, a.X, b.X, out TF x);
        TF.Select(mask, a.Y, b.Y, out TF y);
        r.X = x;
        r.Y = y;
    }

    /// <summary>The same point in Jacobian coordinates (the identity becomes (1, 1, 0)).</summary>
    public readonly JacobianPoint<TF, TCurve> ToJacobian()
    {
        JacobianPoint<TF, TCurve>.FromAffine(this, out var j);
        return j;
    }

    /// <summary>
    /// True when the point is on the curve, and either the identity or in the prime-order subgroup
    /// (the full validity check a decoder applies). Variable time: public points only.
    /// </summary>
    public readonly bool IsValidVartime() => IsOnCurve() && (IsInfinity || TCurve.IsInSubgroupVartime(this));
}
