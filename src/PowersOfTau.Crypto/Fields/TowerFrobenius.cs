using System.Numerics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Constants of the Frobenius map x ↦ x^(p^k) (k = 1, 2, 3) on the tower of <typeparamref name="TTower"/>,
/// computed once at type initialisation from ξ and p by exponentiation in Fp2 (public values only):
/// v^(p^k) = ξ^((p^k−1)/3)·v, (v²)^(p^k) = ξ^(2(p^k−1)/3)·v², w^(p^k) = ξ^((p^k−1)/6)·w
/// (because v³ = ξ and w⁶ = v³ = ξ). Computing them instead of hard-coding them leaves nothing
/// to transcribe; the tests check the maps against x^(p^k) computed by exponentiation and against
/// @noble/curves' <c>frobeniusMap</c>.
/// </summary>
public static class TowerFrobenius<TFp, TTower>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    /// <summary>The field characteristic p.</summary>
    public static readonly BigInteger Modulus = new(TFp.ModulusLE, isUnsigned: true, isBigEndian: false);

    /// <summary>Index k−1 holds ξ^((p^k−1)/3), the factor of the v coefficient of Fp6 under Frobenius^k.</summary>
    public static ReadOnlySpan<Fp2<TFp>> Fp6V => Fp6VValues;

    /// <summary>Index k−1 holds ξ^(2(p^k−1)/3), the factor of the v² coefficient of Fp6 under Frobenius^k.</summary>
    public static ReadOnlySpan<Fp2<TFp>> Fp6V2 => Fp6V2Values;

    /// <summary>Index k−1 holds ξ^((p^k−1)/6), the factor of the w coefficient of Fp12 under Frobenius^k.</summary>
    public static ReadOnlySpan<Fp2<TFp>> Fp12W => Fp12WValues;

    /// <summary>ξ^((p−1)/3): the x factor of the untwist-Frobenius-twist endomorphism ψ on a D-type twist.</summary>
    public static readonly Fp2<TFp> PsiX;

    /// <summary>ξ^((p−1)/2): the y factor of ψ on a D-type twist.</summary>
    public static readonly Fp2<TFp> PsiY;

    // Private arrays behind read-only views: the constants cannot be changed by a caller.
    private static readonly Fp2<TFp>[] Fp6VValues = new Fp2<TFp>[3];
    private static readonly Fp2<TFp>[] Fp6V2Values = new Fp2<TFp>[3];
    private static readonly Fp2<TFp>[] Fp12WValues = new Fp2<TFp>[3];

    static TowerFrobenius()
    {
        var xi = TTower.Xi;
        var pk = BigInteger.One;
        for (int k = 1; k <= 3; k++)
        {
            pk *= Modulus;
            var e = pk - 1;
            if (!(e % 6).IsZero)
            {
                throw new InvalidOperationException($"tower {typeof(TTower).Name}: p^{k} - 1 is not divisible by 6.");
            }

            Fp6VValues[k - 1] = PowVartime(xi, e / 3);
            Fp6V2Values[k - 1] = PowVartime(xi, 2 * e / 3);
            Fp12WValues[k - 1] = PowVartime(xi, e / 6);
        }

        PsiX = Fp6VValues[0];
        PsiY = PowVartime(xi, (Modulus - 1) / 2);
    }

    /// <summary>a^e by square-and-multiply, variable time (public constants only).</summary>
    internal static Fp2<TFp> PowVartime(in Fp2<TFp> a, BigInteger e)
    {
        var r = Fp2<TFp>.One;
        for (long i = (long)e.GetBitLength() - 1; i >= 0; i--)
        {
            // Separate output variables: the Fp2 operations do not promise to allow aliasing.
            Fp2<TFp>.Square(r, out var s);
            r = s;
            if (!((e >> (int)i) & 1).IsZero)
            {
                Fp2<TFp>.Mul(s, a, out r);
            }
        }

        return r;
    }
}
