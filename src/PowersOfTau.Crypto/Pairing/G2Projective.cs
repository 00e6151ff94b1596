using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// The running point T of the Miller loop in homogeneous projective coordinates (x = X/Z, y = Y/Z):
/// the coordinates in which the line formulas of Costello-Lange-Naehrig (PKC 2010) and Aranha et al.
/// (Eurocrypt 2011) avoid inversions.
/// </summary>
internal struct G2Projective<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    public Fp2<TFp> X;
    public Fp2<TFp> Y;
    public Fp2<TFp> Z;

    public G2Projective(in Fp2<TFp> x, in Fp2<TFp> y)
    {
        X = x;
        Y = y;
        Z = Fp2<TFp>.One;
    }
}
