using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>
/// An 8-lane field wrapper that records every operation (kind only) into a per-thread hash and count, like
/// <see cref="Traced{TF}"/>, to show that the batch multiplication's operation sequence does not depend on the scalars.
/// </summary>
public struct TracedX8<TV, TF> : IBatchField<TracedX8<TV, TF>, TF>
    where TV : unmanaged, IBatchField<TV, TF>
    where TF : unmanaged
{
    public TV V;

    public TracedX8(in TV v) => V = v;

    [ThreadStatic] private static ulong t_hash;
    [ThreadStatic] private static long t_count;

    public static void ResetTrace() { t_hash = 1469598103934665603UL; t_count = 0; }

    public static (long Count, ulong Hash) Trace => (t_count, t_hash);

    private static void Op(int code)
    {
        t_hash = (t_hash ^ (ulong)code) * 1099511628211UL;
        t_count++;
    }

    public static bool IsSupported => TV.IsSupported;
    public static TracedX8<TV, TF> Zero => new(TV.Zero);
    public static TracedX8<TV, TF> One => new(TV.One);
    public static void Add(in TracedX8<TV, TF> a, in TracedX8<TV, TF> b, out TracedX8<TV, TF> r) { Op(1); TV.Add(a.V, b.V, out var v); r = new(v); }
    public static void Sub(in TracedX8<TV, TF> a, in TracedX8<TV, TF> b, out TracedX8<TV, TF> r) { Op(2); TV.Sub(a.V, b.V, out var v); r = new(v); }
    public static void Neg(in TracedX8<TV, TF> a, out TracedX8<TV, TF> r) { Op(3); TV.Neg(a.V, out var v); r = new(v); }
    public static void Double(in TracedX8<TV, TF> a, out TracedX8<TV, TF> r) { Op(4); TV.Double(a.V, out var v); r = new(v); }
    public static void Mul(in TracedX8<TV, TF> a, in TracedX8<TV, TF> b, out TracedX8<TV, TF> r) { Op(5); TV.Mul(a.V, b.V, out var v); r = new(v); }
    public static void Square(in TracedX8<TV, TF> a, out TracedX8<TV, TF> r) { Op(6); TV.Square(a.V, out var v); r = new(v); }
    public static void Select(Vector512<ulong> mask, in TracedX8<TV, TF> a, in TracedX8<TV, TF> b, out TracedX8<TV, TF> r) { Op(7); TV.Select(mask, a.V, b.V, out var v); r = new(v); }
    public static Vector512<ulong> IsZeroMask(in TracedX8<TV, TF> a) { Op(8); return TV.IsZeroMask(a.V); }
    public static Vector512<ulong> EqualMask(in TracedX8<TV, TF> a, in TracedX8<TV, TF> b) { Op(9); return TV.EqualMask(a.V, b.V); }
    public static TracedX8<TV, TF> FromElements(ReadOnlySpan<TF> src) { Op(10); return new(TV.FromElements(src)); }
    public static TracedX8<TV, TF> Broadcast(in TF x) { Op(11); return new(TV.Broadcast(x)); }
    public static void ToElements(in TracedX8<TV, TF> a, Span<TF> dst) { Op(12); TV.ToElements(a.V, dst); }
}
