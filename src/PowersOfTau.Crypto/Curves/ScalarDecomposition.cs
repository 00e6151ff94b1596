using System.Numerics;
using System.Runtime.CompilerServices;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// Splits a scalar k (0 &lt;= k &lt; r) into <see cref="Dimension"/> short signed parts k_i with
/// k ≡ Σ k_i·λ^i (mod r), where λ is the eigenvalue of a curve endomorphism (GLV on G1: d = 2, ~128-bit parts;
/// GLS with ψ on G2: d = 4, ~64-bit parts). The method is Babai rounding against a reduced basis of the lattice
/// { v ∈ Z^d : Σ v_i·λ^i ≡ 0 (mod r) } (Gallant–Lambert–Vanstone; Galbraith–Lin–Scott), with the rational
/// coefficients precomputed as 256-bit fixed-point numbers g_j ≈ 2^256·adj(B)[0][j]/det(B).
/// The split of a secret scalar runs in constant time: fixed-width 256-bit multiplications, additions and
/// masked conditional negation; no branch or index depends on k. The constants are public and are computed from
/// the basis once, with BigInteger, and checked (every basis vector in the lattice, full rank).
/// </summary>
public sealed class ScalarDecomposition
{
    private const int Limbs = 4;
    private readonly ulong[] _g;      // d × 4 limbs, |g_j|
    private readonly bool[] _gNegative;
    private readonly ulong[] _order = new ulong[Limbs];
    private readonly ulong[] _w;      // d × d × 4 limbs: two's complement (mod 2^256) of v_j[i], row j, column i

    /// <summary>Number of parts.</summary>
    public int Dimension { get; }

    /// <summary>Every part's magnitude is below 2^PartBits.</summary>
    public int PartBits { get; }

    /// <summary>The group order r.</summary>
    public BigInteger Order { get; }

    /// <summary>The eigenvalue λ of the endomorphism on the prime-order subgroup.</summary>
    public BigInteger Lambda { get; }

    /// <summary>The lattice basis, rows v_j.</summary>
    public IReadOnlyList<BigInteger[]> Basis { get; }

    /// <param name="order">The prime group order r.</param>
    /// <param name="lambda">The endomorphism eigenvalue λ mod r.</param>
    /// <param name="basis">d rows of d integers: a basis of the lattice of vectors v with Σ v_i λ^i ≡ 0 (mod r).</param>
    public ScalarDecomposition(BigInteger order, BigInteger lambda, BigInteger[][] basis)
    {
        int d = basis.Length;
        if (d is < 1 or > 4 || basis.Any(row => row.Length != d)) throw new ArgumentException("basis must be square, dimension 1..4", nameof(basis));
        foreach (var row in basis)
        {
            BigInteger s = 0, pow = 1;
            for (int i = 0; i < d; i++) { s += row[i] * pow; pow = pow * lambda % order; }
            if (BigInteger.Remainder(s, order) != 0) throw new ArgumentException("a basis vector is not in the lattice", nameof(basis));
        }
        BigInteger det = Determinant(basis);
        // A full-rank basis of the lattice or of a sublattice (the Galbraith–Scott BN basis has index 3) both work:
        // Babai rounding subtracts integer combinations of lattice vectors, which keeps the congruence, and the part
        // sizes are bounded by the basis vectors' entries (PartBits below), not by the determinant.
        if (det.IsZero) throw new ArgumentException("the basis is not full rank", nameof(basis));

        Dimension = d;
        Order = order;
        ToLimbs(order, _order);
        Lambda = lambda;
        Basis = basis.Select(r => (BigInteger[])r.Clone()).ToArray();
        _g = new ulong[d * Limbs];
        _gNegative = new bool[d];
        _w = new ulong[d * d * Limbs];
        BigInteger two256 = BigInteger.One << 256;
        int bits = 0;
        for (int j = 0; j < d; j++)
        {
            // adj(B)[0][j] = (-1)^j · minor of B without row j and column 0.
            BigInteger adj = ((j & 1) == 0 ? 1 : -1) * Determinant(Minor(basis, j, 0));
            BigInteger num = adj * two256;
            BigInteger g = num.Sign * det.Sign * ((BigInteger.Abs(num) + BigInteger.Abs(det) / 2) / BigInteger.Abs(det)); // round(num/det)
            _gNegative[j] = g.Sign < 0;
            ToLimbs(BigInteger.Abs(g), _g.AsSpan(j * Limbs, Limbs));
            for (int i = 0; i < d; i++) ToLimbs(((basis[j][i] % two256) + two256) % two256, _w.AsSpan((j * d + i) * Limbs, Limbs));
        }
        // Bound: with α_j = adj(B)[0][j]/det, (k, 0, …) = Σ_j k·α_j·v_j exactly, and c_j = floor(k·ĝ_j / 2^256) with
        // |ĝ_j − 2^256·α_j| ≤ 1/2 differs from k·α_j by less than 1 + k/2^257 < 1.5 (k < 2^256). The parts are
        // k_i = Σ_j (k·α_j − c_j)·v_j[i], so |k_i| < 1.5·Σ_j |v_j[i]| < 2^(bitlength(Σ_j |v_j[i]|) + 1).
        for (int i = 0; i < d; i++)
        {
            BigInteger colSum = 0;
            for (int j = 0; j < d; j++) colSum += BigInteger.Abs(basis[j][i]);
            bits = Math.Max(bits, (int)(colSum.GetBitLength() + 1));
        }
        PartBits = bits;
    }

    /// <summary>All-ones when k &lt; r (4 limbs), constant time.</summary>
    public ulong LessThanOrderMask(ReadOnlySpan<ulong> k)
    {
        ulong borrow = 0;
        for (int i = 0; i < Limbs; i++)
        {
            ulong ki = k[i], ri = _order[i];
            ulong d = ki - ri;
            ulong b1 = ki < ri ? 1UL : 0UL;
            ulong b2 = d < borrow ? 1UL : 0UL;
            borrow = b1 | b2;
        }
        return 0 - borrow;
    }

    /// <summary>
    /// Constant-time split of k (4 little-endian limbs, k &lt; r). Writes each part's magnitude to
    /// parts[4i .. 4i+4) and all-ones to negativeMasks[i] when part i is negative, so that
    /// k ≡ Σ (negativeMasks[i] ? -1 : 1)·parts_i·λ^i (mod r). Temporaries are wiped.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Decompose(ReadOnlySpan<ulong> k, Span<ulong> parts, Span<ulong> negativeMasks)
    {
        int d = Dimension;
        if (k.Length != Limbs) throw new ArgumentException("the scalar must be 4 limbs", nameof(k));
        if (parts.Length < d * Limbs || negativeMasks.Length < d) throw new ArgumentException("output spans too short");
        Span<ulong> c = stackalloc ulong[4 * Limbs];
        Span<ulong> prod = stackalloc ulong[2 * Limbs];
        Span<ulong> t = stackalloc ulong[Limbs];
        try
        {
            for (int j = 0; j < d; j++)
            {
                Span<ulong> cj = c.Slice(j * Limbs, Limbs);
                MulWide(k, _g.AsSpan(j * Limbs, Limbs), prod);
                prod.Slice(Limbs, Limbs).CopyTo(cj);
                if (_gNegative[j]) Negate(cj); // branch on a public constant
            }
            for (int i = 0; i < d; i++)
            {
                Span<ulong> ki = parts.Slice(i * Limbs, Limbs);
                if (i == 0) k.CopyTo(ki); else ki.Clear();
                for (int j = 0; j < d; j++)
                {
                    MulLow(c.Slice(j * Limbs, Limbs), _w.AsSpan((j * d + i) * Limbs, Limbs), t);
                    Sub(ki, t);
                }
                ulong neg = 0 - (ki[Limbs - 1] >> 63);
                ConditionalNegate(neg, ki);
                negativeMasks[i] = neg;
            }
        }
        finally
        {
            ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(c));
            ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(prod));
            ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(t));
        }
    }

    // ---- fixed-width 256-bit helpers (no data-dependent branches) ----

    private static void MulWide(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
    {
        r.Clear();
        for (int i = 0; i < Limbs; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < Limbs; j++)
            {
                ulong hi = Math.BigMul(a[i], b[j], out ulong lo);
                ulong s = r[i + j] + lo;
                hi += s < lo ? 1UL : 0UL;
                ulong s2 = s + carry;
                hi += s2 < carry ? 1UL : 0UL;
                r[i + j] = s2;
                carry = hi;
            }
            r[i + Limbs] = carry;
        }
    }

    private static void MulLow(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> r)
    {
        Span<ulong> wide = stackalloc ulong[2 * Limbs];
        MulWide(a, b, wide);
        wide.Slice(0, Limbs).CopyTo(r);
        ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(wide));
    }

    private static void Sub(Span<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        for (int i = 0; i < Limbs; i++)
        {
            ulong ai = a[i], bi = b[i];
            ulong d = ai - bi;
            ulong b1 = ai < bi ? 1UL : 0UL;
            ulong d2 = d - borrow;
            ulong b2 = d < borrow ? 1UL : 0UL;
            a[i] = d2;
            borrow = b1 | b2;
        }
    }

    private static void Negate(Span<ulong> a) => ConditionalNegate(ulong.MaxValue, a);

    private static void ConditionalNegate(ulong mask, Span<ulong> a)
    {
        // two's complement: (a XOR mask) + (mask & 1)
        ulong carry = mask & 1;
        for (int i = 0; i < Limbs; i++)
        {
            ulong x = (a[i] ^ mask) + carry;
            carry = x < carry ? 1UL : 0UL;
            a[i] = x;
        }
    }

    private static void ToLimbs(BigInteger v, Span<ulong> dst)
    {
        if (v.Sign < 0 || v.GetBitLength() > 64 * dst.Length) throw new ArgumentOutOfRangeException(nameof(v));
        for (int i = 0; i < dst.Length; i++) { dst[i] = (ulong)(v & ulong.MaxValue); v >>= 64; }
    }

    private static BigInteger[][] Minor(BigInteger[][] m, int row, int col) =>
        m.Where((_, i) => i != row).Select(r => r.Where((_, j) => j != col).ToArray()).ToArray();

    private static BigInteger Determinant(BigInteger[][] m)
    {
        int n = m.Length;
        if (n == 0) return 1;
        if (n == 1) return m[0][0];
        BigInteger det = 0;
        for (int j = 0; j < n; j++)
        {
            if (m[0][j].IsZero) continue;
            BigInteger cof = Determinant(Minor(m, 0, j));
            det += ((j & 1) == 0 ? 1 : -1) * m[0][j] * cof;
        }
        return det;
    }
}
