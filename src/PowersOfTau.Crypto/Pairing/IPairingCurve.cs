using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// What the optimal ate pairing engine (<see cref="OptimalAtePairing{TFp, TTower, TCurve}"/>) needs to
/// know about a pairing-friendly curve y² = x³ + b with a sextic twist E': y² = x³ + b' over Fp2.
/// </summary>
public interface IPairingCurve<TFp, TTower>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    /// <summary>
    /// True for a D-type twist (b' = b/ξ, BN254): lines are sparse in positions 0, 3, 4 of Fp12;
    /// false for an M-type twist (b' = b·ξ, BLS12-381): positions 0, 1, 4.
    /// </summary>
    static abstract bool TwistIsDType { get; }

    /// <summary>3·b', the constant of the projective doubling formula.</summary>
    static abstract Fp2<TFp> TwistB3 { get; }

    /// <summary>Signed digits (−1, 0, 1), most significant first, of the absolute Miller loop count.</summary>
    static abstract ReadOnlySpan<sbyte> LoopDigits { get; }

    /// <summary>True when the loop count is negative (BLS12-381's x): the loop result is conjugated.</summary>
    static abstract bool LoopCountIsNegative { get; }

    /// <summary>True for BN curves: the loop ends with the two lines through ψ(Q) and −ψ²(Q).</summary>
    static abstract bool AddsFrobeniusLines { get; }

    /// <summary>The hard part of the final exponentiation, for an element of the cyclotomic subgroup.</summary>
    static abstract void FinalExponentiationHardPart(in Fp12<TFp, TTower> f, out Fp12<TFp, TTower> r);
}
