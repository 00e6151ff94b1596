using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// Scalar multiplication by a SECRET scalar, in constant time (performance.md §7):
/// the scalar is split with the curve's endomorphism (<see cref="ICurve{TF,TSelf}.Decomposition"/>: GLV 2×~128-bit
/// on G1, GLS/ψ 4×~64-bit on G2), each part is recoded into signed fixed windows of <see cref="Window"/> bits
/// (Booth recoding, digits in [-16, 16]), and the loop runs a fixed number of complete projective doublings and
/// additions (<see cref="ProjectivePoint{TF,TCurve}"/>), so P = Q, P = -Q and the identity need no special case.
/// Every table lookup scans all 16 entries with masks; signs are applied by masked negation. No branch, loop bound
/// or memory index depends on the scalar. Stack temporaries that depend on the scalar are wiped before returning.
/// </summary>
public static class ConstantTimeScalarMultiplication
{
    /// <summary>Window width of the signed fixed-window recoding.</summary>
    public const int Window = 5;

    private const int TableSize = 1 << (Window - 1); // multiples 1..16 of the base
    private const int ScalarLimbs = 4;

    /// <summary>
    /// r = [k]p for a point p of the prime-order subgroup (the caller checks membership: the endomorphism split is
    /// only valid there) and a scalar k given as 4 little-endian 64-bit limbs with k &lt; r (it may live in a
    /// SecretBuffer). Constant time in k. The result is in Jacobian coordinates.
    /// </summary>
    /// <exception cref="ArgumentException">k is not 4 limbs, or k &gt;= r (a caller bug; only this bit of k is revealed).</exception>
    public static void Multiply<TF, TCurve>(in AffinePoint<TF, TCurve> p, ReadOnlySpan<ulong> k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ProjectivePoint<TF, TCurve>.FromAffine(p, out var pp);
        Core(pp, k, out r);
        ScrubStack();
    }

    /// <inheritdoc cref="Multiply{TF,TCurve}(in AffinePoint{TF,TCurve}, ReadOnlySpan{ulong}, out JacobianPoint{TF,TCurve})"/>
    public static void Multiply<TF, TCurve>(in JacobianPoint<TF, TCurve> p, ReadOnlySpan<ulong> k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ProjectivePoint<TF, TCurve>.FromJacobian(p, out var pp);
        Core(pp, k, out r);
        ScrubStack();
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Core<TF, TCurve>(in ProjectivePoint<TF, TCurve> p, ReadOnlySpan<ulong> k, out JacobianPoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        ScalarDecomposition dec = TCurve.Decomposition;
        if (k.Length != ScalarLimbs) throw new ArgumentException("the scalar must be 4 little-endian 64-bit limbs", nameof(k));
        if (dec.LessThanOrderMask(k) == 0) throw new ArgumentException("the scalar is not reduced (k >= r)", nameof(k));

        int d = dec.Dimension;
        int windows = (dec.PartBits + 1 + Window - 1) / Window; // the top window's high bit must be 0 for Booth
        Span<ulong> parts = stackalloc ulong[4 * ScalarLimbs];
        Span<ulong> negative = stackalloc ulong[4];
        Span<ProjectivePoint<TF, TCurve>> table = stackalloc ProjectivePoint<TF, TCurve>[4 * TableSize];
        ProjectivePoint<TF, TCurve> acc = ProjectivePoint<TF, TCurve>.Infinity;
        ProjectivePoint<TF, TCurve> sel = default;
        try
        {
            dec.Decompose(k, parts, negative);

            // Multiples 1..16 of p (public), then the endomorphism images for the other parts.
            table[0] = p;
            ProjectivePoint<TF, TCurve>.Double(p, out table[1]);
            for (int j = 2; j < TableSize; j++) ProjectivePoint<TF, TCurve>.Add(table[j - 1], table[0], out table[j]);
            for (int i = 1; i < d; i++)
            {
                for (int j = 0; j < TableSize; j++)
                {
                    var t = table[(i - 1) * TableSize + j];
                    TCurve.Endomorphism(ref t.X, ref t.Y, ref t.Z);
                    table[i * TableSize + j] = t;
                }
            }
            // Fold each part's sign into its table (secret from here on).
            for (int i = 0; i < d; i++)
                for (int j = 0; j < TableSize; j++)
                    ProjectivePoint<TF, TCurve>.ConditionalNegate(negative[i], table[i * TableSize + j], out table[i * TableSize + j]);

            for (int win = windows - 1; win >= 0; win--)
            {
                if (win != windows - 1)
                    for (int s = 0; s < Window; s++) ProjectivePoint<TF, TCurve>.Double(acc, out acc);
                for (int i = 0; i < d; i++)
                {
                    ulong wval = WindowBits(parts.Slice(i * ScalarLimbs, ScalarLimbs), win);
                    ulong signMask = 0 - (wval >> Window);
                    ulong t = (wval + 1) >> 1;
                    ulong magnitude = (t & ~signMask) | (((1UL << Window) - t) & signMask);
                    Lookup(table.Slice(i * TableSize, TableSize), magnitude, out sel);
                    ProjectivePoint<TF, TCurve>.ConditionalNegate(signMask, sel, out sel);
                    ProjectivePoint<TF, TCurve>.Add(acc, sel, out acc);
                }
            }
            ProjectivePoint<TF, TCurve>.ToJacobian(acc, out r);
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(parts));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(negative));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(table));
            ConstantTime.Wipe(ref acc);
            ConstantTime.Wipe(ref sel);
        }
    }

    /// <summary>Bits [5·win − 1, 5·win + 5) of a part (bit −1 reads as 0): the Booth window. Indices depend on win only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong WindowBits(ReadOnlySpan<ulong> part, int win)
    {
        int bit = win * Window - 1;
        if (bit < 0) return (part[0] << 1) & ((2UL << Window) - 1);
        int limb = bit >> 6, shift = bit & 63;
        ulong v = part[limb] >> shift;
        if (shift > 64 - (Window + 1) && limb + 1 < ScalarLimbs) v |= part[limb + 1] << (64 - shift);
        return v & ((2UL << Window) - 1);
    }

    /// <summary>r = magnitude == 0 ? identity : table[magnitude − 1], scanning every entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lookup<TF, TCurve>(ReadOnlySpan<ProjectivePoint<TF, TCurve>> table, ulong magnitude, out ProjectivePoint<TF, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        r = ProjectivePoint<TF, TCurve>.Infinity;
        for (int j = 0; j < TableSize; j++)
            ProjectivePoint<TF, TCurve>.Select(ConstantTime.EqualMask(magnitude, (ulong)(j + 1)), table[j], r, out r);
    }

    /// <summary>
    /// Overwrites the stack region where the field and point routines called by <see cref="Core"/> kept their
    /// (scalar-dependent) temporaries: this frame sits at the same depth as theirs did.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void ScrubStack()
    {
        Span<byte> s = stackalloc byte[8192];
        CryptographicOperations.ZeroMemory(s);
    }
}
