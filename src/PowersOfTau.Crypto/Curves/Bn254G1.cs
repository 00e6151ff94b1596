using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// BN254 ("bn128" in snarkjs) G1: y^2 = x^3 + 3 over Fp254, prime order r (cofactor 1).
/// Points: <c>AffinePoint&lt;Fp254, Bn254G1&gt;</c>, <c>JacobianPoint&lt;Fp254, Bn254G1&gt;</c>.
/// Endomorphism φ(x, y) = (βx, y), β a cube root of unity, eigenvalue λ (GLV, 2 parts of ~127 bits).
/// Constants derived and checked by tests/oracle/derive-curve-constants.js.
/// </summary>
public sealed class Bn254G1 : ICurve<Fp254, Bn254G1>
{
    private Bn254G1() { }

    /// <summary>The prime order r of the subgroup (also of the scalar field Fr), hex.</summary>
    public const string Order = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";

    private static readonly Fp254 s_b = Fp254.FromUInt64(3);
    private static readonly Fp254 s_b3 = Fp254.FromUInt64(9);
    private static readonly AffinePoint<Fp254, Bn254G1> s_generator = new(Fp254.FromUInt64(1), Fp254.FromUInt64(2));
    private static readonly ulong[] s_cofactor = [1];
    private static readonly Fp254 s_beta = FieldConstants.Element<Fp254>("0x59e26bcea0d48bacd4f263f1acdb5c4f5763473177fffffe");

    private static readonly ScalarDecomposition s_decomposition = FieldConstants.Decomposition(
        Order,
        "0xb3c4d79d41a917585bfc41088d8daaa78b17ea66b99c90dd",
        [
            ["0x89d3256894d213e3", "-0x6f4d8248eeb859fc8211bbeb7d4f1128"],
            ["0x6f4d8248eeb859fd0be4e1541221250b", "0x89d3256894d213e3"],
        ]);

    /// <inheritdoc/>
    public static string Name => "bn128 G1";
    public static Fp254 B => s_b;
    public static Fp254 B3 => s_b3;
    public static AffinePoint<Fp254, Bn254G1> Generator => s_generator;
    public static ReadOnlySpan<ulong> Cofactor => s_cofactor;
    public static ScalarDecomposition Decomposition => s_decomposition;

    /// <summary>The cube root of unity β of φ(x, y) = (βx, y).</summary>
    public static Fp254 Beta => s_beta;

    /// <summary>9a = 8a + a.</summary>
    public static void MulByB3(in Fp254 a, out Fp254 r)
    {
        Fp254.Double(a, out var a2);
        Fp254.Double(a2, out var a4);
        Fp254.Double(a4, out var a8);
        Fp254.Add(a8, a, out r);
    }

    public static void Endomorphism(ref Fp254 x, ref Fp254 y, ref Fp254 z)
    {
        Fp254.Mul(x, s_beta, out Fp254 t);
        x = t;
    }

    /// <summary>The group of points over Fp has prime order r: every point on the curve is in the subgroup.</summary>
    public static bool IsInSubgroupVartime(in AffinePoint<Fp254, Bn254G1> p) => true;
}
