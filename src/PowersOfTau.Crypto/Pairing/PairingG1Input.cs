using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// An affine G1 point handed to the pairing: coordinates in the base field, or the point at infinity.
/// The pairing does not check that the point is on the curve or in the order-r subgroup: callers
/// check that when they decode it (as blst's API says of its own pairing).
/// </summary>
public readonly struct PairingG1Input<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>Affine x (meaningless when <see cref="IsInfinity"/>).</summary>
    public readonly TFp X;

    /// <summary>Affine y (meaningless when <see cref="IsInfinity"/>).</summary>
    public readonly TFp Y;

    /// <summary>True for the point at infinity.</summary>
    public readonly bool IsInfinity;

    /// <summary>The affine point (x, y); not checked here.</summary>
    public PairingG1Input(in TFp x, in TFp y)
    {
        X = x;
        Y = y;
        IsInfinity = false;
    }

    private PairingG1Input(bool infinity)
    {
        X = TFp.Zero;
        Y = TFp.Zero;
        IsInfinity = infinity;
    }

    /// <summary>The point at infinity; a pair containing it contributes 1 to a pairing product.</summary>
    public static PairingG1Input<TFp> Infinity => new(true);
}
