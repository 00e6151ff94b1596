using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>
/// Subgroup checks of many BLS12-381 points, eight per AVX-512 instruction stream. Both tests have the form
/// endo(P) + [m]P = O for a public m, so every lane runs the same fixed double-and-add sequence with the complete
/// projective formulas: G1 (Scott, eprint 2021/1130) φ(P) + [z^2]P = O; G2 ψ(P) + [|z|]P = O (ψ(P) = [z]P, z &lt; 0).
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
