#!/usr/bin/env python3
"""Generates the 8-lane AVX-512 field types src/PowersOfTau.Crypto/Fields/Generated/Fp381x8.g.cs and Fp254x8.g.cs.

Run through tools/codegen/gen_fields.py (which calls main() here), output committed.

Design (notes/performance.md §4): eight independent elements, one per 64-bit lane of Vector512<ulong>, in
radix 2^29 with L unsaturated limbs (L = 14 for the 381-bit field, R' = 2^406; L = 9 for BN254, R' = 2^261:
performance.md used 10 for lazy-reduction slack, which the "< 2p after every operation" invariant below does not need).
Products are vpmuludq (Avx512F.Multiply on the low 32 bits of each lane), so every limb fed to a product must
be < 2^32; column sums of at most 2L products of 58 bits stay below 2^63 with no carry handling.

Invariant kept by every operation, so callers need no bound bookkeeping: an element is "almost reduced",
value < 2p, limbs 0..L-2 < 2^29 and the top limb small. Mul: Montgomery with R' (operand scanning interleaved
with word-by-word reduction; for inputs < 2p the result is < p + 4p^2/R' < 2p). Add/Sub: limb-wise, then a
conditional subtraction of 2p selected by mask. Conversions to and from the scalar structs (R = 2^384 / 2^256)
multiply by constants: x·R -> x·R' is Mont'(xR, R'^2/R) and back is Mont'(xR', R).
Everything is branch-free and the same instruction stream runs for all lanes (constant time).
"""
import os

MASK = (1 << 29) - 1


def limbs29(v, L):
    out = []
    for _ in range(L):
        out.append(v & MASK)
        v >>= 29
    assert v == 0
    return out


def indent(lines, k):
    return "\n".join((" " * k + x) if x else "" for x in lines)


def vc(v):
    return f"Vector512.Create(0x{v:X}UL)"


def gen(T, S, p, L, desc):
    R64 = 1 << (64 * (4 if p.bit_length() <= 256 else 6))
    Rp = 1 << (29 * L)
    assert 2 * L * (1 << 58) < (1 << 63)
    assert 4 * p < Rp
    n0 = (-pow(p, -1, 1 << 29)) % (1 << 29)
    P = limbs29(p, L)
    P2 = limbs29(2 * p, L)
    one = limbs29(Rp % p, L)
    c_in = limbs29(Rp * Rp * pow(R64, -1, p) % p, L)   # Mont'(xR, c_in) = xR'
    c_out = limbs29(R64 % p, L)                          # Mont'(xR', c_out) = xR
    nlimbs64 = 4 if p.bit_length() <= 256 else 6
    fields = ", ".join(f"l{j}" for j in range(L))

    # ---------------- Mul ----------------
    mul = []
    e = mul.append
    for j in range(L):
        e(f"Vector512<uint> a{j} = a.l{j}.AsUInt32();")
    e("Vector512<ulong> " + ", ".join(f"c{j}" for j in range(L)) + ", m;")
    for i in range(L):
        e(f"// row {i}: t += a*b{i}; t += m*p with m = t0*n0' mod 2^29; t /= 2^29 (position j lives in c[(i+j) mod L])")
        e(f"Vector512<uint> b{i} = b.l{i}.AsUInt32();")
        for j in range(L):
            v = f"c{(i + j) % L}"
            fresh = i == 0 or j == L - 1
            e(f"{v} {'=' if fresh else '+='} Avx512F.Multiply(a{j}, b{i});")
        e(f"m = Avx512F.Multiply(c{i % L}.AsUInt32(), N0) & Mask;")
        for j in range(L):
            e(f"c{(i + j) % L} += Avx512F.Multiply(m.AsUInt32(), P{j});")
        e(f"c{(i + 1) % L} += c{i % L} >> 29; // the low 29 bits of position 0 are now zero")
    e(f"c{L - 1} = Vector512<ulong>.Zero; // the last row's consumed position 0 is the result's (empty) top position")
    e("// normalise: limbs 0..L-2 below 2^29 (the value is < 2p, so the top limb stays small)")
    for j in range(L - 1):
        e(f"c{j + 1} += c{j} >> 29; c{j} &= Mask;")
    e("Unsafe.SkipInit(out r);")
    for j in range(L):
        e(f"r.l{j} = c{j};")

    # ---------------- conditional subtraction of a constant K (limbs K{j}) from normalised x ----------------
    def cond_sub(src, K, out):
        L_ = []
        f = L_.append
        f(f"Vector512<long> s0 = {src}0.AsInt64() - {K}0, k = s0 >> 29; s0 &= SMask;")
        for j in range(1, L):
            if j < L - 1:
                f(f"Vector512<long> s{j} = {src}{j}.AsInt64() - {K}{j} + k; k = s{j} >> 29; s{j} &= SMask;")
            else:
                f(f"Vector512<long> s{j} = {src}{j}.AsInt64() - {K}{j} + k;")
        f(f"Vector512<ulong> keep = (s{L - 1} >> 63).AsUInt64(); // all-ones where x < K: keep x")
        f(f"Unsafe.SkipInit(out {out});")
        for j in range(L):
            f(f"{out}.l{j} = Vector512.ConditionalSelect(keep, {src}{j}, s{j}.AsUInt64());")
        return L_

    add = []
    e = add.append
    e("// x = a + b < 4p, limbs < 2^30: normalise, then subtract 2p unless that goes negative")
    e(f"Vector512<ulong> x0 = a.l0 + b.l0;")
    for j in range(1, L):
        e(f"Vector512<ulong> x{j} = a.l{j} + b.l{j} + (x{j - 1} >> 29); x{j - 1} &= Mask;")
    add.extend(cond_sub("x", "P2L", "r"))

    sub = []
    e = sub.append
    e("// x = a - b + 2p in (0, 4p): signed limb chain, then subtract 2p unless that goes negative")
    e("Vector512<long> d0 = a.l0.AsInt64() - b.l0.AsInt64() + P2L0, kd = d0 >> 29; d0 &= SMask;")
    for j in range(1, L):
        if j < L - 1:
            e(f"Vector512<long> d{j} = a.l{j}.AsInt64() - b.l{j}.AsInt64() + P2L{j} + kd; kd = d{j} >> 29; d{j} &= SMask;")
        else:
            e(f"Vector512<long> d{j} = a.l{j}.AsInt64() - b.l{j}.AsInt64() + P2L{j} + kd;")
    for j in range(L):
        e(f"Vector512<ulong> x{j} = d{j}.AsUInt64();")
    sub.extend(cond_sub("x", "P2L", "r"))

    canon = []
    e = canon.append
    e("// canonical: value < 2p, normalised; subtract p unless that goes negative")
    for j in range(L):
        e(f"Vector512<ulong> x{j} = a.l{j};")
    canon.extend(cond_sub("x", "PL", "r"))

    const_decls = []
    for j in range(L):
        const_decls.append(f"private static readonly Vector512<uint> P{j} = Vector512.Create(0x{P[j]:X}UL).AsUInt32();")
    for j in range(L):
        const_decls.append(f"private static readonly Vector512<long> P2L{j} = Vector512.Create(0x{P2[j]:X}L);")
    for j in range(L):
        const_decls.append(f"private static readonly Vector512<long> PL{j} = Vector512.Create(0x{P[j]:X}L);")

    def ctor_const(name, v):
        return f"private static readonly {T} {name} = FromLimbs29([{', '.join(f'0x{x:X}UL' for x in v)}]);"

    return f"""// <auto-generated>
// Generated by tools/codegen/gen_fields_x8.py (run tools/codegen/gen_fields.py) -- do not edit by hand.
// </auto-generated>
#nullable enable
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Eight independent elements of the {desc} (<see cref="{S}"/>), one per 64-bit lane of Vector512, for
/// AVX-512 batch arithmetic (notes/performance.md §4). Radix 2^29, {L} limbs, own Montgomery radix R' = 2^{29 * L}
/// (convert with <see cref="FromElements"/> / <see cref="ToElements"/>). Every operation keeps the invariant
/// "value &lt; 2p, limbs normalised", so results can be fed to any operation without bound bookkeeping.
/// Branch-free, the same instruction stream for all lanes: constant time. Use only when <see cref="IsSupported"/>.
/// </summary>
[SkipLocalsInit]
public struct {T} : IBatchField<{T}, {S}>
{{
    // Limbs, radix 2^29, least significant first; internal so that callers cannot break the invariant.
    internal Vector512<ulong> {fields};

    /// <summary>Number of lanes (elements per vector).</summary>
    public const int Lanes = 8;

    /// <summary>True when the CPU has AVX-512F (vpmuludq on 512-bit vectors); otherwise the methods must not be used.</summary>
    public static bool IsSupported => Avx512F.IsSupported;

    private static readonly Vector512<ulong> Mask = Vector512.Create(0x1FFFFFFFUL);
    private static readonly Vector512<long> SMask = Vector512.Create(0x1FFFFFFFL);
    private static readonly Vector512<uint> N0 = Vector512.Create(0x{n0:X}UL).AsUInt32(); // -p^-1 mod 2^29
{indent(const_decls, 4)}
    {ctor_const("OneValue", one)}
    {ctor_const("ToMontgomery29", c_in)}
    {ctor_const("FromMontgomery29", c_out)}

    /// <summary>All lanes zero.</summary>
    public static {T} Zero => default;

    /// <summary>All lanes one.</summary>
    public static {T} One => OneValue;

    private static {T} FromLimbs29(ReadOnlySpan<ulong> v)
    {{
        Unsafe.SkipInit(out {T} r);
{indent([f"r.l{j} = Vector512.Create(v[{j}]);" for j in range(L)], 8)}
        return r;
    }}

    /// <summary>r = a·b per lane (Montgomery product with R' = 2^{29 * L}).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in {T} a, in {T} b, out {T} r)
    {{
{indent(mul, 8)}
    }}

    /// <summary>r = a² per lane (the product; a dedicated squaring measured slower, performance.md §4).</summary>
    public static void Square(in {T} a, out {T} r) => Mul(a, a, out r);

    /// <summary>r = a + b per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in {T} a, in {T} b, out {T} r)
    {{
{indent(add, 8)}
    }}

    /// <summary>r = a - b per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sub(in {T} a, in {T} b, out {T} r)
    {{
{indent(sub, 8)}
    }}

    /// <summary>r = 2a per lane.</summary>
    public static void Double(in {T} a, out {T} r) => Add(a, a, out r);

    /// <summary>r = -a per lane.</summary>
    public static void Neg(in {T} a, out {T} r) => Sub(default, a, out r);

    /// <summary>Per lane: r = mask lane all-ones ? a : b (mask lanes must be all-ones or zero).</summary>
    public static void Select(Vector512<ulong> mask, in {T} a, in {T} b, out {T} r)
    {{
        Unsafe.SkipInit(out r);
{indent([f"r.l{j} = Vector512.ConditionalSelect(mask, a.l{j}, b.l{j});" for j in range(L)], 8)}
    }}

    private static void Canonical(in {T} a, out {T} r)
    {{
{indent(canon, 8)}
    }}

    /// <summary>Per lane: all-ones when the element is zero (0 or p in the almost-reduced form).</summary>
    public static Vector512<ulong> IsZeroMask(in {T} a)
    {{
        Canonical(a, out var c);
        var acc = {" | ".join(f"c.l{j}" for j in range(L))};
        return Vector512.Equals(acc, Vector512<ulong>.Zero);
    }}

    /// <summary>Per lane: all-ones when a == b.</summary>
    public static Vector512<ulong> EqualMask(in {T} a, in {T} b)
    {{
        Sub(a, b, out var d);
        return IsZeroMask(d);
    }}

    /// <summary>Loads 8 scalar elements (src.Length == 8), lane k = src[k].</summary>
    /// <exception cref="ArgumentException">src does not hold exactly 8 elements.</exception>
    public static {T} FromElements(ReadOnlySpan<{S}> src)
    {{
        if (src.Length != Lanes) throw new ArgumentException("expected 8 elements", nameof(src));
        Span<ulong> limbs = stackalloc ulong[{nlimbs64}];
        Span<ulong> lane = stackalloc ulong[{L} * Lanes];
        for (int k = 0; k < Lanes; k++)
        {{
            {S}.ToMontgomeryLimbs(src[k], limbs); // x·R, < p
            for (int j = 0; j < {L}; j++) lane[j * Lanes + k] = Bits29(limbs, j);
        }}
        Unsafe.SkipInit(out {T} raw);
{indent([f"raw.l{j} = Vector512.Create<ulong>(lane.Slice({j} * Lanes, Lanes));" for j in range(L)], 8)}
        limbs.Clear();
        lane.Clear();
        Mul(raw, ToMontgomery29, out var r); // x·R · R'²/R / R' = x·R'
        return r;
    }}

    /// <summary>Loads one scalar element into all 8 lanes.</summary>
    public static {T} Broadcast(in {S} x)
    {{
        Span<{S}> eight = stackalloc {S}[Lanes];
        eight.Fill(x);
        var r = FromElements(eight);
        eight.Clear();
        return r;
    }}

    /// <summary>Stores the 8 lanes as canonical scalar elements (dst.Length == 8).</summary>
    /// <exception cref="ArgumentException">dst does not hold exactly 8 elements.</exception>
    public static void ToElements(in {T} a, Span<{S}> dst)
    {{
        if (dst.Length != Lanes) throw new ArgumentException("expected 8 elements", nameof(dst));
        Mul(a, FromMontgomery29, out var m); // x·R' · R / R' = x·R, < 2p
        Canonical(m, out var c);
        Span<ulong> limbs = stackalloc ulong[{nlimbs64}];
        for (int k = 0; k < Lanes; k++)
        {{
            limbs.Clear();
{indent([f"Put29(limbs, {j}, c.l{j}.GetElement(k));" for j in range(L)], 12)}
            dst[k] = {S}.FromMontgomeryLimbs(limbs);
        }}
        limbs.Clear();
    }}

    /// <summary>Bits [29j, 29j + 29) of a little-endian 64-bit limb array.</summary>
    private static ulong Bits29(ReadOnlySpan<ulong> x, int j)
    {{
        int bit = 29 * j, w = bit >> 6, s = bit & 63;
        if (w >= x.Length) return 0; // R' has more bits than R: the top limbs of x·R are zero
        ulong v = x[w] >> s;
        if (s > 35 && w + 1 < x.Length) v |= x[w + 1] << (64 - s); // the 29 bits straddle two words (public position)
        return v & 0x1FFFFFFFUL;
    }}

    /// <summary>Adds limb value v (&lt; 2^29, or the small top limb) at bit 29j.</summary>
    private static void Put29(Span<ulong> x, int j, ulong v)
    {{
        int bit = 29 * j, w = bit >> 6, s = bit & 63;
        if (w >= x.Length) return; // canonical values are < p: limbs beyond 64n bits are zero
        x[w] |= v << s;
        if (s > 35 && w + 1 < x.Length) x[w + 1] |= v >> (64 - s);
    }}
}}
"""


FIELDS_X8 = [
    ("Fp381x8", "Fp381", 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab, 14,
     "BLS12-381 base field"),
    ("Fp254x8", "Fp254", 21888242871839275222246405745257275088696311157297823662689037894645226208583, 9,
     "BN254 base field"),
]


def main(outdir):
    for T, S, p, L, desc in FIELDS_X8:
        with open(os.path.join(outdir, T + ".g.cs"), "w", newline="\n") as f:
            f.write(gen(T, S, p, L, desc))
