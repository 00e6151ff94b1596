using System.Globalization;
using System.Numerics;

namespace PowersOfTau.Ceremony.Curves;

/// <summary>
/// What the file formats need to know about a curve: its name, element sizes, base-field modulus q (by
/// which .ptau headers identify it) and the byte sizes of its points in the three encodings
/// (spec/ptau.md §2, §12). No arithmetic: points stay raw encoded bytes here; point codecs from
/// PowersOfTau.Crypto are plugged in by the operations that need them.
/// </summary>
public sealed class CurveDescriptor
{
    private readonly byte[] _qLittleEndian;

    private CurveDescriptor(string name, int n8q, int n8r, string qHex, int maxPower)
    {
        Name = name;
        N8q = n8q;
        N8r = n8r;
        MaxPower = maxPower;
        var q = BigInteger.Parse("0" + qHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _qLittleEndian = new byte[n8q];
        if (!q.TryWriteBytes(_qLittleEndian, out _, isUnsigned: true, isBigEndian: false))
            throw new InvalidOperationException($"q of {name} does not fit in {n8q} bytes");
    }

    /// <summary>BN254, snarkjs name "bn128" (spec/ptau.md §12).</summary>
    public static CurveDescriptor Bn128 { get; } = new(
        "bn128", 32, 32, "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", maxPower: 28);

    /// <summary>BLS12-381, snarkjs name "bls12381" (spec/ptau.md §12).</summary>
    public static CurveDescriptor Bls12381 { get; } = new(
        "bls12381", 48, 32,
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        maxPower: 32);

    /// <summary>Both supported curves.</summary>
    public static IReadOnlyList<CurveDescriptor> All { get; } = [Bn128, Bls12381];

    /// <summary>snarkjs curve name: "bn128" or "bls12381".</summary>
    public string Name { get; }

    /// <summary>Bytes of a base-field (Fq) element: 32 or 48.</summary>
    public int N8q { get; }

    /// <summary>Bytes of a scalar-field (Fr) element: 32 for both curves.</summary>
    public int N8r { get; }

    /// <summary>
    /// Largest power a .ptau of this curve may declare: the 2-adicity of Fr (28 for bn128, 32 for
    /// bls12381), beyond which the phase-2 FFT domains do not exist (spec/ptau.md §10).
    /// </summary>
    public int MaxPower { get; }

    /// <summary>q as n8q little-endian bytes, exactly as section 1 stores it.</summary>
    public ReadOnlySpan<byte> QLittleEndian => _qLittleEndian;

    /// <summary>G1 point size in LEM and uncompressed encodings: 2·n8q.</summary>
    public int G1Size => 2 * N8q;

    /// <summary>G2 point size in LEM and uncompressed encodings: 4·n8q.</summary>
    public int G2Size => 4 * N8q;

    /// <summary>G1 point size compressed (response files): n8q.</summary>
    public int G1CompressedSize => N8q;

    /// <summary>G2 point size compressed (response files): 2·n8q.</summary>
    public int G2CompressedSize => 2 * N8q;

    /// <summary>Size of a point of <paramref name="group"/> in LEM / uncompressed encoding.</summary>
    public int PointSize(CurveGroup group) => group == CurveGroup.G1 ? G1Size : G2Size;

    /// <summary>Size of a point of <paramref name="group"/> in compressed encoding.</summary>
    public int CompressedPointSize(CurveGroup group) => group == CurveGroup.G1 ? G1CompressedSize : G2CompressedSize;

    /// <summary>
    /// The curve whose q equals <paramref name="qLittleEndian"/> (n8q little-endian bytes), or null. The
    /// length must match too: a 48-byte encoding of the bn128 q is not bn128.
    /// </summary>
    public static CurveDescriptor? FromQ(ReadOnlySpan<byte> qLittleEndian)
    {
        foreach (var curve in All)
        {
            if (qLittleEndian.SequenceEqual(curve.QLittleEndian)) return curve;
        }
        return null;
    }

    /// <summary>
    /// The curve named <paramref name="name"/>: "bn128" / "bn254" or "bls12381" / "bls12-381"
    /// (case-insensitive; ARCHITECTURE.md §3), or null.
    /// </summary>
    public static CurveDescriptor? FromName(string name) => name.ToLowerInvariant() switch
    {
        "bn128" or "bn254" => Bn128,
        "bls12381" or "bls12-381" => Bls12381,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;
}
