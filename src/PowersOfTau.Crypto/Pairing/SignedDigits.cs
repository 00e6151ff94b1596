using System.Numerics;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>Signed binary recodings of public loop constants.</summary>
internal static class SignedDigits
{
    /// <summary>
    /// The non-adjacent form of n &gt; 0 (digits −1, 0, 1, no two adjacent non-zero), most significant
    /// first. Variable time: for public constants only.
    /// </summary>
    public static sbyte[] NonAdjacentForm(BigInteger n)
    {
        if (n.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "the non-adjacent form is computed for positive integers only.");
        }

        var lsbFirst = new List<sbyte>();
        while (n > 0)
        {
            sbyte d = 0;
            if (!n.IsEven)
            {
                d = (sbyte)(2 - (int)(n % 4));                // 1 when n ≡ 1 (mod 4), −1 when n ≡ 3
                n -= d;
            }

            lsbFirst.Add(d);
            n >>= 1;
        }

        lsbFirst.Reverse();
        return lsbFirst.ToArray();
    }
}
