using System.Runtime.CompilerServices;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// BLS12-381: y² = x³ + 4 over Fp, M-type twist y² = x³ + 4ξ over Fp2, ξ = 1 + u, parameter
/// x = −0xd201000000010000; the Miller loop runs over |x| in binary and conjugates for the sign.
/// </summary>
public readonly struct Bls12381PairingCurve : IPairingCurve<Fp381, Bls12381Tower>
{
    /// <summary>|x|, the absolute value of the (negative) BLS parameter.</summary>
    public const ulong AbsX = 0xd201000000010000;

    private static readonly sbyte[] Digits = BinaryDigits(AbsX);

    private static readonly Fp2<Fp381> B3 = new(Fp381.FromUInt64(12), Fp381.FromUInt64(12));

    public static bool TwistIsDType => false;

    /// <summary>3·b' = 3·4·(1 + u).</summary>
    public static Fp2<Fp381> TwistB3 => B3;

    public static ReadOnlySpan<sbyte> LoopDigits => Digits;

    public static bool LoopCountIsNegative => true;

    public static bool AddsFrobeniusLines => false;

    /// <summary>
    /// f^(3·(p⁴−p²+1)/r): Hayashida, Hayasaka and Teruya, "Efficient final exponentiation via cyclotomic
    /// structure for pairings over families of elliptic curves" (ePrint 2020/875), the chain of
    /// gnark-crypto, arkworks and blst; @noble/curves and ffjavascript give the same value (factor 3, coprime to r).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FinalExponentiationHardPart(in Fp12<Fp381, Bls12381Tower> f, out Fp12<Fp381, Bls12381Tower> r)
    {
        Fp12<Fp381, Bls12381Tower>.CyclotomicSquare(f, out var y0);
        ExpByX(f, out var y1);
        Fp12<Fp381, Bls12381Tower>.Conjugate(f, out var y2);
        Fp12<Fp381, Bls12381Tower>.Mul(y1, y2, out y1);
        ExpByX(y1, out y2);
        Fp12<Fp381, Bls12381Tower>.Conjugate(y1, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(y1, y2, out y1);
        ExpByX(y1, out y2);
        Fp12<Fp381, Bls12381Tower>.Frobenius(y1, 1, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(y1, y2, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(f, y0, out var acc);
        ExpByX(y1, out y0);
        ExpByX(y0, out y2);
        Fp12<Fp381, Bls12381Tower>.Frobenius(y1, 2, out y0);
        Fp12<Fp381, Bls12381Tower>.Conjugate(y1, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(y1, y2, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(y1, y0, out y1);
        Fp12<Fp381, Bls12381Tower>.Mul(acc, y1, out r);
    }

    /// <summary>a^x for the negative x: a^|x| then conjugation (the inverse in the cyclotomic subgroup).</summary>
    private static void ExpByX(in Fp12<Fp381, Bls12381Tower> a, out Fp12<Fp381, Bls12381Tower> r)
    {
        Fp12<Fp381, Bls12381Tower>.CyclotomicPowVartime(a, AbsX, out var t);
        Fp12<Fp381, Bls12381Tower>.Conjugate(t, out r);
    }

    private static sbyte[] BinaryDigits(ulong v)
    {
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(v);
        var d = new sbyte[bits];
        for (int i = 0; i < bits; i++)
        {
            d[i] = (sbyte)((v >> (bits - 1 - i)) & 1);
        }

        return d;
    }
}
