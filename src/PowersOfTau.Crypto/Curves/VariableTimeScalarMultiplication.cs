using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// Scalar multiplication by a PUBLIC scalar (verification, subgroup checks, tests): width-5 wNAF over Jacobian
/// coordinates with variable-time additions. Branches and table indices depend on the scalar: never use it
/// with a secret (use <see cref="ConstantTimeScalarMultiplication"/>).
/// </summary>
public static class VariableTimeScalarMultiplication
{
    private const int Width = 5;

    /// <summary>r = [k]p for any point p and a non-negative scalar of any length (little-endian 64-bit limbs).</summary>
    public static void MultiplyVartime<TF, TCurve>(in JacobianPoint<TF, TCurve> p, ReadOnlySpan<ulong> k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Span<sbyte> naf = stackalloc sbyte[64 * k.Length + 2];
        int len = Wnaf(k, naf);
        if (len == 0) { r = JacobianPoint<TF, TCurve>.Infinity; return; }

        // Odd multiples p, 3p, ..., 15p.
        Span<JacobianPoint<TF, TCurve>> table = stackalloc JacobianPoint<TF, TCurve>[1 << (Width - 2)];
        table[0] = p;
        JacobianPoint<TF, TCurve>.Double(p, out var p2);
        for (int i = 1; i < table.Length; i++) JacobianPoint<TF, TCurve>.AddVartime(table[i - 1], p2, out table[i]);

        var acc = JacobianPoint<TF, TCurve>.Infinity;
        for (int i = len - 1; i >= 0; i--)
        {
            JacobianPoint<TF, TCurve>.Double(acc, out acc);
            int d = naf[i];
            if (d > 0) JacobianPoint<TF, TCurve>.AddVartime(acc, table[(d - 1) >> 1], out acc);
            else if (d < 0)
            {
                JacobianPoint<TF, TCurve>.Negate(table[(-d - 1) >> 1], out var neg);
                JacobianPoint<TF, TCurve>.AddVartime(acc, neg, out acc);
            }
        }
        r = acc;
    }

    /// <summary>r = [k]p for a 64-bit public scalar.</summary>
    public static void MultiplyVartime<TF, TCurve>(in JacobianPoint<TF, TCurve> p, ulong k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ReadOnlySpan<ulong> s = [k];
        MultiplyVartime(p, s, out r);
    }

    /// <summary>
    /// r = [k]p by plain left-to-right double-and-add: fewer additions than wNAF for sparse public constants such as
    /// the BLS parameter |z| = 0xd201000000010000 (6 bits set: 63 doublings + 5 additions).
    /// </summary>
    public static void MultiplySparseVartime<TF, TCurve>(in JacobianPoint<TF, TCurve> p, ulong k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var acc = JacobianPoint<TF, TCurve>.Infinity;
        for (int bit = 63 - System.Numerics.BitOperations.LeadingZeroCount(k); bit >= 0; bit--)
        {
            JacobianPoint<TF, TCurve>.Double(acc, out acc);
            if (((k >> bit) & 1) != 0) JacobianPoint<TF, TCurve>.AddVartime(acc, p, out acc);
        }
        r = acc;
    }

    /// <summary>Width-5 non-adjacent form of k, least significant digit first; returns the digit count.</summary>
    private static int Wnaf(ReadOnlySpan<ulong> k, Span<sbyte> digits)
    {
        Span<ulong> n = stackalloc ulong[k.Length + 1];
        k.CopyTo(n);
        int i = 0;
        while (!IsZero(n))
        {
            int d = 0;
            if ((n[0] & 1) != 0)
            {
                d = (int)(n[0] & ((1 << Width) - 1));
                if (d >= 1 << (Width - 1)) d -= 1 << Width;
                if (d > 0) SubSmall(n, (ulong)d); else AddSmall(n, (ulong)(-d));
            }
            digits[i++] = (sbyte)d;
            ShiftRight1(n);
        }
        return i;
    }

    private static bool IsZero(ReadOnlySpan<ulong> n)
    {
        foreach (ulong x in n) if (x != 0) return false;
        return true;
    }

    private static void SubSmall(Span<ulong> n, ulong v)
    {
        for (int i = 0; i < n.Length && v != 0; i++)
        {
            ulong old = n[i];
            n[i] = old - v;
            v = old < v ? 1UL : 0UL;
        }
    }

    private static void AddSmall(Span<ulong> n, ulong v)
    {
        for (int i = 0; i < n.Length && v != 0; i++)
        {
            n[i] += v;
            v = n[i] < v ? 1UL : 0UL;
        }
    }

    private static void ShiftRight1(Span<ulong> n)
    {
        for (int i = 0; i < n.Length - 1; i++) n[i] = (n[i] >> 1) | (n[i + 1] << 63);
        n[^1] >>= 1;
    }
}
