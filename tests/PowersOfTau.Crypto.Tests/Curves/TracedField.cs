using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>
/// A field wrapper that records every operation the curve code performs (kind only, never values) into a
/// per-thread running hash and count. Running the constant-time scalar multiplication over it with different
/// scalars must give the same trace: no branch or loop bound of the curve code depends on the scalar.
/// </summary>
public readonly struct Traced<TF> : IField<Traced<TF>> where TF : unmanaged, IField<TF>
{
    public readonly TF V;

    public Traced(in TF v) => V = v;

    [ThreadStatic] private static ulong t_hash;
    [ThreadStatic] private static long t_count;

    public static void ResetTrace() { t_hash = 1469598103934665603UL; t_count = 0; }

    public static (long Count, ulong Hash) Trace => (t_count, t_hash);

    private static void Op(int code)
    {
        t_hash = (t_hash ^ (ulong)code) * 1099511628211UL;
        t_count++;
    }

    public static Traced<TF> Zero => new(TF.Zero);
    public static Traced<TF> One => new(TF.One);
    public static int ByteLength => TF.ByteLength;

    public static void Add(in Traced<TF> a, in Traced<TF> b, out Traced<TF> r) { Op(1); TF.Add(a.V, b.V, out var v); r = new(v); }
    public static void Sub(in Traced<TF> a, in Traced<TF> b, out Traced<TF> r) { Op(2); TF.Sub(a.V, b.V, out var v); r = new(v); }
    public static void Neg(in Traced<TF> a, out Traced<TF> r) { Op(3); TF.Neg(a.V, out var v); r = new(v); }
    public static void Double(in Traced<TF> a, out Traced<TF> r) { Op(4); TF.Double(a.V, out var v); r = new(v); }
    public static void Mul(in Traced<TF> a, in Traced<TF> b, out Traced<TF> r) { Op(5); TF.Mul(a.V, b.V, out var v); r = new(v); }
    public static void Square(in Traced<TF> a, out Traced<TF> r) { Op(6); TF.Square(a.V, out var v); r = new(v); }
    public static void Inverse(in Traced<TF> a, out Traced<TF> r) { Op(7); TF.Inverse(a.V, out var v); r = new(v); }
    public static void InverseVartime(in Traced<TF> a, out Traced<TF> r) { Op(8); TF.InverseVartime(a.V, out var v); r = new(v); }
    public static ulong IsZeroMask(in Traced<TF> a) { Op(9); return TF.IsZeroMask(a.V); }
    public static ulong EqualMask(in Traced<TF> a, in Traced<TF> b) { Op(10); return TF.EqualMask(a.V, b.V); }
    public static void Select(ulong mask, in Traced<TF> a, in Traced<TF> b, out Traced<TF> r) { Op(11); TF.Select(mask, a.V, b.V, out var v); r = new(v); }
    public static bool SqrtVartime(in Traced<TF> a, out Traced<TF> r) { Op(12); bool ok = TF.SqrtVartime(a.V, out var v); r = new(v); return ok; }
    public static bool IsNegative(in Traced<TF> a) { Op(13); return TF.IsNegative(a.V); }
    public static void WriteMontgomeryLE(in Traced<TF> a, Span<byte> dst) => TF.WriteMontgomeryLE(a.V, dst);
    public static bool TryReadMontgomeryLE(ReadOnlySpan<byte> src, out Traced<TF> r) { bool ok = TF.TryReadMontgomeryLE(src, out var v); r = new(v); return ok; }
    public static void WriteCanonicalLE(in Traced<TF> a, Span<byte> dst) => TF.WriteCanonicalLE(a.V, dst);
    public static bool TryReadCanonicalLE(ReadOnlySpan<byte> src, out Traced<TF> r) { bool ok = TF.TryReadCanonicalLE(src, out var v); r = new(v); return ok; }
    public static void WriteCanonicalBE(in Traced<TF> a, Span<byte> dst) => TF.WriteCanonicalBE(a.V, dst);
    public static bool TryReadCanonicalBE(ReadOnlySpan<byte> src, out Traced<TF> r) { bool ok = TF.TryReadCanonicalBE(src, out var v); r = new(v); return ok; }
    public static Traced<TF> Pow(in Traced<TF> a, ReadOnlySpan<ulong> exponentLE) { Op(14); return new(TF.Pow(a.V, exponentLE)); }

    public static Traced<TF> operator +(in Traced<TF> a, in Traced<TF> b) { Add(a, b, out var r); return r; }
    public static Traced<TF> operator -(in Traced<TF> a, in Traced<TF> b) { Sub(a, b, out var r); return r; }
    public static Traced<TF> operator -(in Traced<TF> a) { Neg(a, out var r); return r; }
    public static Traced<TF> operator *(in Traced<TF> a, in Traced<TF> b) { Mul(a, b, out var r); return r; }
    public static bool operator ==(in Traced<TF> a, in Traced<TF> b) => EqualMask(a, b) != 0;
    public static bool operator !=(in Traced<TF> a, in Traced<TF> b) => EqualMask(a, b) == 0;
    public override bool Equals(object? obj) => obj is Traced<TF> t && TF.EqualMask(V, t.V) != 0;
    public override int GetHashCode() => 0;
}

/// <summary>The group <typeparamref name="TInner"/> with its coordinates wrapped in <see cref="Traced{TF}"/>.</summary>
public sealed class TracedCurve<TF, TInner> : ICurve<Traced<TF>, TracedCurve<TF, TInner>>
    where TF : unmanaged, IField<TF>
    where TInner : ICurve<TF, TInner>
{
    private TracedCurve() { }

    public static string Name => TInner.Name + " (traced)";
    public static Traced<TF> B => new(TInner.B);
    public static Traced<TF> B3 => new(TInner.B3);
    public static void MulByB3(in Traced<TF> a, out Traced<TF> r) { TInner.MulByB3(a.V, out var v); r = new(v); }
    public static AffinePoint<Traced<TF>, TracedCurve<TF, TInner>> Generator => Wrap(TInner.Generator);
    public static ReadOnlySpan<ulong> Cofactor => TInner.Cofactor;
    public static ScalarDecomposition Decomposition => TInner.Decomposition;

    public static void Endomorphism(ref Traced<TF> x, ref Traced<TF> y, ref Traced<TF> z)
    {
        TF xv = x.V, yv = y.V, zv = z.V;
        TInner.Endomorphism(ref xv, ref yv, ref zv);
        x = new(xv);
        y = new(yv);
        z = new(zv);
    }

    public static bool IsInSubgroupVartime(in AffinePoint<Traced<TF>, TracedCurve<TF, TInner>> p) =>
        TInner.IsInSubgroupVartime(new AffinePoint<TF, TInner>(p.X.V, p.Y.V));

    public static AffinePoint<Traced<TF>, TracedCurve<TF, TInner>> Wrap(in AffinePoint<TF, TInner> p) => new(new(p.X), new(p.Y));
}
