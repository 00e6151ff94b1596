using System.Runtime.Intrinsics;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>
/// The 8-lane AVX-512 types (Fp381x8, Fp254x8) against the scalar fields, lane by lane: single operations on
/// random and edge values, and long random chains of operations that would expose a broken bound invariant.
/// On a CPU without AVX-512 the tests return early (the types must not be used there).
/// </summary>
public abstract class BatchFieldTests<TS, TV> where TS : unmanaged, IPrimeField<TS> where TV : struct
{
    protected abstract bool Supported { get; }
    protected abstract TV Load(ReadOnlySpan<TS> src);
    protected abstract void Store(in TV v, Span<TS> dst);
    protected abstract TV Mul(in TV a, in TV b);
    protected abstract TV Square(in TV a);
    protected abstract TV Add(in TV a, in TV b);
    protected abstract TV Sub(in TV a, in TV b);
    protected abstract TV Neg(in TV a);
    protected abstract TV Select(Vector512<ulong> mask, in TV a, in TV b);
    protected abstract TV One { get; }
    protected abstract TV Broadcast(in TS x);

    private static readonly Gen<TS[]> Lanes8 = Element<TS>().Array[8];

    private TS[] Lanes(in TV v)
    {
        var r = new TS[8];
        Store(v, r);
        return r;
    }

    private static void AssertLanes(TS[] expected, TS[] actual, string what)
    {
        for (int k = 0; k < 8; k++)
            Assert.True(expected[k] == actual[k], $"{what}: lane {k} expected {expected[k]} got {actual[k]}");
    }

    [Fact]
    public void Load_store_round_trip_including_edges()
    {
        if (!Supported) return;
        var p = Modulus<TS>();
        var edges = new[] { TS.Zero, TS.One, FromBig<TS>(p - 1), FromBig<TS>(p - 2), FromBig<TS>((p - 1) / 2), FromBig<TS>((p + 1) / 2), TS.FromUInt64(ulong.MaxValue), -TS.One };
        AssertLanes(edges, Lanes(Load(edges)), "round trip");
        AssertLanes(Enumerable.Repeat(TS.One, 8).ToArray(), Lanes(One), "One");
        AssertLanes(Enumerable.Repeat(edges[2], 8).ToArray(), Lanes(Broadcast(edges[2])), "Broadcast");
        Lanes8.Sample(x => AssertLanes(x, Lanes(Load(x)), "round trip"), iter: 50);
    }

    [Fact]
    public void Operations_match_the_scalar_field_lane_by_lane()
    {
        if (!Supported) return;
        Gen.Select(Lanes8, Lanes8).Sample(t =>
        {
            var (x, y) = t;
            TV a = Load(x), b = Load(y);
            AssertLanes(x.Zip(y, (u, v) => u * v).ToArray(), Lanes(Mul(a, b)), "mul");
            AssertLanes(x.Select(u => u * u).ToArray(), Lanes(Square(a)), "square");
            AssertLanes(x.Zip(y, (u, v) => u + v).ToArray(), Lanes(Add(a, b)), "add");
            AssertLanes(x.Zip(y, (u, v) => u - v).ToArray(), Lanes(Sub(a, b)), "sub");
            AssertLanes(x.Select(u => -u).ToArray(), Lanes(Neg(a)), "neg");
            var mask = Vector512.Create(ulong.MaxValue, 0, 0, ulong.MaxValue, ulong.MaxValue, 0, ulong.MaxValue, 0);
            AssertLanes(Enumerable.Range(0, 8).Select(k => mask.GetElement(k) != 0 ? x[k] : y[k]).ToArray(), Lanes(Select(mask, a, b)), "select");
        }, iter: 100);
    }

    [Fact]
    public void Long_random_chains_stay_exact()
    {
        if (!Supported) return;
        // 300 chained operations with the results fed back: any drift of the "< 2p, normalised" invariant shows up.
        Gen.Select(Lanes8, Lanes8, Gen.Int[0, 3].Array[300]).Sample(t =>
        {
            var (x, y, ops) = t;
            TV a = Load(x), b = Load(y);
            var sa = (TS[])x.Clone();
            var sb = (TS[])y.Clone();
            foreach (int op in ops)
            {
                switch (op)
                {
                    case 0: a = Mul(a, b); for (int k = 0; k < 8; k++) sa[k] = sa[k] * sb[k]; break;
                    case 1: a = Add(a, b); for (int k = 0; k < 8; k++) sa[k] = sa[k] + sb[k]; break;
                    case 2: a = Sub(a, b); for (int k = 0; k < 8; k++) sa[k] = sa[k] - sb[k]; break;
                    default: (a, b) = (b, Add(a, a)); for (int k = 0; k < 8; k++) (sa[k], sb[k]) = (sb[k], sa[k] + sa[k]); break;
                }
            }
            AssertLanes(sa, Lanes(a), "chain a");
            AssertLanes(sb, Lanes(b), "chain b");
        }, iter: 20);
    }

    [Fact]
    public void Wrong_lane_count_is_rejected()
    {
        if (!Supported) return;
        Assert.Throws<ArgumentException>(() => Load(new TS[7]));
        Assert.Throws<ArgumentException>(() => Store(One, new TS[9]));
    }
}

public sealed class Fp381x8Tests : BatchFieldTests<Fp381, Fp381x8>
{
    protected override bool Supported => Fp381x8.IsSupported;
    protected override Fp381x8 Load(ReadOnlySpan<Fp381> src) => Fp381x8.FromElements(src);
    protected override void Store(in Fp381x8 v, Span<Fp381> dst) => Fp381x8.ToElements(v, dst);
    protected override Fp381x8 Mul(in Fp381x8 a, in Fp381x8 b) { Fp381x8.Mul(a, b, out var r); return r; }
    protected override Fp381x8 Square(in Fp381x8 a) { Fp381x8.Square(a, out var r); return r; }
    protected override Fp381x8 Add(in Fp381x8 a, in Fp381x8 b) { Fp381x8.Add(a, b, out var r); return r; }
    protected override Fp381x8 Sub(in Fp381x8 a, in Fp381x8 b) { Fp381x8.Sub(a, b, out var r); return r; }
    protected override Fp381x8 Neg(in Fp381x8 a) { Fp381x8.Neg(a, out var r); return r; }
    protected override Fp381x8 Select(Vector512<ulong> m, in Fp381x8 a, in Fp381x8 b) { Fp381x8.Select(m, a, b, out var r); return r; }
    protected override Fp381x8 One => Fp381x8.One;
    protected override Fp381x8 Broadcast(in Fp381 x) => Fp381x8.Broadcast(x);
}

public sealed class Fp254x8Tests : BatchFieldTests<Fp254, Fp254x8>
{
    protected override bool Supported => Fp254x8.IsSupported;
    protected override Fp254x8 Load(ReadOnlySpan<Fp254> src) => Fp254x8.FromElements(src);
    protected override void Store(in Fp254x8 v, Span<Fp254> dst) => Fp254x8.ToElements(v, dst);
    protected override Fp254x8 Mul(in Fp254x8 a, in Fp254x8 b) { Fp254x8.Mul(a, b, out var r); return r; }
    protected override Fp254x8 Square(in Fp254x8 a) { Fp254x8.Square(a, out var r); return r; }
    protected override Fp254x8 Add(in Fp254x8 a, in Fp254x8 b) { Fp254x8.Add(a, b, out var r); return r; }
    protected override Fp254x8 Sub(in Fp254x8 a, in Fp254x8 b) { Fp254x8.Sub(a, b, out var r); return r; }
    protected override Fp254x8 Neg(in Fp254x8 a) { Fp254x8.Neg(a, out var r); return r; }
    protected override Fp254x8 Select(Vector512<ulong> m, in Fp254x8 a, in Fp254x8 b) { Fp254x8.Select(m, a, b, out var r); return r; }
    protected override Fp254x8 One => Fp254x8.One;
    protected override Fp254x8 Broadcast(in Fp254 x) => Fp254x8.Broadcast(x);
}
