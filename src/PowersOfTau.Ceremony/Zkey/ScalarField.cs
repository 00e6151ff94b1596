using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>The scalar field r of each curve as the formats store it (32 bytes little-endian; spec/ptau.md §12).</summary>
public static class ScalarField
{
    /// <summary>Byte size of an r element in .r1cs / .zkey files (n8r).</summary>
    public const int N8r = 32;

    /// <summary>r of <paramref name="curve"/>, little-endian.</summary>
    public static ReadOnlySpan<byte> ModulusLE(CurveDescriptor curve) =>
        curve == CurveDescriptor.Bn128 ? Fr254.ModulusLE : Fr381.ModulusLE;

    /// <summary>The curve whose r equals <paramref name="primeLittleEndian"/>, or null.</summary>
    public static CurveDescriptor? CurveOf(ReadOnlySpan<byte> primeLittleEndian)
    {
        foreach (var curve in CurveDescriptor.All)
        {
            if (primeLittleEndian.SequenceEqual(ModulusLE(curve))) return curve;
        }
        return null;
    }

    /// <summary>True when the 32-byte little-endian integer <paramref name="value"/> is below r of <paramref name="curve"/>.</summary>
    public static bool IsReduced(ReadOnlySpan<byte> value, CurveDescriptor curve)
    {
        var r = ModulusLE(curve);
        for (int i = N8r - 1; i >= 0; i--)
        {
            if (value[i] != r[i]) return value[i] < r[i];
        }
        return false;
    }
}
