namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// The BLS12-381 tower: ξ = 1 + u, as in ffjavascript (wasmcurves <c>build_bls12381.js</c>,
/// <c>pNonResidueF6 = [1, 1]</c>), @noble/curves (<c>FP2_NONRESIDUE: [1, 1]</c>), blst and the IETF
/// pairing-friendly-curves draft.
/// </summary>
public readonly struct Bls12381Tower : ITowerParameters<Fp381>
{
    /// <inheritdoc />
    public static Fp2<Fp381> Xi => new(Fp381.One, Fp381.One);

    /// <summary>(a0 + a1·u)(1 + u) = (a0 − a1) + (a0 + a1)·u.</summary>
    public static void MulByXi(in Fp2<Fp381> a, out Fp2<Fp381> r)
    {
        Fp381.Sub(a.c0, a.c1, out var r0);
        Fp381.Add(a.c0, a.c1, out var r1);
        r = new Fp2<Fp381>(r0, r1);
    }
}
