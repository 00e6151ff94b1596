using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// BLS12-381 G2: the M-type sextic twist y^2 = x^3 + 4(1+u) over Fp2 = Fp381[u]/(u^2+1), subgroup of order r,
/// cofactor h2 (spec/ptau.md §6). Points: <c>AffinePoint&lt;Fp2&lt;Fp381&gt;, Bls12381G2&gt;</c>, ...
/// Endomorphism ψ(x, y) = (cx·conj(x), cy·conj(y)) with cx = 1/ξ^((p−1)/3), cy = 1/ξ^((p−1)/2), ξ = 1 + u;
/// on G2 it acts as [z] (z = −0xd201000000010000, p ≡ z mod r). GLS split in 4 parts of ~64 bits with the
/// z-adic basis; subgroup test ψ(P) = [z]P (Scott, eprint 2021/1130, as blst does).
/// Constants derived and checked by tests/oracle/derive-curve-constants.js.
/// </summary>
public sealed class Bls12381G2 : ICurve<Fp2<Fp381>, Bls12381G2>
{
    private Bls12381G2() { }

    private static readonly Fp2<Fp381> s_b = FieldConstants.Element<Fp2<Fp381>>("4", "4");
    private static readonly Fp2<Fp381> s_b3 = FieldConstants.Element<Fp2<Fp381>>("12", "12");
    private static readonly AffinePoint<Fp2<Fp381>, Bls12381G2> s_generator = new(
        FieldConstants.Element<Fp2<Fp381>>(
            "352701069587466618187139116011060144890029952792775240219908644239793785735715026873347600343865175952761926303160",
            "3059144344244213709971259814753781636986470325476647558659373206291635324768958432433509563104347017837885763365758"),
        FieldConstants.Element<Fp2<Fp381>>(
            "1985150602287291935568054521177171638300868978215655730859378665066344726373823718423869104263333984641494340347905",
            "927553665492332455747201965776037880757740193453592970025027978793976877002675564980949289727957565575433344219582"));
    private static readonly ulong[] s_cofactor = FieldConstants.Limbs(FieldConstants.Integer(
        "0x5d543a95414e7f1091d50792876a202cd91de4547085abaa68a205b2e5a7ddfa628f1cb4d9e82ef21537e293a6691ae1616ec6e786f0c70cf1c38e31c7238e5"));
    private static readonly Fp2<Fp381> s_psiX = FieldConstants.Element<Fp2<Fp381>>(
        "0x0",
        "0x1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaad");
    private static readonly Fp2<Fp381> s_psiY = FieldConstants.Element<Fp2<Fp381>>(
        "0x135203e60180a68ee2e9c448d77a2cd91c3dedd930b1cf60ef396489f61eb45e304466cf3e67fa0af1ee7b04121bdea2",
        "0x6af0e0437ff400b6831e36d6bd17ffe48395dabc2d3435e77f76e17009241c5ee67992f72ec05f4c81084fbede3cc09");

    private static readonly ScalarDecomposition s_decomposition = FieldConstants.Decomposition(
        Bls12381G1.Order,
        "0x73eda753299d7d483339d80809a1d80553bda402fffe5bfe2dfefffeffff0001",
        [
            ["0xd201000000010000", "0x1", "0x0", "0x0"],
            ["0x0", "0xd201000000010000", "0x1", "0x0"],
            ["0x0", "0x0", "0xd201000000010000", "0x1"],
            ["0x1", "0x0", "-0x1", "-0xd201000000010000"],
        ]);

    /// <summary>cx of ψ(x, y) = (cx·conj(x), cy·conj(y)).</summary>
    public static Fp2<Fp381> PsiX => s_psiX;

    /// <summary>cy of ψ(x, y) = (cx·conj(x), cy·conj(y)).</summary>
    public static Fp2<Fp381> PsiY => s_psiY;

    /// <inheritdoc/>
    public static string Name => "bls12381 G2";
    public static Fp2<Fp381> B => s_b;
    public static Fp2<Fp381> B3 => s_b3;
    public static AffinePoint<Fp2<Fp381>, Bls12381G2> Generator => s_generator;
    public static ReadOnlySpan<ulong> Cofactor => s_cofactor;
    public static ScalarDecomposition Decomposition => s_decomposition;

    /// <summary>12(1+u)·a: (1+u)(a0 + a1·u) = (a0 − a1) + (a0 + a1)·u, then 12x = 8x + 4x.</summary>
    public static void MulByB3(in Fp2<Fp381> a, out Fp2<Fp381> r)
    {
        Fp381.Sub(a.c0, a.c1, out var t0);
        Fp381.Add(a.c0, a.c1, out var t1);
        var t = new Fp2<Fp381>(t0, t1);
        Fp2<Fp381>.Double(t, out var t2);
        Fp2<Fp381>.Double(t2, out var t4);
        Fp2<Fp381>.Double(t4, out var t8);
        Fp2<Fp381>.Add(t8, t4, out r);
    }

    /// <summary>ψ in place on Jacobian or projective coordinates (conjugation is a field automorphism, so Z is conjugated too).</summary>
    public static void Endomorphism(ref Fp2<Fp381> x, ref Fp2<Fp381> y, ref Fp2<Fp381> z)
    {
        Fp2<Fp381>.Conjugate(x, out var cx);
        Fp2<Fp381>.Conjugate(y, out var cy);
        Fp2<Fp381>.Conjugate(z, out var cz);
        Fp2<Fp381>.Mul(cx, s_psiX, out x);
        Fp2<Fp381>.Mul(cy, s_psiY, out y);
        z = cz;
    }

    /// <summary>ψ(P) == [z]P = −[|z|]P.</summary>
    /// <summary>Eight points per AVX-512 instruction stream (<see cref="Batch.BatchSubgroupCheck"/>).</summary>
    public static void AreInSubgroupVartime(ReadOnlySpan<AffinePoint<Fp2<Fp381>, Bls12381G2>> points, Span<bool> result) =>
        Batch.BatchSubgroupCheck.Bls12381G2(points, result);

    public static bool IsInSubgroupVartime(in AffinePoint<Fp2<Fp381>, Bls12381G2> p)
    {
        var j = p.ToJacobian();
        VariableTimeScalarMultiplication.MultiplySparseVartime(j, Bls12381G1.AbsZ, out var zp);
        JacobianPoint<Fp2<Fp381>, Bls12381G2>.Negate(zp, out var rhs);
        var psi = j;
        Endomorphism(ref psi.X, ref psi.Y, ref psi.Z);
        return JacobianPoint<Fp2<Fp381>, Bls12381G2>.Equal(psi, rhs);
    }
}
