namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// The BN254 ("bn128") tower: ξ = 9 + u, as in ffjavascript (<c>pNonResidueF6 = [9, 1]</c> in
/// wasmcurves <c>build_bn128.js</c>), @noble/curves (<c>FP2_NONRESIDUE: [9, 1]</c>) and EIP-197.
/// </summary>
public readonly struct Bn254Tower : ITowerParameters<Fp254>
{
    /// <inheritdoc />
    public static Fp2<Fp254> Xi => new(Fp254.FromUInt64(9), Fp254.One);

    /// <summary>(a0 + a1·u)(9 + u) = (9·a0 − a1) + (a0 + 9·a1)·u, with 9·t = 8·t + t.</summary>
    public static void MulByXi(in Fp2<Fp254> a, out Fp2<Fp254> r)
    {
        Fp254.Double(a.c0, out var t0);
        Fp254.Double(t0, out t0);
        Fp254.Double(t0, out t0);
        Fp254.Add(t0, a.c0, out t0);          // 9·a0
        Fp254.Double(a.c1, out var t1);
        Fp254.Double(t1, out t1);
        Fp254.Double(t1, out t1);
        Fp254.Add(t1, a.c1, out t1);          // 9·a1
        Fp254.Sub(t0, a.c1, out var r0);
        Fp254.Add(t1, a.c0, out var r1);
        r = new Fp2<Fp254>(r0, r1);
    }
}
