using System.Numerics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>Public constants for Fp2 = Fp[u]/(u² + 1) square roots, derived once from the base modulus.</summary>
internal static class Fp2Constants<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    private static readonly BigInteger Modulus = PrimeFieldConstants<TFp>.Modulus;

    /// <summary>1/2 in the base field.</summary>
    public static readonly TFp Half = HalfValue();

    /// <summary>u² = -1 is irreducible (-1 is a non-residue), which the square root relies on, only when p ≡ 3 (mod 4).</summary>
    public static readonly bool Supported = (Modulus % 4) == 3;

    private static TFp HalfValue()
    {
        TFp.InverseVartime(TFp.FromUInt64(2), out var half);
        return half;
    }
}
