using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// A point in Jacobian coordinates: (X, Y, Z) stands for the affine (X/Z^2, Y/Z^3); Z = 0 is the identity
/// (canonically (1, 1, 0)). Formulas are the a = 0 ones of the Explicit-Formulas Database:
/// doubling dbl-2009-l, addition add-2007-bl, mixed addition madd-2007-bl.
/// Members without "Vartime" in their name run in time independent of the coordinates; the "Vartime" ones
/// branch on the exceptional cases and are for public points only (MSM, verification, decoding).
/// No field call aliases its output with an input, so any field implementation of <see cref="IField{T}"/> is safe;
/// every point operation reads all its inputs before it writes its output, so the output may alias an input.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct JacobianPoint<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    /// <summary>The X coordinate.</summary>
    public TF X;

    /// <summary>The Y coordinate.</summary>
    public TF Y;

    /// <summary>The Z coordinate (zero for the identity).</summary>
    public TF Z;

    /// <summary>Builds a point from Jacobian coordinates; does not check that it is on the curve.</summary>
    public JacobianPoint(in TF x, in TF y, in TF z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>The identity (1, 1, 0).</summary>
    public static JacobianPoint<TF, TCurve> Infinity => new(TF.One, TF.One, TF.Zero);

    /// <summary>The group generator (spec/ptau.md §12).</summary>
    public static JacobianPoint<TF, TCurve> Generator => TCurve.Generator.ToJacobian();

    /// <summary>All-ones when Z = 0.</summary>
    public readonly ulong IsInfinityMask() => TF.IsZeroMask(Z);

    public readonly bool IsInfinity => IsInfinityMask() != 0;

    /// <summary>From affine; the affine identity (0, 0) becomes (1, 1, 0). Constant time.</summary>
    public static void FromAffine(in AffinePoint<TF, TCurve> a, out JacobianPoint<TF, TCurve> r)
    {
        ulong inf = a.IsInfinityMask();
        TF one = TF.One;
        TF zero = TF.Zero;
        TF.Select(inf, one, a.X, out TF x);
        TF.Select(inf, one, a.Y, out TF y);
        TF.Select(inf, zero, one, out TF z);
        r = new JacobianPoint<TF, TCurve>(x, y, z);
    }

    /// <summary>True when Y^2 = X^3 + b·Z^6 or the point is the identity. Constant time.</summary>
    public readonly bool IsOnCurve()
    {
        TF.Square(Y, out TF y2);
        TF.Square(X, out TF x2);
        TF.Mul(x2, X, out TF x3);
        TF.Square(Z, out TF z2);
        TF.Square(z2, out TF z4);
        TF.Mul(z4, z2, out TF z6);
        TF b = TCurve.B;
        TF.Mul(z6, b, out TF bz6);
        TF.Add(x3, bz6, out TF rhs);
        return (TF.EqualMask(y2, rhs) | IsInfinityMask()) != 0;
    }

    /// <summary>r = -p.</summary>
    public static void Negate(in JacobianPoint<TF, TCurve> p, out JacobianPoint<TF, TCurve> r)
    {
        TF.Neg(p.Y, out TF ny);
        r = new JacobianPoint<TF, TCurve>(p.X, ny, p.Z);
    }

    /// <summary>r = mask ? -p : p (constant time).</summary>
    public static void ConditionalNegate(ulong mask, in JacobianPoint<TF, TCurve> p, out JacobianPoint<TF, TCurve> r)
    {
        TF.Neg(p.Y, out TF ny);
        TF.Select(mask, ny, p.Y, out TF y);
        r = new JacobianPoint<TF, TCurve>(p.X, y, p.Z);
    }

    /// <summary>r = mask ? a : b (constant time).</summary>
    public static void Select(ulong mask, in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b, out JacobianPoint<TF, TCurve> r)
    {
        TF.Select(mask, a.X, b.X, out TF x);
        TF.Select(mask, a.Y, b.Y, out TF y);
        TF.Select(mask, a.Z, b.Z, out TF z);
        r = new JacobianPoint<TF, TCurve>(x, y, z);
    }

    /// <summary>
    /// All-ones when a and b are the same group element (projective comparison: X1·Z2^2 = X2·Z1^2 and
    /// Y1·Z2^3 = Y2·Z1^3, or both the identity). Constant time: the masks are combined, never short-circuited.
    /// </summary>
    public static ulong EqualMask(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b)
    {
        TF.Square(a.Z, out TF z1z1);
        TF.Square(b.Z, out TF z2z2);
        TF.Mul(a.X, z2z2, out TF u1);
        TF.Mul(b.X, z1z1, out TF u2);
        TF.Mul(b.Z, z2z2, out TF z2c);
        TF.Mul(a.Z, z1z1, out TF z1c);
        TF.Mul(a.Y, z2c, out TF s1);
        TF.Mul(b.Y, z1c, out TF s2);
        ulong infA = a.IsInfinityMask();
        ulong infB = b.IsInfinityMask();
        ulong same = TF.EqualMask(u1, u2) & TF.EqualMask(s1, s2);
        return (infA & infB) | (~infA & ~infB & same);
    }

    /// <summary>True when a and b are the same group element.</summary>
    public static bool Equal(in JacobianPoint<TF, TCurve> a, in JacobianPoint<TF, TCurve> b) => EqualMask(a, b) != 0;

    /// <summary>
    /// r = 2p (dbl-2009-l, a = 0: 2M + 5S). Constant time; complete on these curves (the identity doubles to
    /// Z = 0, and no curve here has a point of order 2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in JacobianPoint<TF, TCurve> p, out JacobianPoint<TF, TCurve> r)
    {
        TF.Square(p.X, out TF a);
        TF.Square(p.Y, out TF b);
        TF.Square(b, out TF c);
        TF.Add(p.X, b, out TF xb);
        TF.Square(xb, out TF xb2);
        TF.Sub(xb2, a, out TF t0);
        TF.Sub(t0, c, out TF t1);
        TF.Double(t1, out TF d);
        TF.Double(a, out TF a2);
        TF.Add(a2, a, out TF e);
        TF.Square(e, out TF f);
        TF.Double(d, out TF d2);
        TF.Sub(f, d2, out TF x3);
        TF.Sub(d, x3, out TF dx);
        TF.Mul(e, dx, out TF edx);
        TF.Double(c, out TF c2);
        TF.Double(c2, out TF c4);
        TF.Double(c4, out TF c8);
        TF.Sub(edx, c8, out TF y3);
        TF.Mul(p.Y, p.Z, out TF yz);
        TF.Double(yz, out TF z3);
        r = new JacobianPoint<TF, TCurve>(x3, y3, z3);
    }

    /// <summary>
    /// The add-2007-bl core (11M + 5S) without exceptional-case handling: correct when neither input is the
    /// identity and p != ±q; gives Z = 0 when p = ±q. Also returns H and R so callers can detect p = q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddCore(in JacobianPoint<TF, TCurve> p, in JacobianPoint<TF, TCurve> q, out JacobianPoint<TF, TCurve> r, out TF h, out TF rr)
    {
        TF.Square(p.Z, out TF z1z1);
        TF.Square(q.Z, out TF z2z2);
        TF.Mul(p.X, z2z2, out TF u1);
        TF.Mul(q.X, z1z1, out TF u2);
        TF.Mul(q.Z, z2z2, out TF z2c);
        TF.Mul(p.Y, z2c, out TF s1);
        TF.Mul(p.Z, z1z1, out TF z1c);
        TF.Mul(q.Y, z1c, out TF s2);
        TF.Sub(u2, u1, out h);
        TF.Double(h, out TF h2);
        TF.Square(h2, out TF i);
        TF.Mul(h, i, out TF j);
        TF.Sub(s2, s1, out TF sd);
        TF.Double(sd, out rr);
        TF.Mul(u1, i, out TF v);
        TF.Square(rr, out TF r2);
        TF.Sub(r2, j, out TF t0);
        TF.Double(v, out TF v2);
        TF.Sub(t0, v2, out TF x3);
        TF.Sub(v, x3, out TF vx);
        TF.Mul(rr, vx, out TF rvx);
        TF.Mul(s1, j, out TF s1j);
        TF.Double(s1j, out TF s1j2);
        TF.Sub(rvx, s1j2, out TF y3);
        TF.Add(p.Z, q.Z, out TF zs);
        TF.Square(zs, out TF zs2);
        TF.Sub(zs2, z1z1, out TF t1);
        TF.Sub(t1, z2z2, out TF t2);
        TF.Mul(t2, h, out TF z3);
        r = new JacobianPoint<TF, TCurve>(x3, y3, z3);
    }

    /// <summary>
    /// r = p + q, constant time: computes the general sum and the doubling of p, then selects by masks among
    /// them, p, q and the identity, so p = q, p = -q and identity inputs give the right answer without a branch.
    /// </summary>
    public static void Add(in JacobianPoint<TF, TCurve> p, in JacobianPoint<TF, TCurve> q, out JacobianPoint<TF, TCurve> r)
    {
        AddCore(p, q, out var sum, out TF h, out TF rr);
        Double(p, out var dbl);
        ulong pInf = p.IsInfinityMask();
        ulong qInf = q.IsInfinityMask();
        ulong sameX = TF.IsZeroMask(h) & ~pInf & ~qInf;
        ulong useDouble = sameX & TF.IsZeroMask(rr);
        // When p = -q the core already yields Z = 0 (H = 0), i.e. the identity.
        Select(useDouble, dbl, sum, out var t0);
        Select(qInf, p, t0, out var t1);
        Select(pInf, q, t1, out r);
    }

    /// <summary>r = p + q for public points, branching on the exceptional cases.</summary>
    public static void AddVartime(in JacobianPoint<TF, TCurve> p, in JacobianPoint<TF, TCurve> q, out JacobianPoint<TF, TCurve> r)
    {
        if (p.IsInfinity) { r = q; return; }
        if (q.IsInfinity) { r = p; return; }
        AddCore(p, q, out var sum, out TF h, out TF rr);
        if (TF.IsZeroMask(h) != 0)
        {
            if (TF.IsZeroMask(rr) != 0) Double(p, out r);
            else r = Infinity;
            return;
        }
        r = sum;
    }

    /// <summary>
    /// r = p + q with q affine (madd-2007-bl, 7M + 4S), for public points: branches on the identity and p = ±q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMixedVartime(in JacobianPoint<TF, TCurve> p, in AffinePoint<TF, TCurve> q, out JacobianPoint<TF, TCurve> r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { FromAffine(q, out r); return; }
        TF.Square(p.Z, out TF z1z1);
        TF.Mul(q.X, z1z1, out TF u2);
        TF.Mul(p.Z, z1z1, out TF z1c);
        TF.Mul(q.Y, z1c, out TF s2);
        TF.Sub(u2, p.X, out TF h);
        TF.Sub(s2, p.Y, out TF sd);
        if (TF.IsZeroMask(h) != 0)
        {
            if (TF.IsZeroMask(sd) != 0) Double(p, out r);
            else r = Infinity;
            return;
        }
        TF.Square(h, out TF hh);
        TF.Double(hh, out TF hh2);
        TF.Double(hh2, out TF i);
        TF.Mul(h, i, out TF j);
        TF.Double(sd, out TF rr);
        TF.Mul(p.X, i, out TF v);
        TF.Square(rr, out TF r2);
        TF.Sub(r2, j, out TF t0);
        TF.Double(v, out TF v2);
        TF.Sub(t0, v2, out TF x3);
        TF.Sub(v, x3, out TF vx);
        TF.Mul(rr, vx, out TF rvx);
        TF.Mul(p.Y, j, out TF yj);
        TF.Double(yj, out TF yj2);
        TF.Sub(rvx, yj2, out TF y3);
        TF.Add(p.Z, h, out TF zh);
        TF.Square(zh, out TF zh2);
        TF.Sub(zh2, z1z1, out TF t1);
        TF.Sub(t1, hh, out TF z3);
        r = new JacobianPoint<TF, TCurve>(x3, y3, z3);
    }

    /// <summary>To affine with one constant-time inversion; the identity becomes (0, 0).</summary>
    public readonly AffinePoint<TF, TCurve> ToAffine()
    {
        TF.Inverse(Z, out TF zi);
        return ScaleToAffine(this, zi);
    }

    /// <summary>To affine with a variable-time inversion (public points only).</summary>
    public readonly AffinePoint<TF, TCurve> ToAffineVartime()
    {
        TF.InverseVartime(Z, out TF zi);
        return ScaleToAffine(this, zi);
    }

    /// <summary>Given zi = 1/Z (or anything when Z = 0, where the result is (0,0) because 1/0 = 0 by the field contract).</summary>
    private static AffinePoint<TF, TCurve> ScaleToAffine(in JacobianPoint<TF, TCurve> p, in TF zi)
    {
        TF.Square(zi, out TF zi2);
        TF.Mul(zi2, zi, out TF zi3);
        TF.Mul(p.X, zi2, out TF x);
        TF.Mul(p.Y, zi3, out TF y);
        ulong inf = p.IsInfinityMask();
        TF zero = TF.Zero;
        TF.Select(inf, zero, x, out TF xs);
        TF.Select(inf, zero, y, out TF ys);
        return new AffinePoint<TF, TCurve>(xs, ys);
    }

    /// <summary>
    /// Converts many points to affine with one inversion per chunk (Montgomery's trick: 3M per point), in parallel
    /// over chunks for large inputs. Identities (Z = 0) become (0, 0). Variable time (branches on identities,
    /// variable-time inversion): public points only.
    /// </summary>
    public static void BatchToAffineVartime(ReadOnlySpan<JacobianPoint<TF, TCurve>> src, Span<AffinePoint<TF, TCurve>> dst) =>
        BatchToAffine(src, dst, constantTime: false);

    /// <summary>
    /// As <see cref="BatchToAffineVartime"/>, but in constant time (masked handling of identities, constant-time
    /// inversion), for points computed from secret scalars, whose projective Z coordinates depend on the secret
    /// even though the affine results are published. The running time depends only on the number of points.
    /// </summary>
    public static void BatchToAffine(ReadOnlySpan<JacobianPoint<TF, TCurve>> src, Span<AffinePoint<TF, TCurve>> dst) =>
        BatchToAffine(src, dst, constantTime: true);

    private static void BatchToAffine(ReadOnlySpan<JacobianPoint<TF, TCurve>> src, Span<AffinePoint<TF, TCurve>> dst, bool constantTime)
    {
        if (dst.Length != src.Length) throw new ArgumentException("destination length differs from source length", nameof(dst));
        const int chunk = 4096;
        if (src.Length < 2 * chunk || Environment.ProcessorCount == 1)
        {
            BatchToAffineChunk(src, dst, constantTime);
            return;
        }
        unsafe
        {
            fixed (JacobianPoint<TF, TCurve>* ps = src)
            fixed (AffinePoint<TF, TCurve>* pd = dst)
            {
                nint s = (nint)ps, d = (nint)pd;
                int n = src.Length;
                int chunks = (n + chunk - 1) / chunk;
                Parallel.For(0, chunks, c =>
                {
                    int start = c * chunk;
                    int len = Math.Min(chunk, n - start);
                    var srcSpan = new ReadOnlySpan<JacobianPoint<TF, TCurve>>((JacobianPoint<TF, TCurve>*)s + start, len);
                    var dstSpan = new Span<AffinePoint<TF, TCurve>>((AffinePoint<TF, TCurve>*)d + start, len);
                    BatchToAffineChunk(srcSpan, dstSpan, constantTime);
                });
            }
        }
    }

    private static void BatchToAffineChunk(ReadOnlySpan<JacobianPoint<TF, TCurve>> src, Span<AffinePoint<TF, TCurve>> dst, bool constantTime)
    {
        int n = src.Length;
        if (n == 0) return;
        TF one = TF.One;
        // Prefix products of the Z's (an identity's Z = 0 replaced by 1), kept in dst's X slots to avoid another buffer.
        TF acc = one;
        for (int i = 0; i < n; i++)
        {
            dst[i].X = acc;
            TF.Select(src[i].IsInfinityMask(), one, src[i].Z, out TF z);
            TF.Mul(acc, z, out TF t);
            acc = t;
        }
        TF inv;
        if (constantTime) TF.Inverse(acc, out inv);
        else TF.InverseVartime(acc, out inv);
        for (int i = n - 1; i >= 0; i--)
        {
            ref readonly var p = ref src[i];
            TF.Select(p.IsInfinityMask(), one, p.Z, out TF z);
            TF.Mul(inv, dst[i].X, out TF zi); // 1/Z_i (or 1 for an identity, which ScaleToAffine maps to (0, 0))
            TF.Mul(inv, z, out TF next);
            inv = next;
            dst[i] = ScaleToAffine(p, zi);
        }
    }
}
