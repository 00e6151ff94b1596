using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves;

/// <summary>
/// BN254 ("bn128") G2: the D-type sextic twist y^2 = x^3 + 3/(9+u) over Fp2 = Fp254[u]/(u^2+1), subgroup of
/// order r, cofactor h2 (spec/ptau.md §6). Points: <c>AffinePoint&lt;Fp2&lt;Fp254&gt;, Bn254G2&gt;</c>, ...
/// Endomorphism ψ (untwist–Frobenius–twist): ψ(x, y) = (cx·conj(x), cy·conj(y)) with cx = ξ^((p−1)/3),
/// cy = ξ^((p−1)/2), ξ = 9 + u; on G2 it acts as [p mod r] = [6x0^2] (x0 = 4965661367192848881).
/// GLS split in 4 parts of ~64 bits with the Galbraith–Scott (2008) x0-adic basis.
/// Subgroup test (El Housni–Guillevic–Piellard, eprint 2022/348, as in gnark-crypto):
/// P ∈ G2 ⇔ [x0+1]P + ψ([x0]P) + ψ^2([x0]P) = ψ^3([2x0]P).
/// Constants derived and checked by tests/oracle/derive-curve-constants.js.
/// </summary>
public sealed class Bn254G2 : ICurve<Fp2<Fp254>, Bn254G2>
{
    private Bn254G2() { }

    /// <summary>The BN parameter x0 (positive for BN254).</summary>
    public const ulong X0 = 4965661367192848881;

    private static readonly Fp2<Fp254> s_b = ComputeB();
    private static readonly Fp2<Fp254> s_b3 = Triple(s_b);
    private static readonly AffinePoint<Fp2<Fp254>, Bn254G2> s_generator = new(
        FieldConstants.Element<Fp2<Fp254>>(
            "10857046999023057135944570762232829481370756359578518086990519993285655852781",
            "11559732032986387107991004021392285783925812861821192530917403151452391805634"),
        FieldConstants.Element<Fp2<Fp254>>(
            "8495653923123431417604973247489272438418190587263600148770280649306958101930",
            "4082367875863433681332203403145435568316851327593401208105741076214120093531"));
    private static readonly ulong[] s_cofactor = FieldConstants.Limbs(FieldConstants.Integer(
        "0x30644e72e131a029b85045b68181585e06ceecda572a2489345f2299c0f9fa8d"));
    private static readonly Fp2<Fp254> s_psiX = FieldConstants.Element<Fp2<Fp254>>(
        "0x2fb347984f7911f74c0bec3cf559b143b78cc310c2c3330c99e39557176f553d",
        "0x16c9e55061ebae204ba4cc8bd75a079432ae2a1d0b7c9dce1665d51c640fcba2");
    private static readonly Fp2<Fp254> s_psiY = FieldConstants.Element<Fp2<Fp254>>(
        "0x63cf305489af5dcdc5ec698b6e2f9b9dbaae0eda9c95998dc54014671a0135a",
        "0x7c03cbcac41049a0704b5a7ec796f2b21807dc98fa25bd282d37f632623b0e3");

    private static readonly ScalarDecomposition s_decomposition = FieldConstants.Decomposition(
        Bn254G1.Order,
        "0x6f4d8248eeb859fbf83e9682e87cfd46",
        [
            ["0x44e992b44a6909f2", "0x44e992b44a6909f1", "0x44e992b44a6909f1", "-0x89d3256894d213e2"],
            ["0x89d3256894d213e3", "-0x44e992b44a6909f1", "-0x44e992b44a6909f2", "-0x44e992b44a6909f1"],
            ["0x89d3256894d213e2", "0x89d3256894d213e3", "0x89d3256894d213e3", "0x89d3256894d213e3"],
            ["0x44e992b44a6909f0", "0x113a64ad129a427c6", "-0x89d3256894d213e1", "0x44e992b44a6909f0"],
        ]);

    /// <summary>cx of ψ(x, y) = (cx·conj(x), cy·conj(y)).</summary>
    public static Fp2<Fp254> PsiX => s_psiX;

    /// <summary>cy of ψ(x, y) = (cx·conj(x), cy·conj(y)).</summary>
    public static Fp2<Fp254> PsiY => s_psiY;

    /// <inheritdoc/>
    public static string Name => "bn128 G2";
    public static Fp2<Fp254> B => s_b;
    public static Fp2<Fp254> B3 => s_b3;
    public static AffinePoint<Fp2<Fp254>, Bn254G2> Generator => s_generator;
    public static ReadOnlySpan<ulong> Cofactor => s_cofactor;
    public static ScalarDecomposition Decomposition => s_decomposition;

    private static Fp2<Fp254> ComputeB()
    {
        var xi = FieldConstants.Element<Fp2<Fp254>>("9", "1");
        Fp2<Fp254>.InverseVartime(xi, out var xiInv);
        var three = FieldConstants.Element<Fp2<Fp254>>("3", "0");
        Fp2<Fp254>.Mul(three, xiInv, out var b);
        return b;
    }

    private static Fp2<Fp254> Triple(in Fp2<Fp254> a)
    {
        Fp2<Fp254>.Double(a, out var d);
        Fp2<Fp254>.Add(d, a, out var t);
        return t;
    }

    /// <summary>3b·a with b = 3/(9+u): a general Fp2 multiplication.</summary>
    public static void MulByB3(in Fp2<Fp254> a, out Fp2<Fp254> r) => Fp2<Fp254>.Mul(a, s_b3, out r);

    /// <summary>ψ in place on Jacobian or projective coordinates (conjugation is a field automorphism, so Z is conjugated too).</summary>
    public static void Endomorphism(ref Fp2<Fp254> x, ref Fp2<Fp254> y, ref Fp2<Fp254> z)
    {
        Fp2<Fp254>.Conjugate(x, out var cx);
        Fp2<Fp254>.Conjugate(y, out var cy);
        Fp2<Fp254>.Conjugate(z, out var cz);
        Fp2<Fp254>.Mul(cx, s_psiX, out x);
        Fp2<Fp254>.Mul(cy, s_psiY, out y);
        z = cz;
    }

    /// <summary>Eight points per AVX-512 instruction stream (<see cref="Batch.BatchSubgroupCheck"/>).</summary>
    public static void AreInSubgroupVartime(ReadOnlySpan<AffinePoint<Fp2<Fp254>, Bn254G2>> points, Span<bool> result) =>
        Batch.BatchSubgroupCheck.Bn254G2(points, result);

    public static bool IsInSubgroupVartime(in AffinePoint<Fp2<Fp254>, Bn254G2> p)
    {
        var j = p.ToJacobian();
        VariableTimeScalarMultiplication.MultiplyVartime(j, X0, out var xp);
        JacobianPoint<Fp2<Fp254>, Bn254G2>.AddVartime(xp, j, out var lhs);          // [x0+1]P
        var psi1 = xp;
        Endomorphism(ref psi1.X, ref psi1.Y, ref psi1.Z);                           // ψ([x0]P)
        var psi2 = psi1;
        Endomorphism(ref psi2.X, ref psi2.Y, ref psi2.Z);                           // ψ^2([x0]P)
        JacobianPoint<Fp2<Fp254>, Bn254G2>.AddVartime(lhs, psi1, out var l2);
        JacobianPoint<Fp2<Fp254>, Bn254G2>.AddVartime(l2, psi2, out var l3);
        JacobianPoint<Fp2<Fp254>, Bn254G2>.Double(xp, out var rhs);                 // [2x0]P
        for (int i = 0; i < 3; i++) Endomorphism(ref rhs.X, ref rhs.Y, ref rhs.Z);  // ψ^3([2x0]P)
        return JacobianPoint<Fp2<Fp254>, Bn254G2>.Equal(l3, rhs);
    }
}
