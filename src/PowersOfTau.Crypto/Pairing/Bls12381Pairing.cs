using PowersOfTau.Crypto.Fields;
using Engine = PowersOfTau.Crypto.Pairing.OptimalAtePairing<PowersOfTau.Crypto.Fields.Fp381, PowersOfTau.Crypto.Fields.Bls12381Tower, PowersOfTau.Crypto.Pairing.Bls12381PairingCurve>;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// The BLS12-381 optimal ate pairing; values equal ffjavascript 0.3.1's <c>curve.pairing</c> (snarkjs) and
/// @noble/curves'. Variable time (public inputs); points are not validated here. See
/// <see cref="OptimalAtePairing{TFp, TTower, TCurve}"/>.
/// </summary>
public static class Bls12381Pairing
{
    /// <summary>e(P, Q) for affine P = (px, py) in G1 and Q = (qx, qy) in G2, neither at infinity.</summary>
    public static Fp12<Fp381, Bls12381Tower> Pair(in Fp381 px, in Fp381 py, in Fp2<Fp381> qx, in Fp2<Fp381> qy) => Engine.Pair(px, py, qx, qy);

    /// <summary>e(P, Q); 1 when either point is at infinity.</summary>
    public static Fp12<Fp381, Bls12381Tower> Pair(in PairingG1Input<Fp381> p, in PairingG2Input<Fp381> q) => Engine.Pair(p, q);

    /// <summary>The Miller loop alone (its value is only meaningful after <see cref="FinalExponentiation"/>).</summary>
    public static Fp12<Fp381, Bls12381Tower> MillerLoop(in PairingG1Input<Fp381> p, in PairingG2Input<Fp381> q) => Engine.MillerLoop(p, q);

    /// <summary>The product of the Miller loops of all pairs, on one thread.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fp12<Fp381, Bls12381Tower> MillerLoop(ReadOnlySpan<PairingG1Input<Fp381>> ps, ReadOnlySpan<PairingG2Input<Fp381>> qs) =>
        Engine.MillerLoop(ps, qs);

    /// <summary>The final exponentiation of a Miller loop output.</summary>
    public static Fp12<Fp381, Bls12381Tower> FinalExponentiation(in Fp12<Fp381, Bls12381Tower> f) => Engine.FinalExponentiation(f);

    /// <summary>∏ e(Pᵢ, Qᵢ) with one final exponentiation; Miller loops on all cores.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fp12<Fp381, Bls12381Tower> PairingProduct(ReadOnlySpan<PairingG1Input<Fp381>> ps, ReadOnlySpan<PairingG2Input<Fp381>> qs) =>
        Engine.PairingProduct(ps, qs);

    /// <summary>True when ∏ e(Pᵢ, Qᵢ) = 1 (the Groth16 / ptau same-ratio checks); pairs with infinity contribute 1.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool PairingProductIsOne(ReadOnlySpan<PairingG1Input<Fp381>> ps, ReadOnlySpan<PairingG2Input<Fp381>> qs) =>
        Engine.PairingProductIsOne(ps, qs);

    /// <summary>snarkjs' <c>sameRatio</c>: true when e(g1s, g2sx) = e(g1sx, g2s); false when any point is at infinity.</summary>
    public static bool SameRatio(in PairingG1Input<Fp381> g1s, in PairingG1Input<Fp381> g1sx, in PairingG2Input<Fp381> g2s, in PairingG2Input<Fp381> g2sx) =>
        Engine.SameRatio(g1s, g1sx, g2s, g2sx);
}
