using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>
/// Subgroup checks of many points, eight per AVX-512 instruction stream. Each test is a fixed sequence of complete
/// projective doublings and additions by public constants, the same for every lane:
/// BLS12-381 G1 (Scott, eprint 2021/1130) φ(P) + [z^2]P = O; BLS12-381 G2 ψ(P) + [|z|]P = O (ψ(P) = [z]P, z &lt; 0);
/// BN254 G2 (eprint 2022/348) [x0+1]P + ψ([x0]P) + ψ^2([x0]P) − ψ^3([2x0]P) = O.
/// Inputs must already be on the curve; the identity passes. Falls back to the scalar checks without AVX-512.
/// </summary>
public static class BatchSubgroupCheck
{
    private const int Lanes = 8;

    /// <summary>result[i] = points[i] is in G1 (points on the curve).</summary>
    public static void Bls12381G1(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Fp381x8.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bls12381G1.IsInSubgroupVartime(points[i]);
            return;
        }
        var endo = new BetaEndomorphism<Fp381x8, Fp381>(Fp381x8.Broadcast(Curves.Bls12381G1.Beta));
        Run<Fp381x8, Fp381, Curves.Bls12381G1, BetaEndomorphism<Fp381x8, Fp381>>(points, result, endo, rounds: 2);
    }

    /// <summary>result[i] = points[i] is in G2 (points on the curve).</summary>
    public static void Bls12381G2(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Fp381x8.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bls12381G2.IsInSubgroupVartime(points[i]);
            return;
        }
        var endo = new PsiEndomorphism<Fp381x8, Fp381>(
            Fp2x8<Fp381x8, Fp381>.Broadcast(Curves.Bls12381G2.PsiX), Fp2x8<Fp381x8, Fp381>.Broadcast(Curves.Bls12381G2.PsiY));
        Run<Fp2x8<Fp381x8, Fp381>, Fp2<Fp381>, Curves.Bls12381G2, PsiEndomorphism<Fp381x8, Fp381>>(points, result, endo, rounds: 1);
    }

    /// <summary>result[i] = points[i] is in G2 (points on the curve).</summary>
    public static void Bn254G2(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> points, Span<bool> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("one result per point", nameof(result));
        if (!Fp254x8.IsSupported)
        {
            for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || Curves.Bn254G2.IsInSubgroupVartime(points[i]);
            return;
        }
        var psi = new PsiEndomorphism<Fp254x8, Fp254>(
            Fp2x8<Fp254x8, Fp254>.Broadcast(Curves.Bn254G2.PsiX), Fp2x8<Fp254x8, Fp254>.Broadcast(Curves.Bn254G2.PsiY));
        var b3 = Fp2x8<Fp254x8, Fp254>.Broadcast(Curves.Bn254G2.B3);
        Batches<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>, Curves.Bn254G2>(points, result, p =>
        {
            var x = Multiply(p, Curves.Bn254G2.X0, b3);                         // [x0]P
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.Add(x, p, b3, out var s);   // [x0+1]P
            psi.Apply(x, out var psi1);
            psi.Apply(psi1, out var psi2);
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.Add(s, psi1, b3, out var s1);
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.Add(s1, psi2, b3, out var s2);
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.Double(x, b3, out var x2);  // [2x0]P
            psi.Apply(x2, out var t1);
            psi.Apply(t1, out var t2);
            psi.Apply(t2, out var t3);
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.ConditionalNegate(Vector512<ulong>.AllBitsSet, t3, out var minusT3);
            ProjectivePointX8<Fp2x8<Fp254x8, Fp254>, Fp2<Fp254>>.Add(s2, minusT3, b3, out var total);
            return total;
        });
    }

    /// <summary>Per batch of 8: S = endo(P) + [|z|]^rounds P, result = (S is the identity).</summary>
    private static void Run<TV, TF, TCurve, TEndo>(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<bool> result, TEndo endo, int rounds)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TEndo : struct, IBatchEndomorphism<TV, TF>
    {
        TV b3 = TV.Broadcast(TCurve.B3);
        Span<TF> coordinates = stackalloc TF[3 * Lanes];
        for (int start = 0; start < points.Length; start += Lanes)
        {
            int count = Math.Min(Lanes, points.Length - start);
            for (int lane = 0; lane < Lanes; lane++)
            {
                var a = lane < count ? points[start + lane] : AffinePoint<TF, TCurve>.Infinity;
                ProjectivePoint<TF, TCurve>.FromAffine(a, out var pp);
                coordinates[lane] = pp.X;
                coordinates[Lanes + lane] = pp.Y;
                coordinates[2 * Lanes + lane] = pp.Z;
            }
            var p = new ProjectivePointX8<TV, TF>(
                TV.FromElements(coordinates[..Lanes]), TV.FromElements(coordinates.Slice(Lanes, Lanes)), TV.FromElements(coordinates.Slice(2 * Lanes, Lanes)));
            var q = p;
            for (int r = 0; r < rounds; r++) q = MultiplyByAbsZ(q, b3);
            endo.Apply(p, out var e);
            ProjectivePointX8<TV, TF>.Add(q, e, b3, out var s);
            Vector512<ulong> identity = TV.IsZeroMask(s.Z);
            for (int lane = 0; lane < count; lane++) result[start + lane] = identity.GetElement(lane) != 0;
        }
    }

    /// <summary>For each batch of 8 points (padding with the identity): result = (relation(P) is the identity).</summary>
    private static void Batches<TV, TF, TCurve>(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<bool> result,
        Func<ProjectivePointX8<TV, TF>, ProjectivePointX8<TV, TF>> relation)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Span<TF> coordinates = stackalloc TF[3 * Lanes];
        for (int start = 0; start < points.Length; start += Lanes)
        {
            int count = Math.Min(Lanes, points.Length - start);
            for (int lane = 0; lane < Lanes; lane++)
            {
                var a = lane < count ? points[start + lane] : AffinePoint<TF, TCurve>.Infinity;
                ProjectivePoint<TF, TCurve>.FromAffine(a, out var pp);
                coordinates[lane] = pp.X;
                coordinates[Lanes + lane] = pp.Y;
                coordinates[2 * Lanes + lane] = pp.Z;
            }
            var p = new ProjectivePointX8<TV, TF>(
                TV.FromElements(coordinates[..Lanes]), TV.FromElements(coordinates.Slice(Lanes, Lanes)), TV.FromElements(coordinates.Slice(2 * Lanes, Lanes)));
            Vector512<ulong> identity = TV.IsZeroMask(relation(p).Z);
            for (int lane = 0; lane < count; lane++) result[start + lane] = identity.GetElement(lane) != 0;
        }
    }

    /// <summary>[m]q by left-to-right double-and-add over the bits of a public m &gt; 0.</summary>
    private static ProjectivePointX8<TV, TF> Multiply<TV, TF>(in ProjectivePointX8<TV, TF> q, ulong m, in TV b3)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged
    {
        var acc = q;
        for (int bit = 62 - System.Numerics.BitOperations.LeadingZeroCount(m); bit >= 0; bit--)
        {
            ProjectivePointX8<TV, TF>.Double(acc, b3, out acc);
            if (((m >> bit) & 1) != 0) ProjectivePointX8<TV, TF>.Add(acc, q, b3, out acc);
        }
        return acc;
    }

    /// <summary>[|z|]q by left-to-right double-and-add over the public bits of |z| = 0xd201000000010000.</summary>
    private static ProjectivePointX8<TV, TF> MultiplyByAbsZ<TV, TF>(in ProjectivePointX8<TV, TF> q, in TV b3)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged
    {
        const ulong m = Curves.Bls12381G1.AbsZ;
        var acc = q;
        for (int bit = 62; bit >= 0; bit--)
        {
            ProjectivePointX8<TV, TF>.Double(acc, b3, out acc);
            if (((m >> bit) & 1) != 0) ProjectivePointX8<TV, TF>.Add(acc, q, b3, out acc);
        }
        return acc;
    }
}
