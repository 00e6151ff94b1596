using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Ceremony.Verification;

/// <summary>
/// <c>powersoftau verify &lt;file.ptau&gt;</c> (spec/ptau.md §7): checks every contribution's proofs of knowledge
/// and ratio links (regenerating beacon keys), that the point sections are successive powers of the last τ
/// (random linear combinations, pairings), that they hash to the last nextChallenge, and, when present, that
/// sections 12..15 are the Lagrange-basis forms of sections 2..5. Every point is decoded with all checks.
/// Verdicts are deterministic; the random scalars are not (OS randomness, 128 bits each).
/// </summary>
public static class PtauVerifier
{
    /// <summary>Verifies the transcript at <paramref name="path"/>.</summary>
    /// <exception cref="CeremonyFormatException">Unreadable (exit 2), or a check fails (InvalidTranscript, exit 1; the
    /// message names the contribution or section).</exception>
    public static PtauVerificationResult Verify(string path, CancellationToken cancellationToken = default,
        IProgress<CeremonyProgress>? progress = null)
    {
        using var ptau = PtauFile.Open(path);
        var curve = ptau.Header.Curve;
        if (curve == CurveDescriptor.Bn128)
            return TranscriptVerifier<Fp254, Bn254G1, Bn254G2, Fr254>.Verify(ptau, Bn254SameRatio, cancellationToken, progress);
        return TranscriptVerifier<Fp381, Bls12381G1, Bls12381G2, Fr381>.Verify(ptau, Bls12381SameRatio, cancellationToken, progress);
    }

    private static bool Bn254SameRatio(AffinePoint<Fp254, Bn254G1> a, AffinePoint<Fp254, Bn254G1> b,
        AffinePoint<Fp2<Fp254>, Bn254G2> c, AffinePoint<Fp2<Fp254>, Bn254G2> d) =>
        Bn254Pairing.SameRatio(G1(a), G1(b), G2(c), G2(d));

    private static bool Bls12381SameRatio(AffinePoint<Fp381, Bls12381G1> a, AffinePoint<Fp381, Bls12381G1> b,
        AffinePoint<Fp2<Fp381>, Bls12381G2> c, AffinePoint<Fp2<Fp381>, Bls12381G2> d) =>
        Bls12381Pairing.SameRatio(G1(a), G1(b), G2(c), G2(d));

    private static PairingG1Input<TFp> G1<TFp, TCurve>(AffinePoint<TFp, TCurve> p)
        where TFp : unmanaged, IPrimeField<TFp>
        where TCurve : ICurve<TFp, TCurve> =>
        p.IsInfinity ? PairingG1Input<TFp>.Infinity : new PairingG1Input<TFp>(p.X, p.Y);

    private static PairingG2Input<TFp> G2<TFp, TCurve>(AffinePoint<Fp2<TFp>, TCurve> p)
        where TFp : unmanaged, IPrimeField<TFp>
        where TCurve : ICurve<Fp2<TFp>, TCurve> =>
        p.IsInfinity ? PairingG2Input<TFp>.Infinity : new PairingG2Input<TFp>(p.X, p.Y);
}
