using System.Globalization;
using System.Numerics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>The checks and timings of one group (G1 or G2 of one curve), generic over its field and curve.</summary>
public static class GroupChecks<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    /// <summary>Constant-time k·G equals the vector's product, byte for byte in the uncompressed encoding.</summary>
    public static bool ScalarMultiplicationMatches(GroupVector vector)
    {
        Span<ulong> k = stackalloc ulong[4];
        ScalarLimbs(vector.ScalarHex, k);
        ConstantTimeScalarMultiplication.Multiply(TCurve.Generator, k, out var product);
        Span<byte> encoded = stackalloc byte[PointEncoding<TF, TCurve>.UncompressedSize];
        PointEncoding<TF, TCurve>.WriteUncompressed(product.ToAffine(), encoded);
        return Convert.ToHexStringLower(encoded) == vector.ProductUncompressedHex;
    }

    /// <summary>The decoder accepts the vector's product (a subgroup point) and rejects the off-subgroup point as NotInSubgroup.</summary>
    public static bool SubgroupCheckHolds(GroupVector vector) =>
        PointEncoding<TF, TCurve>.TryReadUncompressed(Convert.FromHexString(vector.ProductUncompressedHex), out _) == PointDecodingError.None
        && (vector.OffSubgroupUncompressedHex is not { } off
            || PointEncoding<TF, TCurve>.TryReadUncompressed(Convert.FromHexString(off), out _) == PointDecodingError.NotInSubgroup);

    /// <summary>a·G for a public scalar a &lt; r (selfcheck inputs only).</summary>
    public static AffinePoint<TF, TCurve> Multiple(BigInteger a)
    {
        Span<ulong> k = stackalloc ulong[4];
        ToLimbs(a, k);
        ConstantTimeScalarMultiplication.Multiply(TCurve.Generator, k, out var r);
        return r.ToAffine();
    }

    /// <summary>Nanoseconds of one constant-time scalar multiplication by a full-size scalar (and the conversion to affine).</summary>
    public static double TimeScalarMultiplication(GroupVector vector, TimeSpan budget)
    {
        var k = new ulong[4];
        ScalarLimbs(vector.ScalarHex, k);
        var p = TCurve.Generator;
        return Timing.NanosecondsPerOperation(budget, () =>
        {
            ConstantTimeScalarMultiplication.Multiply(p, k, out var r);
            p = r.ToAffine(); // chain the results so the work cannot be skipped
        });
    }

    private static void ScalarLimbs(string hex, Span<ulong> limbs) =>
        ToLimbs(BigInteger.Parse("0" + hex[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture), limbs);

    private static void ToLimbs(BigInteger value, Span<ulong> limbs)
    {
        for (int i = 0; i < limbs.Length; i++)
        {
            limbs[i] = (ulong)(value & ulong.MaxValue);
            value >>= 64;
        }
    }
}
