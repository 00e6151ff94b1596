using System.Numerics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>Public exponents for Fp2 = Fp[u]/(u² + 1) square roots, derived once from the base modulus.</summary>
internal static class Fp2Constants<TFp> where TFp : unmanaged, IPrimeField<TFp>
{
    private static readonly BigInteger Modulus = PrimeFieldConstants<TFp>.Modulus;

    /// <summary>(p - 3) / 4 (Adj and Rodríguez-Henríquez, "Square root computation over even extension fields", Alg. 9).</summary>
    public static readonly ulong[] PMinus3Over4 = PrimeFieldConstants<TFp>.ToLimbs((Modulus - 3) / 4);

    /// <summary>(p - 1) / 2.</summary>
    public static readonly ulong[] PMinus1Over2 = PrimeFieldConstants<TFp>.ToLimbs((Modulus - 1) / 2);

    /// <summary>u² = -1 is irreducible, and Algorithm 9 applies, only when p ≡ 3 (mod 4).</summary>
    public static readonly bool Supported = (Modulus % 4) == 3;
}
