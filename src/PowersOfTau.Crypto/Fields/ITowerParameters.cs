namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Parameters of the extension tower Fp2 ⊂ Fp6 ⊂ Fp12 used by the pairing:
/// Fp6 = Fp2[v]/(v³ − ξ) and Fp12 = Fp6[w]/(w² − v), the tower of ffjavascript (wasmcurves
/// <c>build_bn128.js</c> / <c>build_bls12381.js</c>: <c>f6m</c> over <c>f2m</c> with <c>_mulNR6</c> = ·ξ,
/// <c>ftm</c> over <c>f6m</c> with <c>_mulNR12</c> = ·v) and of @noble/curves, so Fp12 values compare directly.
/// ξ must be neither a square nor a cube in Fp2; the Frobenius coefficients derived from it are in
/// <see cref="TowerFrobenius{TFp, TTower}"/>.
/// </summary>
public interface ITowerParameters<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>The cubic and quadratic non-residue ξ of Fp2 (9 + u for BN254, 1 + u for BLS12-381).</summary>
    static abstract Fp2<TFp> Xi { get; }

    /// <summary>r = ξ·a, with the few additions the small ξ allows instead of a full Fp2 multiplication.</summary>
    static abstract void MulByXi(in Fp2<TFp> a, out Fp2<TFp> r);
}
