using System.Runtime.Intrinsics;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>
/// The 8-lane AVX-512 types (Fp381x8, Fp254x8, Fp2x8) against the scalar fields, lane by lane: single operations
/// on random and edge values, and long random chains of operations that would expose a broken bound invariant.
/// On a CPU without AVX-512 the tests return early (the types must not be used there).
/// </summary>
public abstract class BatchFieldTests<TV, TS> where TV : struct, IBatchField<TV, TS> where TS : unmanaged, IField<TS>
{
    protected abstract Gen<TS> Element { get; }
    protected abstract TS[] Edges { get; }

    private Gen<TS[]> Lanes8 => Element.Array[8];

    private static TS[] Lanes(in TV v)
    {
        var r = new TS[8];
        TV.ToElements(v, r);
        return r;
    }

    private static TV Load(TS[] x) => TV.FromElements(x);

    private static void AssertLanes(TS[] expected, TS[] actual, string what)
    {
        for (int k = 0; k < 8; k++)
            Assert.True(expected[k] == actual[k], $"{what}: lane {k} expected {expected[k]} got {actual[k]}");
    }

    private static TV Op(TV a, TV b, int op)
    {
        TV r;
        switch (op)
        {
            case 0: TV.Mul(a, b, out r); break;
            case 1: TV.Add(a, b, out r); break;
            case 2: TV.Sub(a, b, out r); break;
            case 3: TV.Square(a, out r); break;
            case 4: TV.Neg(a, out r); break;
            default: TV.Double(a, out r); break;
        }
        return r;
    }

    private static TS Op(TS a, TS b, int op) => op switch
    {
        0 => a * b,
        1 => a + b,
        2 => a - b,
        3 => a * a,
        4 => -a,
        _ => a + a,
    };

    [Fact]
    public void Load_store_round_trip_including_edges()
    {
        if (!TV.IsSupported) return;
        var edges = Edges;
        Assert.Equal(8, edges.Length);
        AssertLanes(edges, Lanes(Load(edges)), "round trip");
        AssertLanes(Enumerable.Repeat(TS.One, 8).ToArray(), Lanes(TV.One), "One");
        AssertLanes(Enumerable.Repeat(TS.Zero, 8).ToArray(), Lanes(TV.Zero), "Zero");
        AssertLanes(Enumerable.Repeat(edges[2], 8).ToArray(), Lanes(TV.Broadcast(edges[2])), "Broadcast");
        Lanes8.Sample(x => AssertLanes(x, Lanes(Load(x)), "round trip"), iter: 50);
    }

    [Fact]
    public void Operations_match_the_scalar_field_lane_by_lane()
    {
        if (!TV.IsSupported) return;
        Gen.Select(Lanes8, Lanes8).Sample(t =>
        {
            var (x, y) = t;
            TV a = Load(x), b = Load(y);
            for (int op = 0; op < 6; op++)
                AssertLanes(x.Zip(y, (u, v) => Op(u, v, op)).ToArray(), Lanes(Op(a, b, op)), "op " + op);
            var mask = Vector512.Create(ulong.MaxValue, 0, 0, ulong.MaxValue, ulong.MaxValue, 0, ulong.MaxValue, 0);
            TV.Select(mask, a, b, out var sel);
            AssertLanes(Enumerable.Range(0, 8).Select(k => mask.GetElement(k) != 0 ? x[k] : y[k]).ToArray(), Lanes(sel), "select");
        }, iter: 60);
    }

    [Fact]
    public void Zero_and_equality_masks_per_lane()
    {
        if (!TV.IsSupported) return;
        Gen.Select(Lanes8, Lanes8).Sample(t =>
        {
            var (x, y) = t;
            x[1] = TS.Zero;
            y[2] = x[2];
            y[5] = x[5];
            TV a = Load(x), b = Load(y);
            TV.Sub(a, a, out var zero); // almost-reduced forms of zero must count as zero
            var isZero = TV.IsZeroMask(a);
            var eq = TV.EqualMask(a, b);
            for (int k = 0; k < 8; k++)
            {
                Assert.Equal(TS.IsZeroMask(x[k]) != 0, isZero.GetElement(k) != 0);
                Assert.Equal(x[k] == y[k], eq.GetElement(k) != 0);
            }
            Assert.Equal(Vector512<ulong>.AllBitsSet, TV.IsZeroMask(zero));
        }, iter: 30);
    }

    [Fact]
    public void Long_random_chains_stay_exact()
    {
        if (!TV.IsSupported) return;
        // 300 chained operations with the results fed back: any drift of the "< 2p, normalised" invariant shows up.
        Gen.Select(Lanes8, Lanes8, Gen.Int[0, 6].Array[300]).Sample(t =>
        {
            var (x, y, ops) = t;
            TV a = Load(x), b = Load(y);
            var sa = (TS[])x.Clone();
            var sb = (TS[])y.Clone();
            foreach (int op in ops)
            {
                if (op == 6) { (a, b) = (b, a); (sa, sb) = (sb, sa); continue; }
                a = Op(a, b, op);
                for (int k = 0; k < 8; k++) sa[k] = Op(sa[k], sb[k], op);
            }
            AssertLanes(sa, Lanes(a), "chain a");
            AssertLanes(sb, Lanes(b), "chain b");
        }, iter: 15);
    }

    [Fact]
    public void Wrong_lane_count_is_rejected()
    {
        if (!TV.IsSupported) return;
        Assert.Throws<ArgumentException>(() => TV.FromElements(new TS[7]));
        Assert.Throws<ArgumentException>(() => TV.ToElements(TV.One, new TS[9]));
    }
}

internal static class BatchEdges
{
    public static T[] Prime<T>() where T : unmanaged, IPrimeField<T>
    {
        var p = Modulus<T>();
        return [T.Zero, T.One, FromBig<T>(p - 1), FromBig<T>(p - 2), FromBig<T>((p - 1) / 2), FromBig<T>((p + 1) / 2), T.FromUInt64(ulong.MaxValue), -T.FromUInt64(2)];
    }

    public static Fp2<T>[] Quadratic<T>() where T : unmanaged, IPrimeField<T>
    {
        var e = Prime<T>();
        return Enumerable.Range(0, 8).Select(k => new Fp2<T>(e[k], e[(k + 3) % 8])).ToArray();
    }
}

public sealed class Fp381x8Tests : BatchFieldTests<Fp381x8, Fp381>
{
    protected override Gen<Fp381> Element => Element<Fp381>();
    protected override Fp381[] Edges => BatchEdges.Prime<Fp381>();
}

public sealed class Fp254x8Tests : BatchFieldTests<Fp254x8, Fp254>
{
    protected override Gen<Fp254> Element => Element<Fp254>();
    protected override Fp254[] Edges => BatchEdges.Prime<Fp254>();
}

public sealed class Fp2x8Fp381Tests : BatchFieldTests<Fp2x8<Fp381x8, Fp381>, Fp2<Fp381>>
{
    protected override Gen<Fp2<Fp381>> Element => Fp2Element<Fp381>();
    protected override Fp2<Fp381>[] Edges => BatchEdges.Quadratic<Fp381>();
}

public sealed class Fp2x8Fp254Tests : BatchFieldTests<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>
{
    protected override Gen<Fp2<Fp254>> Element => Fp2Element<Fp254>();
    protected override Fp2<Fp254>[] Edges => BatchEdges.Quadratic<Fp254>();
}
