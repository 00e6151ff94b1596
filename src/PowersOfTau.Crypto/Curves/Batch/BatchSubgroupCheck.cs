using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>
/// Subgroup checks of many points, eight per AVX-512 instruction stream, on the lane types of
/// <c>PowersOfTau.Crypto.Simd</c> (<see cref="ProjectivePointX8{TF,TLane,TCurve}"/>: complete projective
/// formulas, lane endomorphism equal to <see cref="ICurve{TF,TSelf}.Endomorphism"/>). Each test is a fixed sequence of
/// doublings, additions and endomorphisms by public constants, the same for every lane:
/// BLS12-381 G1 (Scott, eprint 2021/1130) φ(P) + [z^2]P = O; BLS12-381 G2 ψ(P) + [|z|]P = O (ψ(P) = [z]P, z &lt; 0);
/// BN254 G2 (eprint 2022/348) [x0+1]P + ψ([x0]P) + ψ^2([x0]P) − ψ^3([2x0]P) = O.
/// Inputs must already be on the curve; the identity passes. Falls back to the scalar checks without AVX-512F.
/// Variable time in the number of points only (public data).
/// </summary>
public static class BatchSubgroupCheck
{
    private const int Lanes = 8;

    /// <summary>result[i] = points[i] is in G1 (points on the curve).</summary>
    /// <exception cref="ArgumentException">result and points differ in length.</exception>
    public static void Bls12381G1(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Avx512F.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bls12381G1.IsInSubgroupVartime(points[i]);
            return;
        }
        Batches(points, result, EndomorphismPlusAbsZ<Fp381, Fp381x8, Curves.Bls12381G1>(rounds: 2));
    }

    /// <summary>result[i] = points[i] is in G2 (points on the curve).</summary>
    /// <exception cref="ArgumentException">result and points differ in length.</exception>
    public static void Bls12381G2(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Avx512F.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bls12381G2.IsInSubgroupVartime(points[i]);
            return;
        }
        Batches(points, result, EndomorphismPlusAbsZ<Fp2<Fp381>, Fp2x8<Fp381x8, Fp381>, Curves.Bls12381G2>(rounds: 1));
    }

    /// <summary>result[i] = points[i] is in G2 (points on the curve).</summary>
    /// <exception cref="ArgumentException">result and points differ in length.</exception>
    public static void Bn254G2(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Avx512F.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bn254G2.IsInSubgroupVartime(points[i]);
            return;
        }
        Batches<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>(points, result, Bn254G2Relation);
    }

    /// <summary>The relation of a check: maps 8 points to 8 points that are the identity exactly where the input is in the subgroup.</summary>
    private delegate void Relation<TF, TLane, TCurve>(in ProjectivePointX8<TF, TLane, TCurve> p, out ProjectivePointX8<TF, TLane, TCurve> r)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>;

    /// <summary>BLS12-381: endo(P) + [|z|]^rounds P (φ and two rounds on G1, ψ and one round on G2).</summary>
    private static Relation<TF, TLane, TCurve> EndomorphismPlusAbsZ<TF, TLane, TCurve>(int rounds)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve> =>
        (in ProjectivePointX8<TF, TLane, TCurve> p, out ProjectivePointX8<TF, TLane, TCurve> r) =>
        {
            var q = p;
            for (int round = 0; round < rounds; round++) q = Multiply(q, Curves.Bls12381G1.AbsZ);
            ProjectivePointX8<TF, TLane, TCurve>.Endomorphism(p, out var e);
            ProjectivePointX8<TF, TLane, TCurve>.Add(q, e, out r);
        };

    /// <summary>BN254 G2: [x0+1]P + ψ([x0]P) + ψ^2([x0]P) − ψ^3([2x0]P).</summary>
    private static void Bn254G2Relation(in ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2> p,
        out ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2> r)
    {
        var x = Multiply(p, Curves.Bn254G2.X0);                                                  // [x0]P
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Add(x, p, out var s);        // [x0+1]P
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Endomorphism(x, out var psi1);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Endomorphism(psi1, out var psi2);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Add(s, psi1, out s);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Add(s, psi2, out s);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Double(x, out var t);       // [2x0]P
        for (int i = 0; i < 3; i++) ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Endomorphism(t, out t);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.ConditionalNegate(Vector512<ulong>.AllBitsSet, ref t);
        ProjectivePointX8<Fp2<Fp254>, Fp2x8<Fp254x8, Fp254>, Curves.Bn254G2>.Add(s, t, out r);
    }

    /// <summary>For each batch of 8 points (padding with the identity): result = (relation(P) is the identity).</summary>
    private static void Batches<TF, TLane, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<bool> result, Relation<TF, TLane, TCurve> relation)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Span<AffinePoint<TF, TCurve>> batch = stackalloc AffinePoint<TF, TCurve>[Lanes];
        for (int start = 0; start < points.Length; start += Lanes)
        {
            int count = Math.Min(Lanes, points.Length - start);
            for (int lane = 0; lane < Lanes; lane++) batch[lane] = lane < count ? points[start + lane] : AffinePoint<TF, TCurve>.Infinity;
            ProjectivePointX8<TF, TLane, TCurve>.FromAffine(batch, out var p);
            relation(p, out var s);
            Vector512<ulong> identity = TLane.IsZeroMask(s.Z);
            for (int lane = 0; lane < count; lane++) result[start + lane] = identity.GetElement(lane) != 0;
        }
    }

    /// <summary>
    /// [m]q for a public m &gt; 0 by left-to-right double-and-add over the non-adjacent form of m (digits in {−1, 0, 1},
    /// no two adjacent non-zero): fewer additions than the binary digits (BN254's x0: 23 instead of 27), the
    /// subtractions adding a precomputed −q. Where the NAF is one digit longer than m (|z| of BLS12-381: as many
    /// additions, one more doubling) the binary digits are used.
    /// </summary>
    private static ProjectivePointX8<TF, TLane, TCurve> Multiply<TF, TLane, TCurve>(in ProjectivePointX8<TF, TLane, TCurve> q, ulong m)
        where TF : unmanaged, IField<TF>
        where TLane : unmanaged, ILaneField<TLane, TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Span<sbyte> naf = stackalloc sbyte[66];
        int length = NonAdjacentForm(m, naf);
        var negated = q;
        ProjectivePointX8<TF, TLane, TCurve>.ConditionalNegate(Vector512<ulong>.AllBitsSet, ref negated);
        var acc = q; // the top digit of a NAF is +1
        for (int i = length - 2; i >= 0; i--)
        {
            ProjectivePointX8<TF, TLane, TCurve>.Double(acc, out acc);
            if (naf[i] > 0) ProjectivePointX8<TF, TLane, TCurve>.Add(acc, q, out acc);
            else if (naf[i] < 0) ProjectivePointX8<TF, TLane, TCurve>.Add(acc, negated, out acc);
        }
        return acc;
    }

    /// <summary>
    /// Writes the NAF digits of m &gt; 0, least significant first, and returns their number (the top one is +1);
    /// the plain binary digits instead when the NAF would be longer than m.
    /// </summary>
    private static int NonAdjacentForm(ulong m, Span<sbyte> digits)
    {
        // UInt128 so that m + 1 at a digit −1 cannot overflow near 2^64.
        UInt128 n = m;
        int length = 0;
        while (n != 0)
        {
            sbyte d = 0;
            if ((n & 1) != 0)
            {
                d = (n & 3) == 1 ? (sbyte)1 : (sbyte)-1;
                n = d > 0 ? n - 1 : n + 1;
            }
            digits[length++] = d;
            n >>= 1;
        }
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(m);
        if (length == bits) return length;
        for (int i = 0; i < bits; i++) digits[i] = (sbyte)((m >> i) & 1);
        return bits;
    }
}
