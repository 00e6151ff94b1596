using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// The pieces of ffjavascript's <c>G.fromRng</c> (spec/ptau.md §6) that belong to the curve: lifting a sampled x to a
/// point with the requested sign of y, and clearing the cofactor. The caller draws x and the "greatest" bit from
/// its RNG and repeats while <see cref="TryLiftX"/> returns false. Variable time: the sampled points are public
/// (they are part of the contribution's public key).
/// </summary>
public static class PointSampling
{
    /// <summary>
    /// (x, y) with y^2 = x^3 + b and y "negative" (ffjavascript isNegative) exactly when <paramref name="greatest"/>;
    /// false when x^3 + b is not a square. The result is on the curve but not necessarily in the subgroup.
    /// </summary>
    public static bool TryLiftX<TF, TCurve>(in TF x, bool greatest, out AffinePoint<TF, TCurve> p)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        TF.Square(x, out TF x2);
        TF.Mul(x2, x, out TF x3);
        TF b = TCurve.B;
        TF.Add(x3, b, out TF rhs);
        if (!TF.SqrtVartime(rhs, out TF y))
        {
            p = default;
            return false;
        }
        if (TF.IsNegative(y) != greatest)
        {
            TF.Neg(y, out TF ny);
            y = ny;
        }
        p = new AffinePoint<TF, TCurve>(x, y);
        return true;
    }

    /// <summary>[h]P with the curve's full cofactor h taken as a plain integer, as ffjavascript does (spec/ptau.md §6).</summary>
    public static JacobianPoint<TF, TCurve> ClearCofactorVartime<TF, TCurve>(in AffinePoint<TF, TCurve> p)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        VariableTimeScalarMultiplication.MultiplyVartime(p.ToJacobian(), TCurve.Cofactor, out var r);
        return r;
    }
}
