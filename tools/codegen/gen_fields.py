#!/usr/bin/env python3
"""Generates the prime-field structs of src/PowersOfTau.Crypto/Fields/Generated/*.g.cs.

Usage (from the repository root):  python3 tools/codegen/gen_fields.py
The output is committed; CI may rerun this script and check `git diff --exit-code`.

Why generated: the Montgomery multiplication is fully unrolled straight-line code in the shape that
notes/performance.md §3 measured fastest for .NET 10 (high half of each product with the 2-argument
Bmi2.X64.MultiplyNoFlags, low half with `*`, carries as `x < y ? 1 : 0` additions that the JIT turns into
setb/movzx, modulus limbs read from a static struct as memory operands, branch-free final subtraction by
borrow mask).
Writing 36/72 products by hand per field would be error-prone; the generator is the reviewable source.

Algorithm: CIOS Montgomery multiplication, "no-carry" variant (gnark-crypto): valid because every modulus
here has its top limb below 2^63 - 1, so the running value fits n limbs without an extra carry word, given
inputs < p. The first reduction product uses "t0 + lo(m*p0) == 0 mod 2^64", so its carry is
hi(m*p0) + (t0 != 0).

Montgomery radix R = 2^(64n), the same as ffjavascript/wasmcurves (2^256 / 2^384), so the raw limbs
written little-endian are exactly the .ptau "LEM" bytes (spec/ptau.md §2).
"""
import os

import gen_fields_x8

FIELDS = [
    ("Fp254", 21888242871839275222246405745257275088696311157297823662689037894645226208583,
     "BN254 (snarkjs \"bn128\") base field F_q"),
    ("Fr254", 21888242871839275222246405745257275088548364400416034343698204186575808495617,
     "BN254 (snarkjs \"bn128\") scalar field F_r"),
    ("Fp381", 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab,
     "BLS12-381 base field F_p"),
    ("Fr381", 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001,
     "BLS12-381 scalar field F_r"),
]

M64 = (1 << 64) - 1


def limbs(v, n):
    return [(v >> (64 * i)) & M64 for i in range(n)]


def h(v):
    return "0x%016XUL" % v


# Not readonly on purpose: the JIT folds a static readonly struct into 10-byte `mov r64, imm64` before every use,
# while a plain static field is loaded once and then used as a memory operand; measured 3-4 % faster for the
# 4- and 6-limb products. The field is private and never written after type initialisation.
MODULUS_DECL = "private static Modulus"
HI_BMI2 = "Bmi2.X64.MultiplyNoFlags({x}, {y})"
HI_PORTABLE = "(ulong)(Math.BigMul({x}, {y}) >> 64)"
HI = HI_BMI2


def hi(x, y):
    return HI.format(x=x, y=y)


def mul_body(n, a, b, out_name, T):
    """CIOS no-carry Montgomery product of limb names a[i] * b[i]; assigns `out_name = new T(...)`."""
    L = []
    e = L.append
    e("ulong lo, hi, m, A, C;")
    e("ulong " + ", ".join(f"t{j}" for j in range(n)) + ";")
    for i in range(n):
        e(f"// round {i}: t = (t + a*b{i} + m*p) / 2^64")
        if i == 0:
            e(f"t0 = {a[0]} * {b[0]}; A = {hi(a[0], b[0])};")
        else:
            e(f"lo = {a[0]} * {b[i]}; hi = {hi(a[0], b[i])};")
            e("lo += t0; hi += lo < t0 ? 1UL : 0UL; t0 = lo; A = hi;")
        e("m = t0 * Inv;")
        e(f"C = {hi('m', 'P.p0')} + (t0 != 0 ? 1UL : 0UL);")
        for j in range(1, n):
            if i == 0:
                e(f"lo = {a[j]} * {b[0]}; hi = {hi(a[j], b[0])};")
                e(f"lo += A; hi += lo < A ? 1UL : 0UL; t{j} = lo; A = hi;")
            else:
                e(f"lo = {a[j]} * {b[i]}; hi = {hi(a[j], b[i])};")
                e(f"lo += t{j}; hi += lo < t{j} ? 1UL : 0UL;")
                e(f"lo += A; hi += lo < A ? 1UL : 0UL; t{j} = lo; A = hi;")
            e(f"lo = m * P.p{j}; hi = {hi('m', f'P.p{j}')};")
            e(f"lo += t{j}; hi += lo < t{j} ? 1UL : 0UL;")
            e(f"lo += C; hi += lo < C ? 1UL : 0UL; t{j-1} = lo; C = hi;")
        e(f"t{n-1} = C + A;")
    e("// t < 2p: subtract p once unless that borrows (mask), no branch")
    L.extend(reduce_once(n, [f"t{j}" for j in range(n)], out_name, T))
    return L


def reduce_once(n, t, out_name, T, decl=True):
    """out = t >= p ? t - p : t, branch-free (t < 2p)."""
    L = []
    e = L.append
    e(f"ulong s0 = {t[0]} - P.p0, br = {t[0]} < P.p0 ? 1UL : 0UL;")
    for j in range(1, n):
        e(f"ulong d{j} = {t[j]} - P.p{j}, s{j} = d{j} - br; br = ({t[j]} < P.p{j} ? 1UL : 0UL) | (d{j} < br ? 1UL : 0UL);")
    e("ulong keep = 0UL - br; // all-ones when t < p")
    e(f"{out_name} = new {T}(" + ", ".join(f"s{j} ^ (keep & ({t[j]} ^ s{j}))" for j in range(n)) + ");")
    return L


def indent(lines, k):
    return "\n".join((" " * k + x) if x else "" for x in lines)


def gen(name, p, desc):
    n = 4 if p.bit_length() <= 256 else 6
    n8 = 8 * n
    assert p >> (64 * n - 1) == 0 and (p >> (64 * (n - 1))) < (1 << 63) - 1, "no-carry CIOS precondition"
    R = 1 << (64 * n)
    inv = (-pow(p, -1, 1 << 64)) % (1 << 64)
    P = limbs(p, n)
    one = limbs(R % p, n)
    r2 = limbs(R * R % p, n)
    half = limbs((p - 1) // 2, n)
    T = name
    ls = [f"l{i}" for i in range(n)]
    al = [f"a.l{i}" for i in range(n)]
    bl = [f"b.l{i}" for i in range(n)]
    plist = ", ".join(f"p{i}" for i in range(n))

    def ctor_args(v):
        return ", ".join(h(x) for x in v)

    out = []
    w = out.append
    w(f"""// <auto-generated>
// Generated by tools/codegen/gen_fields.py -- do not edit by hand; edit the generator and rerun it.
// </auto-generated>
#nullable enable
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Element of the {desc}, p = {p}
/// (0x{p:x}), held in Montgomery form with R = 2^{64*n} ({n} little-endian 64-bit limbs, always &lt; p).
/// The raw limbs written little-endian are the .ptau/.zkey "LEM" bytes (spec/ptau.md §2).
/// Arithmetic is constant time unless a member name ends in "Vartime" (or its doc says variable time).
/// <see cref="ToString"/> prints the value: it is meant for public values; secret scalars live in a SecretBuffer
/// and must never be formatted.
/// </summary>
[SkipLocalsInit]
public readonly partial struct {T} : IPrimeField<{T}>, IEquatable<{T}>
{{
    /// <summary>Montgomery limbs, little-endian (l0 least significant). Always &lt; p.</summary>
    public readonly ulong {", ".join(ls)};

    private {T}({", ".join("ulong " + x for x in ls)})
    {{
{indent([f"this.{x} = {x};" for x in ls], 8)}
    }}

    /// <summary>
    /// The modulus limbs. Deliberately not readonly (the JIT would fold them into immediates, measured 3-4 % slower);
    /// private and never written after type initialisation.
    /// </summary>
    private readonly struct Modulus
    {{
        public readonly ulong {plist};
        public Modulus({", ".join("ulong " + f"p{i}" for i in range(n))}) {{ {" ".join(f"this.p{i} = p{i};" for i in range(n))} }}
    }}

    {MODULUS_DECL} P = new({ctor_args(P)});

    /// <summary>-p^-1 mod 2^64.</summary>
    private const ulong Inv = {h(inv)};

    private static readonly {T} RSquared = new({ctor_args(r2)});
    private static readonly {T} RawOne = new({ctor_args([1] + [0] * (n - 1))});
    private static readonly byte[] ModulusBytes = [{", ".join(str(b) for b in p.to_bytes(n8, "little"))}];

    /// <inheritdoc/>
    public static {T} Zero => default;

    /// <inheritdoc/>
    public static {T} One => new({ctor_args(one)});

    /// <inheritdoc/>
    public static int ByteLength => {n8};

    /// <inheritdoc/>
    public static int LimbCount => {n};

    /// <inheritdoc/>
    public static ReadOnlySpan<byte> ModulusLE => ModulusBytes;
""")

    # ---------------- Mul / Square ----------------
    global HI
    loads = [f"ulong a{i} = a.l{i};" for i in range(n)] + [f"ulong b{i} = b.l{i};" for i in range(n)]
    HI = HI_BMI2
    fast = mul_body(n, [f"a{i}" for i in range(n)], [f"b{i}" for i in range(n)], "r", T)
    HI = HI_PORTABLE
    portable = mul_body(n, [f"a{i}" for i in range(n)], [f"b{i}" for i in range(n)], "r", T)
    HI = HI_BMI2
    w(f"""    /// <summary>r = a·b (Montgomery product, constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in {T} a, in {T} b, out {T} r)
    {{
        if (!Bmi2.X64.IsSupported) {{ MulPortable(a, b, out r); return; }} // JIT-time constant: no runtime branch
{indent(loads, 8)}
{indent(fast, 8)}
    }}

    /// <summary>The same CIOS product without BMI2 (high halves from Math.BigMul), for other CPUs.</summary>
    private static void MulPortable(in {T} a, in {T} b, out {T} r)
    {{
{indent(loads, 8)}
{indent(portable, 8)}
    }}

    /// <summary>r = a² (constant time). A dedicated SOS squaring was measured (performance.md §3 and again here):
    /// equal at 4 limbs and about 7 % slower at 6 limbs, so squaring is the CIOS product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in {T} a, out {T} r) => Mul(a, a, out r);

""")

    # ---------------- Add / Sub / Neg / Double ----------------
    addl = ["ulong c;"]
    addl.append("ulong u0 = a.l0 + b.l0; c = u0 < a.l0 ? 1UL : 0UL;")
    for j in range(1, n):
        addl.append(f"ulong v{j} = a.l{j} + b.l{j}, u{j} = v{j} + c; c = (v{j} < a.l{j} ? 1UL : 0UL) | (u{j} < c ? 1UL : 0UL);")
    addl.append(f"// a + b < 2p < 2^{64*n}: no carry out of the top limb")
    addl.extend(reduce_once(n, [f"u{j}" for j in range(n)], "r", T))

    subl = ["ulong d0 = a.l0 - b.l0, br = a.l0 < b.l0 ? 1UL : 0UL;"]
    for j in range(1, n):
        subl.append(f"ulong e{j} = a.l{j} - b.l{j}, d{j} = e{j} - br; br = (a.l{j} < b.l{j} ? 1UL : 0UL) | (e{j} < br ? 1UL : 0UL);")
    subl.append("ulong mask = 0UL - br; // all-ones when a < b: add p back")
    subl.append("ulong c;")
    subl.append("ulong q0 = P.p0 & mask, s0 = d0 + q0; c = s0 < q0 ? 1UL : 0UL;")
    for j in range(1, n):
        subl.append(f"ulong q{j} = (P.p{j} & mask) + c, s{j} = d{j} + q{j}; c = (q{j} < c ? 1UL : 0UL) | (s{j} < q{j} ? 1UL : 0UL);")
    subl.append(f"r = new {T}(" + ", ".join(f"s{j}" for j in range(n)) + ");")

    negl = [f"ulong nz = ~ConstantTime.IsZeroMask(" + " | ".join(al) + "); // -0 = 0, not p"]
    negl.append("ulong d0 = P.p0 - a.l0, br = P.p0 < a.l0 ? 1UL : 0UL;")
    for j in range(1, n):
        negl.append(f"ulong e{j} = P.p{j} - a.l{j}, d{j} = e{j} - br; br = (P.p{j} < a.l{j} ? 1UL : 0UL) | (e{j} < br ? 1UL : 0UL);")
    negl.append(f"r = new {T}(" + ", ".join(f"d{j} & nz" for j in range(n)) + ");")

    w(f"""    /// <summary>r = a + b (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // never run as unoptimised tier-0 code, whose `?:` may branch
    public static void Add(in {T} a, in {T} b, out {T} r)
    {{
{indent(addl, 8)}
    }}

    /// <summary>r = a - b (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // never run as unoptimised tier-0 code, whose `?:` may branch
    public static void Sub(in {T} a, in {T} b, out {T} r)
    {{
{indent(subl, 8)}
    }}

    /// <summary>r = -a (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // never run as unoptimised tier-0 code, whose `?:` may branch
    public static void Neg(in {T} a, out {T} r)
    {{
{indent(negl, 8)}
    }}

    /// <summary>r = 2a (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in {T} a, out {T} r) => Add(a, a, out r);
""")

    # ---------------- masks, select ----------------
    w(f"""    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static ulong IsZeroMask(in {T} a) => ConstantTime.IsZeroMask({" | ".join(al)});

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static ulong EqualMask(in {T} a, in {T} b) => ConstantTime.IsZeroMask({" | ".join(f"(a.l{i} ^ b.l{i})" for i in range(n))});

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Select(ulong mask, in {T} a, in {T} b, out {T} r) =>
        r = new {T}({", ".join(f"b.l{i} ^ (mask & (a.l{i} ^ b.l{i}))" for i in range(n))});
""")

    # ---------------- conversions ----------------
    lt = ["ulong br = x0 < P.p0 ? 1UL : 0UL;"]
    for j in range(1, n):
        lt.append(f"ulong e{j} = x{j} - P.p{j}; br = (x{j} < P.p{j} ? 1UL : 0UL) | (e{j} < br ? 1UL : 0UL);")
    lt.append("return br;")
    gt_half = ["ulong br = HalfP0 < x0 ? 1UL : 0UL;"]
    for j in range(1, n):
        gt_half.append(f"ulong e{j} = HalfP{j} - x{j}; br = (HalfP{j} < x{j} ? 1UL : 0UL) | (e{j} < br ? 1UL : 0UL);")
    gt_half.append("return br;")
    readle = lambda src: [f"ulong x{i} = BinaryPrimitives.ReadUInt64LittleEndian({src}.Slice({8*i}, 8));" for i in range(n)]
    w(f"""    /// <summary>1 when the little-endian limbs x are &lt; p, else 0 (constant time: full borrow chain).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // never run as unoptimised tier-0 code, whose `?:` may branch
    private static ulong LessThanModulus({", ".join(f"ulong x{i}" for i in range(n))})
    {{
{indent(lt, 8)}
    }}

{indent([f"private const ulong HalfP{i} = {h(half[i])};" for i in range(n)], 4)}

    /// <summary>1 when the canonical limbs x exceed (p-1)/2 (constant time).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // never run as unoptimised tier-0 code, whose `?:` may branch
    private static ulong GreaterThanHalf({", ".join(f"ulong x{i}" for i in range(n))})
    {{
{indent(gt_half, 8)}
    }}

    /// <summary>Canonical limbs x (caller guarantees x &lt; p) to Montgomery form: x·R² / R.</summary>
    private static {T} ToMontgomery({", ".join(f"ulong x{i}" for i in range(n))})
    {{
        var x = new {T}({", ".join(f"x{i}" for i in range(n))});
        Mul(x, RSquared, out var r);
        return r;
    }}

    /// <summary>Montgomery form to canonical limbs: a·1 / R.</summary>
    private static void FromMontgomery(in {T} a, out {T} canonical) => Mul(a, RawOne, out canonical);

    /// <inheritdoc/>
    public static {T} FromUInt64(ulong v) => ToMontgomery(v{", 0" * (n - 1)});

    /// <inheritdoc/>
    public static void ToCanonicalLimbs(in {T} a, Span<ulong> dst)
    {{
        ArgumentOutOfRangeException.ThrowIfLessThan(dst.Length, {n}, nameof(dst));
        FromMontgomery(a, out var c);
{indent([f"dst[{i}] = c.l{i};" for i in range(n)], 8)}
    }}

    /// <summary>From canonical little-endian limbs (exactly {n}); false when the value is &gt;= p (constant time in the value).</summary>
    public static bool TryFromCanonicalLimbs(ReadOnlySpan<ulong> src, out {T} r)
    {{
        if (src.Length != {n}) throw new ArgumentException("expected {n} limbs", nameof(src));
        ulong ok = LessThanModulus({", ".join(f"src[{i}]" for i in range(n))});
        r = ToMontgomery({", ".join(f"src[{i}]" for i in range(n))});
        Select(0UL - ok, r, Zero, out r);
        return ok != 0;
    }}

    /// <inheritdoc/>
    public static void ToMontgomeryLimbs(in {T} a, Span<ulong> dst)
    {{
        ArgumentOutOfRangeException.ThrowIfLessThan(dst.Length, {n}, nameof(dst));
{indent([f"dst[{i}] = a.l{i};" for i in range(n)], 8)}
    }}

    /// <inheritdoc/>
    public static {T} FromMontgomeryLimbs(ReadOnlySpan<ulong> src)
    {{
        ArgumentOutOfRangeException.ThrowIfLessThan(src.Length, {n}, nameof(src));
        return new {T}({", ".join(f"src[{i}]" for i in range(n))});
    }}

    /// <summary>Writes the raw Montgomery limbs little-endian into the first {n8} bytes of dst (the "LEM" encoding).</summary>
    /// <exception cref="ArgumentException">dst is shorter than {n8} bytes.</exception>
    public static void WriteMontgomeryLE(in {T} a, Span<byte> dst)
    {{
        if (dst.Length < {n8}) throw new ArgumentException("destination shorter than {n8} bytes", nameof(dst));
{indent([f"BinaryPrimitives.WriteUInt64LittleEndian(dst.Slice({8*i}, 8), a.l{i});" for i in range(n)], 8)}
    }}

    /// <summary>
    /// Reads the first {n8} bytes of src as a Montgomery-form little-endian value ("LEM"). Checks that the raw
    /// value is &lt; p (the only canonical representation); returns false, with r = 0, otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">src is shorter than {n8} bytes.</exception>
    public static bool TryReadMontgomeryLE(ReadOnlySpan<byte> src, out {T} r)
    {{
        if (src.Length < {n8}) throw new ArgumentException("source shorter than {n8} bytes", nameof(src));
{indent(readle("src"), 8)}
        ulong ok = LessThanModulus({", ".join(f"x{i}" for i in range(n))});
        Select(0UL - ok, new {T}({", ".join(f"x{i}" for i in range(n))}), Zero, out r);
        return ok != 0;
    }}

    /// <summary>Writes the canonical integer little-endian into the first {n8} bytes of dst.</summary>
    /// <exception cref="ArgumentException">dst is shorter than {n8} bytes.</exception>
    public static void WriteCanonicalLE(in {T} a, Span<byte> dst)
    {{
        if (dst.Length < {n8}) throw new ArgumentException("destination shorter than {n8} bytes", nameof(dst));
        FromMontgomery(a, out var c);
{indent([f"BinaryPrimitives.WriteUInt64LittleEndian(dst.Slice({8*i}, 8), c.l{i});" for i in range(n)], 8)}
    }}

    /// <summary>
    /// Reads the first {n8} bytes of src as a canonical little-endian integer; returns false, with r = 0, when it is &gt;= p.
    /// </summary>
    /// <exception cref="ArgumentException">src is shorter than {n8} bytes.</exception>
    public static bool TryReadCanonicalLE(ReadOnlySpan<byte> src, out {T} r)
    {{
        if (src.Length < {n8}) throw new ArgumentException("source shorter than {n8} bytes", nameof(src));
{indent(readle("src"), 8)}
        ulong ok = LessThanModulus({", ".join(f"x{i}" for i in range(n))});
        r = ToMontgomery({", ".join(f"x{i}" for i in range(n))});
        Select(0UL - ok, r, Zero, out r);
        return ok != 0;
    }}

    /// <summary>Writes the canonical integer big-endian into the first {n8} bytes of dst (Zcash/bellman style).</summary>
    /// <exception cref="ArgumentException">dst is shorter than {n8} bytes.</exception>
    public static void WriteCanonicalBE(in {T} a, Span<byte> dst)
    {{
        if (dst.Length < {n8}) throw new ArgumentException("destination shorter than {n8} bytes", nameof(dst));
        FromMontgomery(a, out var c);
{indent([f"BinaryPrimitives.WriteUInt64BigEndian(dst.Slice({8*(n-1-i)}, 8), c.l{i});" for i in range(n)], 8)}
    }}

    /// <summary>
    /// Reads the first {n8} bytes of src as a canonical big-endian integer; returns false, with r = 0, when it is &gt;= p.
    /// </summary>
    /// <exception cref="ArgumentException">src is shorter than {n8} bytes.</exception>
    public static bool TryReadCanonicalBE(ReadOnlySpan<byte> src, out {T} r)
    {{
        if (src.Length < {n8}) throw new ArgumentException("source shorter than {n8} bytes", nameof(src));
{indent([f"ulong x{i} = BinaryPrimitives.ReadUInt64BigEndian(src.Slice({8*(n-1-i)}, 8));" for i in range(n)], 8)}
        ulong ok = LessThanModulus({", ".join(f"x{i}" for i in range(n))});
        r = ToMontgomery({", ".join(f"x{i}" for i in range(n))});
        Select(0UL - ok, r, Zero, out r);
        return ok != 0;
    }}

    /// <inheritdoc/>
    public static bool IsNegative(in {T} a)
    {{
        FromMontgomery(a, out var c);
        return GreaterThanHalf({", ".join(f"c.l{i}" for i in range(n))}) != 0;
    }}

    /// <inheritdoc/>
    public static {T} FromLEReduce(ReadOnlySpan<byte> src) => PrimeFieldAlgorithms.FromLEReduce<{T}>(src);

    /// <inheritdoc/>
    public static {T} Pow(in {T} a, ReadOnlySpan<ulong> exponentLE) => FieldMath.Pow(a, exponentLE);

    /// <inheritdoc/>
    public static void Inverse(in {T} a, out {T} r) => PrimeFieldAlgorithms.Inverse(a, out r);

    /// <inheritdoc/>
    public static void InverseVartime(in {T} a, out {T} r) => PrimeFieldAlgorithms.InverseVartime(a, out r);

    /// <inheritdoc/>
    public static bool SqrtVartime(in {T} a, out {T} r) => PrimeFieldAlgorithms.SqrtVartime(a, out r);

    /// <inheritdoc/>
    public static int Legendre(in {T} a) => PrimeFieldAlgorithms.Legendre(a);

    /// <summary>a + b.</summary>
    public static {T} operator +(in {T} a, in {T} b) {{ Add(a, b, out var r); return r; }}

    /// <summary>a - b.</summary>
    public static {T} operator -(in {T} a, in {T} b) {{ Sub(a, b, out var r); return r; }}

    /// <summary>-a.</summary>
    public static {T} operator -(in {T} a) {{ Neg(a, out var r); return r; }}

    /// <summary>a · b.</summary>
    public static {T} operator *(in {T} a, in {T} b) {{ Mul(a, b, out var r); return r; }}

    /// <summary>Value equality (constant time).</summary>
    public static bool operator ==(in {T} a, in {T} b) => EqualMask(a, b) != 0;

    /// <summary>Value inequality (constant time).</summary>
    public static bool operator !=(in {T} a, in {T} b) => EqualMask(a, b) == 0;

    /// <inheritdoc/>
    public bool Equals({T} other) => EqualMask(this, other) != 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is {T} other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine({", ".join(ls)});

    /// <summary>The canonical value as "0x" and {2*n8} big-endian hex digits. For public values only (see the type's remarks).</summary>
    public override string ToString()
    {{
        Span<byte> be = stackalloc byte[{n8}];
        WriteCanonicalBE(this, be);
        return "0x" + Convert.ToHexStringLower(be);
    }}
}}
""")
    return "".join(out)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    outdir = os.path.join(root, "src", "PowersOfTau.Crypto", "Fields", "Generated")
    os.makedirs(outdir, exist_ok=True)
    for name, p, desc in FIELDS:
        with open(os.path.join(outdir, name + ".g.cs"), "w", newline="\n") as f:
            f.write(gen(name, p, desc))
    gen_fields_x8.main(outdir)


if __name__ == "__main__":
    main()
