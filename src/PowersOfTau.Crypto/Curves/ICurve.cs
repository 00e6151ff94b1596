using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// The parameters of one prime-order group on a short Weierstrass curve y^2 = x^3 + b (a = 0), as static
/// members, so that one generic implementation of the formulas (<see cref="JacobianPoint{TF,TCurve}"/>,
/// <see cref="ConstantTimeScalarMultiplication"/>, the MSM, the encodings) serves all four groups; the JIT
/// specializes each generic method per (field, curve) pair.
/// Implementations: <see cref="Bn254G1"/>, <see cref="Bn254G2"/>, <see cref="Bls12381G1"/>, <see cref="Bls12381G2"/>.
/// </summary>
/// <typeparam name="TF">The coordinate field (a prime field for G1, Fp2 for G2).</typeparam>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ICurve<TF, TSelf>
    where TF : unmanaged, IField<TF>
    where TSelf : ICurve<TF, TSelf>
{
    /// <summary>Short human name for messages, e.g. "bn128 G1".</summary>
    static abstract string Name { get; }

    /// <summary>The constant b of y^2 = x^3 + b.</summary>
    static abstract TF B { get; }

    /// <summary>3·b, used by the complete (Renes–Costello–Batina) projective formulas.</summary>
    static abstract TF B3 { get; }

    /// <summary>r = 3b·a: the complete formulas' only multiplication by a constant, done with additions where 3b is small.</summary>
    static abstract void MulByB3(in TF a, out TF r);

    /// <summary>The generator snarkjs/ffjavascript uses (spec/ptau.md §12).</summary>
    static abstract AffinePoint<TF, TSelf> Generator { get; }

    /// <summary>The cofactor h of the curve group over the coordinate field (#E = h·r), little-endian limbs.</summary>
    static abstract ReadOnlySpan<ulong> Cofactor { get; }

    /// <summary>
    /// The endomorphism used for scalar decomposition (φ(x,y) = (βx, y) on G1, the untwist–Frobenius–twist ψ on G2),
    /// applied in place to the coordinates of a Jacobian or homogeneous projective point (both coordinate systems
    /// transform the same way). On the prime-order subgroup it acts as multiplication by
    /// <see cref="ScalarDecomposition.Lambda"/> of <see cref="Decomposition"/>. Constant time.
    /// </summary>
    static abstract void Endomorphism(ref TF x, ref TF y, ref TF z);

    /// <summary>The lattice that splits a scalar into short parts for the endomorphism (GLV on G1, GLS on G2).</summary>
    static abstract ScalarDecomposition Decomposition { get; }

    /// <summary>
    /// True when the affine point <paramref name="p"/>, already known to be on the curve and not the identity,
    /// lies in the prime-order subgroup. Variable time: for public points only.
    /// </summary>
    static abstract bool IsInSubgroupVartime(in AffinePoint<TF, TSelf> p);

    /// <summary>
    /// result[i] = points[i] is the identity or in the prime-order subgroup, for points already known to be on the
    /// curve. The default checks one by one; groups with a vectorised check (BLS12-381, see
    /// <see cref="Batch.BatchSubgroupCheck"/>) override it. Variable time: public points only.
    /// </summary>
    static virtual void AreInSubgroupVartime(ReadOnlySpan<AffinePoint<TF, TSelf>> points, Span<bool> result)
    {
        for (int i = 0; i < points.Length; i++) result[i] = points[i].IsInfinity || TSelf.IsInSubgroupVartime(points[i]);
    }
}
