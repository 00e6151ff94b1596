using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// BLS12-381 G1: y^2 = x^3 + 4 over Fp381, prime-order subgroup of order r, cofactor h1 (spec/ptau.md §6).
/// Points: <c>AffinePoint&lt;Fp381, Bls12381G1&gt;</c>, <c>JacobianPoint&lt;Fp381, Bls12381G1&gt;</c>.
/// Endomorphism φ(x, y) = (βx, y) with eigenvalue λ = −z^2 mod r (z = −0xd201000000010000, the BLS parameter),
/// used for the GLV split (2 parts of ~128 bits) and for Scott's subgroup test (eprint 2021/1130 §6:
/// P ∈ G1 ⇔ φ(P) = [−z^2]P). Constants derived and checked by tests/oracle/derive-curve-constants.js.
/// </summary>
public sealed class Bls12381G1 : ICurve<Fp381, Bls12381G1>
{
    private Bls12381G1() { }

    /// <summary>The prime order r of the subgroup (also of the scalar field Fr), hex.</summary>
    public const string Order = "0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

    /// <summary>|z| for the BLS parameter z = −0xd201000000010000.</summary>
    public const ulong AbsZ = 0xd201000000010000;

    private static readonly Fp381 s_b = Fp381.FromUInt64(4);
    private static readonly Fp381 s_b3 = Fp381.FromUInt64(12);
    private static readonly AffinePoint<Fp381, Bls12381G1> s_generator = new(
        FieldConstants.Element<Fp381>("3685416753713387016781088315183077757961620795782546409894578378688607592378376318836054947676345821548104185464507"),
        FieldConstants.Element<Fp381>("1339506544944476473020471379941921221584933875938349620426543736416511423956333506472724655353366534992391756441569"));
    private static readonly ulong[] s_cofactor = FieldConstants.Limbs(FieldConstants.Integer("0x396c8c005555e1568c00aaab0000aaab"));
    private static readonly Fp381 s_beta = FieldConstants.Element<Fp381>(
        "0x5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe");

    private static readonly ScalarDecomposition s_decomposition = FieldConstants.Decomposition(
        Order,
        "0x73eda753299d7d483339d80809a1d804a7780001fffcb7fcfffffffe00000001",
        [
            ["0x1", "-0xac45a4010001a40200000000ffffffff"],
            ["0xac45a4010001a4020000000100000000", "0x1"],
        ]);

    /// <inheritdoc/>
    public static string Name => "bls12381 G1";
    public static Fp381 B => s_b;
    public static Fp381 B3 => s_b3;
    public static AffinePoint<Fp381, Bls12381G1> Generator => s_generator;
    public static ReadOnlySpan<ulong> Cofactor => s_cofactor;
    public static ScalarDecomposition Decomposition => s_decomposition;

    /// <summary>The cube root of unity β of φ(x, y) = (βx, y).</summary>
    public static Fp381 Beta => s_beta;

    /// <summary>12a = 8a + 4a.</summary>
    public static void MulByB3(in Fp381 a, out Fp381 r)
    {
        Fp381.Double(a, out var a2);
        Fp381.Double(a2, out var a4);
        Fp381.Double(a4, out var a8);
        Fp381.Add(a8, a4, out r);
    }

    public static void Endomorphism(ref Fp381 x, ref Fp381 y, ref Fp381 z)
    {
        Fp381.Mul(x, s_beta, out Fp381 t);
        x = t;
    }

    /// <summary>Scott's test: φ(P) == −[z^2]P, with [z^2]P computed as [|z|]([|z|]P) (two 64-bit public multiplications).</summary>
    /// <summary>Eight points per AVX-512 instruction stream (<see cref="Batch.BatchSubgroupCheck"/>).</summary>
    public static void AreInSubgroupVartime(ReadOnlySpan<AffinePoint<Fp381, Bls12381G1>> points, Span<bool> result) =>
        Batch.BatchSubgroupCheck.Bls12381G1(points, result);

    public static bool IsInSubgroupVartime(in AffinePoint<Fp381, Bls12381G1> p)
    {
        var j = p.ToJacobian();
        VariableTimeScalarMultiplication.MultiplySparseVartime(j, AbsZ, out var zp);
        VariableTimeScalarMultiplication.MultiplySparseVartime(zp, AbsZ, out var z2p);
        var phi = j;
        Endomorphism(ref phi.X, ref phi.Y, ref phi.Z);
        JacobianPoint<Fp381, Bls12381G1>.Negate(z2p, out var minusZ2p);
        return JacobianPoint<Fp381, Bls12381G1>.Equal(phi, minusZ2p);
    }
}
