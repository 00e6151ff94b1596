using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Rng;

/// <summary>
/// Curve points from a <see cref="ChaChaRng"/>, exactly as ffjavascript 0.3.1 <c>G.fromRng</c> (spec/ptau.md §6):
/// repeat { x = F.fromRng; greatest = nextBool } until x^3 + b is a square; y = the root whose sign matches
/// greatest; then multiply by the cofactor. snarkjs uses it for the g1_s of every key and, through
/// <see cref="HashToG2{TFp,TCurve}"/>, for g2_sp.
/// <para>
/// Variable time in the sampled point (square roots, cofactor multiplication): the accepted point is
/// public (it is published in the contribution's key). Rejected x values are ChaCha outputs that reveal
/// nothing about the seed or the other outputs. The generator itself stays wherever the caller keeps it.
/// </para>
/// </summary>
public static class PointFromRng
{
    /// <summary>A point of a group over a prime field (G1), Jacobian; the caller converts to affine.</summary>
    public static JacobianPoint<TF, TCurve> G1FromRng<TF, TCurve>(ref ChaChaRng rng)
        where TF : unmanaged, IPrimeField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        while (true)
        {
            FieldSampling.FromRng(ref rng, out TF x);
            bool greatest = rng.NextBool();
            if (PointSampling.TryLiftX(x, greatest, out AffinePoint<TF, TCurve> p))
                return PointSampling.ClearCofactorVartime(p);
        }
    }

    /// <summary>A point of a group over Fp2 (G2), Jacobian; x is drawn c0 then c1.</summary>
    public static JacobianPoint<Fp2<TFp>, TCurve> G2FromRng<TFp, TCurve>(ref ChaChaRng rng)
        where TFp : unmanaged, IPrimeField<TFp>
        where TCurve : ICurve<Fp2<TFp>, TCurve>
    {
        while (true)
        {
            FieldSampling.FromRng(ref rng, out Fp2<TFp> x);
            bool greatest = rng.NextBool();
            if (PointSampling.TryLiftX(x, greatest, out AffinePoint<Fp2<TFp>, TCurve> p))
                return PointSampling.ClearCofactorVartime(p);
        }
    }

    /// <summary>
    /// snarkjs <c>keypair.hashToG2</c>: a ChaCha seeded with the first 32 bytes of <paramref name="hash"/>
    /// (8 big-endian words), then one <see cref="G2FromRng{TFp,TCurve}"/>. The hash is public.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is shorter than 32 bytes.</exception>
    public static JacobianPoint<Fp2<TFp>, TCurve> HashToG2<TFp, TCurve>(ReadOnlySpan<byte> hash)
        where TFp : unmanaged, IPrimeField<TFp>
        where TCurve : ICurve<Fp2<TFp>, TCurve>
    {
        var rng = new ChaChaRng();
        try
        {
            rng.SeedFromDigest(hash);
            return G2FromRng<TFp, TCurve>(ref rng);
        }
        finally
        {
            rng.Dispose();
        }
    }
}
