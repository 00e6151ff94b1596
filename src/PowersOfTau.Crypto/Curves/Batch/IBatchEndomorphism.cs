using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>The scalar-split endomorphism on eight lanes at once (φ on G1, ψ on G2); constant time.</summary>
internal interface IBatchEndomorphism<TV, TF>
    where TV : unmanaged, IBatchField<TV, TF>
    where TF : unmanaged
{
    void Apply(in ProjectivePointX8<TV, TF> p, out ProjectivePointX8<TV, TF> r);
}

/// <summary>φ(x, y) = (βx, y) in every lane.</summary>
internal readonly struct BetaEndomorphism<TV, TF>(TV beta) : IBatchEndomorphism<TV, TF>
    where TV : unmanaged, IBatchField<TV, TF>
    where TF : unmanaged
{
    public void Apply(in ProjectivePointX8<TV, TF> p, out ProjectivePointX8<TV, TF> r)
    {
        TV.Mul(p.X, beta, out TV x);
        r = new(x, p.Y, p.Z);
    }
}

/// <summary>ψ(x, y) = (cx·conj(x), cy·conj(y)) in every lane (Z conjugated too).</summary>
internal readonly struct PsiEndomorphism<TVp, TFp>(Fp2x8<TVp, TFp> cx, Fp2x8<TVp, TFp> cy) : IBatchEndomorphism<Fp2x8<TVp, TFp>, Fp2<TFp>>
    where TVp : unmanaged, IBatchField<TVp, TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    private static Fp2x8<TVp, TFp> Conjugate(in Fp2x8<TVp, TFp> a)
    {
        TVp.Neg(a.c1, out TVp n);
        return new Fp2x8<TVp, TFp>(a.c0, n);
    }

    public void Apply(in ProjectivePointX8<Fp2x8<TVp, TFp>, Fp2<TFp>> p, out ProjectivePointX8<Fp2x8<TVp, TFp>, Fp2<TFp>> r)
    {
        var x = Conjugate(p.X);
        var y = Conjugate(p.Y);
        var z = Conjugate(p.Z);
        Fp2x8<TVp, TFp>.Mul(x, cx, out var px);
        Fp2x8<TVp, TFp>.Mul(y, cy, out var py);
        r = new(px, py, z);
    }
}
