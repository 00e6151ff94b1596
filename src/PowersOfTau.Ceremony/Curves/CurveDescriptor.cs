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

    private readonly byte[] _g1Lem, _g2Lem, _g1Uncompressed, _g2Uncompressed;

    private CurveDescriptor(string name, int n8q, int n8r, string qHex, int maxPower, string[] g1, string[] g2)
    {
        Name = name;
        N8q = n8q;
        N8r = n8r;
        MaxPower = maxPower;
        Q = BigInteger.Parse("0" + qHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        _qLittleEndian = new byte[n8q];
        if (!Q.TryWriteBytes(_qLittleEndian, out _, isUnsigned: true, isBigEndian: false))
            throw new InvalidOperationException($"q of {name} does not fit in {n8q} bytes");
        MontgomeryR = BigInteger.One << (8 * n8q);

        // Public constants, converted once at startup (BigInteger is fine for public data).
        var g1Coordinates = g1.Select(Parse).ToArray();        // x, y
        var g2Coordinates = g2.Select(Parse).ToArray();        // x.c0, x.c1, y.c0, y.c1
        _g1Lem = Concat(g1Coordinates.Select(ToLem));
        _g2Lem = Concat(g2Coordinates.Select(ToLem));
        _g1Uncompressed = Concat(g1Coordinates.Select(ToBigEndian));
        // spec/ptau.md §2: an uncompressed G2 coordinate is BE(c1) || BE(c0).
        _g2Uncompressed = Concat(new[] { g2Coordinates[1], g2Coordinates[0], g2Coordinates[3], g2Coordinates[2] }.Select(ToBigEndian));

        static BigInteger Parse(string value) => BigInteger.Parse(value, CultureInfo.InvariantCulture);
        static byte[] Concat(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();
        byte[] ToLem(BigInteger value) => ToBytes(value * MontgomeryR % Q, isBigEndian: false);
        byte[] ToBigEndian(BigInteger value) => ToBytes(value, isBigEndian: true);
    }

    private byte[] ToBytes(BigInteger value, bool isBigEndian)
    {
        var bytes = new byte[N8q];
        int offset = isBigEndian ? N8q - value.GetByteCount(isUnsigned: true) : 0;
        value.TryWriteBytes(bytes.AsSpan(offset), out _, isUnsigned: true, isBigEndian: isBigEndian);
        return bytes;
    }

    /// <summary>BN254, snarkjs name "bn128" (spec/ptau.md §12).</summary>
    public static CurveDescriptor Bn128 { get; } = new(
        "bn128", 32, 32, "30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", maxPower: 28,
        g1: ["1", "2"],
        g2: [
            "10857046999023057135944570762232829481370756359578518086990519993285655852781",
            "11559732032986387107991004021392285783925812861821192530917403151452391805634",
            "8495653923123431417604973247489272438418190587263600148770280649306958101930",
            "4082367875863433681332203403145435568316851327593401208105741076214120093531",
        ]);

    /// <summary>BLS12-381, snarkjs name "bls12381" (spec/ptau.md §12).</summary>
    public static CurveDescriptor Bls12381 { get; } = new(
        "bls12381", 48, 32,
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        maxPower: 32,
        g1: [
            "3685416753713387016781088315183077757961620795782546409894578378688607592378376318836054947676345821548104185464507",
            "1339506544944476473020471379941921221584933875938349620426543736416511423956333506472724655353366534992391756441569",
        ],
        g2: [
            "352701069587466618187139116011060144890029952792775240219908644239793785735715026873347600343865175952761926303160",
            "3059144344244213709971259814753781636986470325476647558659373206291635324768958432433509563104347017837885763365758",
            "1985150602287291935568054521177171638300868978215655730859378665066344726373823718423869104263333984641494340347905",
            "927553665492332455747201965776037880757740193453592970025027978793976877002675564980949289727957565575433344219582",
        ]);

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

    /// <summary>q (public constant).</summary>
    public BigInteger Q { get; }

    /// <summary>The Montgomery radix of Fq, R = 2^(8·n8q) (spec/ptau.md §2).</summary>
    public BigInteger MontgomeryR { get; }

    /// <summary>The G1 generator, LEM-encoded as .ptau sections store it (spec/ptau.md §2, §12).</summary>
    public ReadOnlySpan<byte> G1GeneratorLem => _g1Lem;

    /// <summary>The G2 generator, LEM-encoded.</summary>
    public ReadOnlySpan<byte> G2GeneratorLem => _g2Lem;

    /// <summary>The G1 generator, uncompressed (BE x ‖ BE y) as challenge files and hashes use it.</summary>
    public ReadOnlySpan<byte> G1GeneratorUncompressed => _g1Uncompressed;

    /// <summary>The G2 generator, uncompressed (c1 before c0 in each coordinate).</summary>
    public ReadOnlySpan<byte> G2GeneratorUncompressed => _g2Uncompressed;

    /// <summary>The generator of <paramref name="group"/>, LEM-encoded.</summary>
    public ReadOnlySpan<byte> GeneratorLem(CurveGroup group) => group == CurveGroup.G1 ? _g1Lem : _g2Lem;

    /// <summary>The generator of <paramref name="group"/>, uncompressed.</summary>
    public ReadOnlySpan<byte> GeneratorUncompressed(CurveGroup group) => group == CurveGroup.G1 ? _g1Uncompressed : _g2Uncompressed;

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
