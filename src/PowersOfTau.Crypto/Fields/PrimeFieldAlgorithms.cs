using System.Buffers.Binary;

namespace PowersOfTau.Crypto.Fields;

/// <summary>
/// Exponentiation-based algorithms shared by the generated prime-field structs (inverse, square root, Legendre)
/// and the modular reduction of long byte strings.
/// </summary>
public static class PrimeFieldAlgorithms
{
    /// <summary>Constant-time inverse by Fermat: a^(p-2). The exponent is public, so the window walk leaks nothing about a; 0 maps to 0.</summary>
    public static void Inverse<T>(in T a, out T r) where T : unmanaged, IPrimeField<T> =>
        r = FieldMath.Pow(a, PrimeFieldConstants<T>.PMinus2);

    /// <summary>
    /// Inverse for PUBLIC values only (variable time: binary extended Euclid, Hankerson-Menezes-Vanstone
    /// "Guide to ECC" Alg. 2.22, on the raw Montgomery value A = aR, then one Montgomery product with R³
    /// to get a^-1·R). 0 maps to 0.
    /// </summary>
    public static void InverseVartime<T>(in T a, out T r) where T : unmanaged, IPrimeField<T>
    {
        int n = T.LimbCount;
        Span<ulong> u = stackalloc ulong[n];
        Span<ulong> v = stackalloc ulong[n];
        Span<ulong> x1 = stackalloc ulong[n];
        Span<ulong> x2 = stackalloc ulong[n];
        ReadOnlySpan<ulong> p = PrimeFieldConstants<T>.ModulusLimbs;
        T.ToMontgomeryLimbs(a, u);
        if (Limbs.IsZero(u)) { r = T.Zero; return; }
        p.CopyTo(v);
        x1.Clear(); x1[0] = 1;
        x2.Clear();
        // invariant: x1·A ≡ u, x2·A ≡ v (mod p); u, v > 0 and gcd(u, v) = 1
        while (!Limbs.IsOne(u) && !Limbs.IsOne(v))
        {
            while ((u[0] & 1) == 0) { Limbs.ShiftRight1(u, 0); HalveModP(x1, p); }
            while ((v[0] & 1) == 0) { Limbs.ShiftRight1(v, 0); HalveModP(x2, p); }
            if (Limbs.GreaterOrEqual(u, v)) { Limbs.Sub(u, v); SubModP(x1, x2, p); }
            else { Limbs.Sub(v, u); SubModP(x2, x1, p); }
        }
        var inverseOfRaw = T.FromMontgomeryLimbs(Limbs.IsOne(u) ? x1 : x2); // (aR)^-1, canonical < p
        T.Mul(inverseOfRaw, PrimeFieldConstants<T>.RCubed, out r);
    }

    /// <summary>x = x/2 mod p for x &lt; p (x + p &lt; 2^(64n) because every modulus here has a spare top bit).</summary>
    private static void HalveModP(Span<ulong> x, ReadOnlySpan<ulong> p)
    {
        ulong carry = 0;
        if ((x[0] & 1) != 0) carry = Limbs.Add(x, p);
        Limbs.ShiftRight1(x, carry);
    }

    /// <summary>x = x - y mod p for x, y &lt; p.</summary>
    private static void SubModP(Span<ulong> x, ReadOnlySpan<ulong> y, ReadOnlySpan<ulong> p)
    {
        if (Limbs.Sub(x, y) != 0) Limbs.Add(x, p);
    }

    /// <summary>Legendre symbol by Euler's criterion a^((p-1)/2): 0, 1 or -1 (variable time in the result only).</summary>
    public static int Legendre<T>(in T a) where T : unmanaged, IPrimeField<T>
    {
        var e = FieldMath.Pow(a, PrimeFieldConstants<T>.PMinus1Over2);
        if (T.IsZeroMask(e) != 0) return 0;
        return T.EqualMask(e, T.One) != 0 ? 1 : -1;
    }

    /// <summary>
    /// Square root, variable time (public data only). p ≡ 3 (mod 4): a^((p+1)/4); otherwise Tonelli-Shanks
    /// (both BN254 and BLS12-381 scalar fields are ≡ 1 mod 4, 2-adicity 28 and 32). Returns false, with r = 0,
    /// when a is not a square. Which of the two roots is returned is unspecified.
    /// </summary>
    public static bool SqrtVartime<T>(in T a, out T r) where T : unmanaged, IPrimeField<T>
    {
        T candidate;
        if (PrimeFieldConstants<T>.PMod4Is3)
        {
            candidate = FieldMath.Pow(a, PrimeFieldConstants<T>.PPlus1Over4);
        }
        else
        {
            if (Legendre(a) < 0) { r = T.Zero; return false; }
            candidate = TonelliShanks(a);
        }
        T.Square(candidate, out var check);
        if (T.EqualMask(check, a) == 0) { r = T.Zero; return false; }
        r = candidate;
        return true;
    }

    /// <summary>Tonelli-Shanks for a square a (variable time).</summary>
    private static T TonelliShanks<T>(in T a) where T : unmanaged, IPrimeField<T>
    {
        if (T.IsZeroMask(a) != 0) return T.Zero;
        int m = PrimeFieldConstants<T>.S;
        T c = PrimeFieldConstants<T>.NonResidueToQ;
        T t = FieldMath.Pow(a, PrimeFieldConstants<T>.Q);
        T x = FieldMath.Pow(a, PrimeFieldConstants<T>.QPlus1Over2);
        var one = T.One;
        while (T.EqualMask(t, one) == 0)
        {
            // least i with t^(2^i) == 1; i < m because a is a square
            int i = 0;
            T t2i = t;
            while (T.EqualMask(t2i, one) == 0)
            {
                T.Square(t2i, out t2i);
                i++;
                if (i == m) throw new InvalidOperationException("Tonelli-Shanks called with a non-square");
            }
            T b = c;
            for (int j = 0; j < m - i - 1; j++) T.Square(b, out b);
            m = i;
            T.Square(b, out c);
            T.Mul(t, c, out t);
            T.Mul(x, b, out x);
        }
        return x;
    }

    /// <summary>
    /// Reduces a little-endian integer of any length modulo p: Horner's rule over 64-bit words,
    /// acc = acc·2^64 + word. Time depends only on src.Length.
    /// </summary>
    public static T FromLEReduce<T>(ReadOnlySpan<byte> src) where T : unmanaged, IPrimeField<T>
    {
        var twoTo32 = T.FromUInt64(1UL << 32);
        T.Square(twoTo32, out var twoTo64);
        T acc = T.Zero;
        int words = (src.Length + 7) / 8;
        Span<byte> last = stackalloc byte[8];
        for (int w = words - 1; w >= 0; w--)
        {
            ulong word;
            int start = 8 * w;
            if (start + 8 <= src.Length)
            {
                word = BinaryPrimitives.ReadUInt64LittleEndian(src.Slice(start, 8));
            }
            else
            {
                last.Clear();
                src[start..].CopyTo(last);
                word = BinaryPrimitives.ReadUInt64LittleEndian(last);
            }
            T.Mul(acc, twoTo64, out acc);
            T.Add(acc, T.FromUInt64(word), out acc);
        }
        last.Clear();
        return acc;
    }
}
