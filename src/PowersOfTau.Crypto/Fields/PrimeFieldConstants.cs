using System.Numerics;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Public exponents and square-root parameters of a prime field, derived once from its modulus
/// (BigInteger is acceptable here: only public constants, computed at type initialisation).
/// </summary>
internal static class PrimeFieldConstants<T> where T : unmanaged, IPrimeField<T>
{
    public static readonly BigInteger Modulus = new(T.ModulusLE, isUnsigned: true, isBigEndian: false);

    /// <summary>p as little-endian limbs (LimbCount of them).</summary>
    public static readonly ulong[] ModulusLimbs = ToLimbs(Modulus, T.LimbCount);

    /// <summary>R³ mod p as raw Montgomery limbs: Mont(x, R³) = x·R², which turns (aR)^-1 into (a^-1)R.</summary>
    public static readonly T RCubed = T.FromMontgomeryLimbs(ToLimbs(BigInteger.ModPow(BigInteger.One << (64 * T.LimbCount), 3, Modulus), T.LimbCount));

    /// <summary>p - 2 (Fermat inversion).</summary>
    public static readonly ulong[] PMinus2 = ToLimbs(Modulus - 2);

    /// <summary>(p - 1) / 2 (Euler's criterion).</summary>
    public static readonly ulong[] PMinus1Over2 = ToLimbs((Modulus - 1) / 2);

    /// <summary>True when p ≡ 3 (mod 4): sqrt(a) = a^((p+1)/4).</summary>
    public static readonly bool PMod4Is3 = (Modulus % 4) == 3;

    /// <summary>(p + 1) / 4, used only when <see cref="PMod4Is3"/>.</summary>
    public static readonly ulong[] PPlus1Over4 = ToLimbs((Modulus + 1) / 4);

    /// <summary>Tonelli-Shanks: p - 1 = Q · 2^S with Q odd.</summary>
    public static readonly int S = TwoAdicity(Modulus - 1);

    /// <summary>Tonelli-Shanks: Q.</summary>
    public static readonly ulong[] Q = ToLimbs((Modulus - 1) >> S);

    /// <summary>Tonelli-Shanks: (Q + 1) / 2.</summary>
    public static readonly ulong[] QPlus1Over2 = ToLimbs((((Modulus - 1) >> S) + 1) / 2);

    /// <summary>Tonelli-Shanks: z^Q for the smallest quadratic non-residue z (a primitive 2^S-th root of unity).</summary>
    public static readonly T NonResidueToQ = FindNonResidueToQ();

    internal static ulong[] ToLimbs(BigInteger v, int minLimbs = 1)
    {
        byte[] bytes = v.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[Math.Max(minLimbs, (bytes.Length + 7) / 8)];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }

    private static int TwoAdicity(BigInteger v)
    {
        int s = 0;
        while (v.IsEven) { v >>= 1; s++; }
        return s;
    }

    private static T FindNonResidueToQ()
    {
        T.Neg(T.One, out var minusOne);
        // Half of all elements are non-residues; the smallest is tiny (5 for both scalar fields here), so a
        // bound that is never reached in a correct field only turns a broken arithmetic into an error.
        for (ulong z = 2; z < 1000; z++)
        {
            var candidate = T.FromUInt64(z);
            var euler = FieldMath.Pow(candidate, PMinus1Over2);
            if (T.EqualMask(euler, minusOne) != 0) return FieldMath.Pow(candidate, Q);
        }
        throw new InvalidOperationException("no quadratic non-residue below 1000: field arithmetic is broken");
    }
}
