using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CsCheck;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;
using PowersOfTau.Crypto.Tests.Fields;
using Xunit;
using Fp254x8 = PowersOfTau.Crypto.Simd.Fp254x8;
using Fp381x8 = PowersOfTau.Crypto.Simd.Fp381x8;

namespace PowersOfTau.Crypto.Tests.Simd;

/// <summary>
/// The 8-lane fields against the scalar fields (the reference, itself checked against ffjavascript/noble vectors):
/// every lane of every operation must equal the scalar result, on random values, edge values (0, 1, p-1, p-2) and
/// non-canonical lane values in [p, 2p) that the lane invariant allows; plus long chains that stress the bounds.
/// Each suite runs only where AVX-512F exists (the machine this project targets has it).
/// </summary>
public abstract class LaneFieldSuite<TLane, TScalar>
    where TLane : unmanaged, ILaneField<TLane, TScalar>
    where TScalar : unmanaged, IField<TScalar>
{
    protected abstract Gen<TScalar> Element { get; }

    /// <summary>0, 1, -1, -2 (and for Fp2 mixes of them).</summary>
    protected abstract TScalar[] Edges { get; }

    /// <summary>-1 in every component (the largest canonical value per component).</summary>
    protected virtual TScalar MinusOneEverywhere => -TScalar.One;

    private Gen<TScalar[]> Eight => Element.Array[8];

    private static bool IsPrime => !typeof(TScalar).IsGenericType;

    private static TLane Load(TScalar[] v)
    {
        TLane.Load(v, out TLane r);
        return r;
    }

    private static TScalar[] Store(in TLane v)
    {
        var r = new TScalar[8];
        TLane.Store(v, r);
        return r;
    }

    private static void AssertLanes(TScalar[] expected, in TLane actual)
    {
        var got = Store(actual);
        for (int i = 0; i < 8; i++) Assert.True(expected[i] == got[i], $"lane {i} differs");
    }

    private static TScalar[] Map(TScalar[] a, TScalar[] b, Func<TScalar, TScalar, TScalar> f)
    {
        var r = new TScalar[8];
        for (int i = 0; i < 8; i++) r[i] = f(a[i], b[i]);
        return r;
    }

    [Fact]
    public void LoadStoreRoundTrips()
    {
        if (!Avx512F.IsSupported) return;
        Eight.Sample(a => AssertLanes(a, Load(a)));
        var edges = Enumerable.Range(0, 8).Select(i => Edges[i % Edges.Length]).ToArray();
        AssertLanes(edges, Load(edges));
    }

    [Fact]
    public void OperationsMatchTheScalarFieldLaneByLane()
    {
        if (!Avx512F.IsSupported) return;
        Gen.Select(Eight, Eight).Sample(t =>
        {
            var (a, b) = t;
            TLane la = Load(a), lb = Load(b);
            TLane.Mul(la, lb, out TLane m);
            AssertLanes(Map(a, b, (x, y) => x * y), m);
            TLane.Square(la, out TLane s);
            AssertLanes(Map(a, a, (x, y) => x * y), s);
            TLane.Add(la, lb, out TLane ad);
            AssertLanes(Map(a, b, (x, y) => x + y), ad);
            TLane.Sub(la, lb, out TLane sb);
            AssertLanes(Map(a, b, (x, y) => x - y), sb);
            TLane.Neg(la, out TLane n);
            AssertLanes(Map(a, a, (x, _) => -x), n);
            TLane.Double(la, out TLane d);
            AssertLanes(Map(a, a, (x, _) => x + x), d);
            TLane.AddUnreduced(la, lb, out TLane u);
            TLane.Mul(u, u, out TLane uu);
            AssertLanes(Map(a, b, (x, y) => (x + y) * (x + y)), uu);
        });
    }

    [Fact]
    public void EdgeValuesInEveryCombination()
    {
        if (!Avx512F.IsSupported) return;
        TScalar[] e = Edges;
        for (int i = 0; i < e.Length; i++)
        {
            for (int j0 = 0; j0 < e.Length; j0 += 1)
            {
                var a = Enumerable.Range(0, 8).Select(k => e[(i + k) % e.Length]).ToArray();
                var b = Enumerable.Range(0, 8).Select(k => e[(j0 + 3 * k) % e.Length]).ToArray();
                TLane la = Load(a), lb = Load(b);
                TLane.Mul(la, lb, out TLane m);
                AssertLanes(Map(a, b, (x, y) => x * y), m);
                TLane.Add(la, lb, out TLane ad);
                AssertLanes(Map(a, b, (x, y) => x + y), ad);
                TLane.Sub(la, lb, out TLane sb);
                AssertLanes(Map(a, b, (x, y) => x - y), sb);
                // (-1) + 1 leaves the lane value p or 0 and (-1) + (-1) leaves 2p - 2 (both allowed, not canonical):
                // feed these non-canonical values onwards.
                TLane.Add(ad, lb, out TLane ad2);
                TLane.Mul(ad2, ad, out TLane m2);
                AssertLanes(Map(Map(a, b, (x, y) => x + y), b, (s, y) => (s + y) * s), m2);
                TLane.Sub(ad, ad2, out TLane sb2);
                AssertLanes(Map(a, b, (x, y) => -y), sb2);
            }
        }
    }

    [Fact]
    public void IsZeroMaskSeesZeroInEveryRepresentation()
    {
        if (!Avx512F.IsSupported) return;
        Eight.Sample(a =>
        {
            TLane la = Load(a);
            TLane.Sub(la, la, out TLane z1);                 // value 0
            TLane.Neg(la, out TLane na);
            TLane.Add(la, na, out TLane z2);                 // value 0 or p
            Assert.Equal(Vector512<ulong>.AllBitsSet, TLane.IsZeroMask(z1));
            Assert.Equal(Vector512<ulong>.AllBitsSet, TLane.IsZeroMask(z2));
            Vector512<ulong> expected = Vector512.Create(a.Select(x => TScalar.IsZeroMask(x)).ToArray());
            Assert.Equal(expected, TLane.IsZeroMask(la));
            TLane.Add(la, TLane.One, out TLane a1);          // tampered twin: a + 1 is zero only where a = -1
            Vector512<ulong> expected1 = Vector512.Create(a.Select(x => TScalar.IsZeroMask(x + TScalar.One)).ToArray());
            Assert.Equal(expected1, TLane.IsZeroMask(a1));
        });
    }

    [Fact]
    public void SelectTakesLanesByMask()
    {
        if (!Avx512F.IsSupported) return;
        Gen.Select(Eight, Eight, Gen.Byte).Sample(t =>
        {
            var (a, b, bits) = t;
            var mask = Vector512.Create(Enumerable.Range(0, 8).Select(i => ((bits >> i) & 1) != 0 ? ulong.MaxValue : 0UL).ToArray());
            TLane.Select(mask, Load(a), Load(b), out TLane r);
            AssertLanes(Enumerable.Range(0, 8).Select(i => ((bits >> i) & 1) != 0 ? a[i] : b[i]).ToArray(), r);
        });
    }

    [Fact]
    public void OneLaneChangedChangesOnlyThatLane()
    {
        if (!Avx512F.IsSupported) return;
        Gen.Select(Eight, Eight, Gen.Int[0, 7]).Sample(t =>
        {
            var (a, b, lane) = t;
            var tampered = (TScalar[])a.Clone();
            tampered[lane] = tampered[lane] + TScalar.One;
            TLane.Mul(Load(a), Load(b), out TLane m);
            TLane.Mul(Load(tampered), Load(b), out TLane mt);
            var x = Store(m);
            var y = Store(mt);
            for (int i = 0; i < 8; i++)
                Assert.Equal(i != lane || b[i] == TScalar.Zero, x[i] == y[i]);
        });
    }

    /// <summary>
    /// The lazy-reduction limits the point formulas rely on, at their extremes: lane values 2p - 2 (from (-1) + (-1)), then
    /// unreduced sums and differences up to 16p - 16 and 10p - 2, multiplied in the combinations the formulas use
    /// (bound products 10·4, 2·16, 6·2, 10·10 for prime fields).
    /// </summary>
    [Fact]
    public void MulAcceptsTheLazyReductionBoundsAtTheirExtremes()
    {
        if (!Avx512F.IsSupported) return;
        TScalar m1 = MinusOneEverywhere;
        TScalar ms = m1 + m1;
        var a = Enumerable.Repeat(m1, 8).ToArray();
        TLane la = Load(a);
        TLane.Add(la, la, out TLane m);                  // lane value 2p - 2 per component (not canonical)
        TLane.AddUnreduced(m, m, out TLane x4);          // 4p - 4
        TLane.AddUnreduced(x4, m, out TLane x6);         // 6p - 6
        TLane.AddUnreduced(x4, x4, out TLane x8);        // 8p - 8
        TLane.AddUnreduced(x8, x8, out TLane x16);       // 16p - 16
        TLane.SubUnreduced(m, TLane.Zero, out TLane x10);  // 10p - 2
        TLane.SubUnreduced(m, x6, out TLane d);          // 2p - 2 - 6p + 6 + 8p = 4p + 4
        TScalar Times(int k, TScalar v) { TScalar r = TScalar.Zero; for (int i = 0; i < k; i++) r = r + v; return r; }
        void Check(in TLane x, in TLane y, TScalar expected, string what)
        {
            TLane.Mul(x, y, out TLane r);
            Assert.True(LaneRaw.AllBelowTwoP(r), what + ": output not below 2p");
            var got = Store(r);
            for (int i = 0; i < 8; i++) Assert.True(expected == got[i], what + $" lane {i}");
        }
        Check(x10, x4, ms * Times(2, ms), "10·4");
        Check(m, x16, ms * Times(8, ms), "2·16");
        Check(x6, m, Times(3, ms) * ms, "6·2");
        if (IsPrime)
        {
            // 10·10, and the products Fp2 Karatsuba forms from the formulas' worst cases: (10+10)·(4+4) and (2+2)·(16+16).
            // (4·10·10 would exceed the BN254 limit in Fp2: the formulas never form it.)
            Check(x10, x10, ms * ms, "10·10");
            TLane.AddUnreduced(x10, x10, out TLane x20);
            TLane.AddUnreduced(x16, x16, out TLane x32);
            Check(x20, x8, Times(2, ms) * Times(4, ms), "20·8");   // x20 = 2·x10 ≡ 2m, x8 ≡ 4m
            Check(x32, x4, Times(16, ms) * Times(2, ms), "32·4");  // x32 ≡ 16m, x4 ≡ 2m
        }
        Check(d, x10, (ms - Times(3, ms)) * ms, "(a - b + 8p)·10");
        // Tampered twin: an off-by-one operand gives a different product.
        TLane.Mul(x10, x4, out TLane r0);
        Assert.False(Store(r0)[0] == ms * Times(2, ms) + TScalar.One);
    }

    /// <summary>A long mixed chain where every intermediate stays in the lane representation (bounds stress).</summary>
    [Fact]
    public void LongChainsStayWithinBounds()
    {
        if (!Avx512F.IsSupported) return;
        Gen.Select(Eight, Eight).Sample(t =>
        {
            var (a, b) = t;
            TLane x = Load(a), y = Load(b);
            var sx = (TScalar[])a.Clone();
            var sy = (TScalar[])b.Clone();
            for (int step = 0; step < 200; step++)
            {
                TLane.Sub(x, y, out TLane d);          // d = x - y
                TLane.Double(d, out TLane d2);         // 2d
                TLane.Add(d2, x, out TLane s);         // 2d + x
                TLane.AddUnreduced(s, y, out TLane u); // 2d + x + y, unreduced
                TLane.Mul(u, s, out TLane m);          // (2d + x + y)(2d + x)
                TLane.Neg(m, out TLane nm);
                TLane.Sub(nm, d, out y);               // y' = -m - d
                TLane.Square(s, out x);                // x' = s^2
                for (int i = 0; i < 8; i++)
                {
                    TScalar di = sx[i] - sy[i];
                    TScalar si = di + di + sx[i];
                    TScalar mi = (si + sy[i]) * si;
                    sy[i] = -mi - di;
                    sx[i] = si * si;
                }
            }
            AssertLanes(sx, x);
            AssertLanes(sy, y);
        }, iter: 20);
    }
}

public sealed class Fp381x8Tests : LaneFieldSuite<Fp381x8, Fp381>
{
    protected override Gen<Fp381> Element => FieldTestHelpers.Element<Fp381>();
    protected override Fp381[] Edges => LaneEdges.Prime<Fp381>();
}

public sealed class Fp254x8Tests : LaneFieldSuite<Fp254x8, Fp254>
{
    protected override Gen<Fp254> Element => FieldTestHelpers.Element<Fp254>();
    protected override Fp254[] Edges => LaneEdges.Prime<Fp254>();
}

public sealed class Fp2x8Over381Tests : LaneFieldSuite<global::PowersOfTau.Crypto.Simd.Fp2x8<Fp381x8, Fp381>, Fp2<Fp381>>
{
    protected override Fp2<Fp381> MinusOneEverywhere => new(-Fp381.One, -Fp381.One);
    protected override Gen<Fp2<Fp381>> Element => FieldTestHelpers.Fp2Element<Fp381>();
    protected override Fp2<Fp381>[] Edges => LaneEdges.Quadratic<Fp381>();
}

public sealed class Fp2x8Over254Tests : LaneFieldSuite<global::PowersOfTau.Crypto.Simd.Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>
{
    protected override Fp2<Fp254> MinusOneEverywhere => new(-Fp254.One, -Fp254.One);
    protected override Gen<Fp2<Fp254>> Element => FieldTestHelpers.Fp2Element<Fp254>();
    protected override Fp2<Fp254>[] Edges => LaneEdges.Quadratic<Fp254>();
}

/// <summary>Reads the raw radix-2^29 lane values (tests only, by reflection over the internal limb fields).</summary>
internal static class LaneRaw
{
    private static IEnumerable<(BigInteger Value, BigInteger P)> Values(object element)
    {
        Type t = element.GetType();
        if (t.IsGenericType) // Fp2x8: C0 and C1
        {
            foreach (var v in Values(t.GetField("C0")!.GetValue(element)!)) yield return v;
            foreach (var v in Values(t.GetField("C1")!.GetValue(element)!)) yield return v;
            yield break;
        }
        int limbs = (int)t.GetField("LimbCount")!.GetValue(null)!;
        BigInteger p = t == typeof(Fp381x8) ? FieldTestHelpers.Modulus<Fp381>() : FieldTestHelpers.Modulus<Fp254>();
        for (int lane = 0; lane < 8; lane++)
        {
            BigInteger v = 0;
            for (int j = limbs - 1; j >= 0; j--)
                v = (v << 29) + ((System.Runtime.Intrinsics.Vector512<ulong>)t.GetField("l" + j, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(element)!).GetElement(lane);
            yield return (v, p);
        }
    }

    public static bool AllBelowTwoP(object element) => Values(element).All(v => v.Value < 2 * v.P);
}

internal static class LaneEdges
{
    public static T[] Prime<T>() where T : unmanaged, IPrimeField<T>
    {
        BigInteger p = FieldTestHelpers.Modulus<T>();
        return [T.Zero, T.One, FieldTestHelpers.FromBig<T>(p - 1), FieldTestHelpers.FromBig<T>(p - 2), FieldTestHelpers.FromBig<T>((p - 1) / 2)];
    }

    public static Fp2<T>[] Quadratic<T>() where T : unmanaged, IPrimeField<T>
    {
        T[] e = Prime<T>();
        return [.. e.SelectMany(x => e.Take(4).Select(y => new Fp2<T>(x, y)))];
    }
}
