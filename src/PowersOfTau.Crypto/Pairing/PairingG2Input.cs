using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// An affine point of the sextic twist G2 (coordinates in Fp2), or the point at infinity.
/// The pairing does not check that the point is on the twist or in the order-r subgroup: callers
/// check that when they decode it.
/// </summary>
public readonly struct PairingG2Input<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>Affine x (meaningless when <see cref="IsInfinity"/>).</summary>
    public readonly Fp2<TFp> X;

    /// <summary>Affine y (meaningless when <see cref="IsInfinity"/>).</summary>
    public readonly Fp2<TFp> Y;

    /// <summary>True for the point at infinity.</summary>
    public readonly bool IsInfinity;

    /// <summary>The affine point (x, y); not checked here.</summary>
    public PairingG2Input(in Fp2<TFp> x, in Fp2<TFp> y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private PairingG2Input(bool infinity)
    {
        X = Fp2<TFp>.Zero;
        Y = Fp2<TFp>.Zero;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity; a pair containing it contributes 1 to a pairing product.</summary>
    public static PairingG2Input<TFp> Infinity => new(true);
}
