using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// The curve-specific half of the phase-2 operations: <see cref="For"/> picks the generic implementation
/// <see cref="Phase2Backend{TFq,TFr,TTower,TG1,TG2,TPair}"/> specialised for bn128 or bls12381, so that the
/// arithmetic runs on the PowersOfTau.Crypto structs without boxing, and the operations stay curve-agnostic.
/// </summary>
internal abstract class Phase2Backend
{
    private static readonly Phase2Backend Bn128 =
        new Phase2Backend<Fp254, Fr254, Bn254Tower, Bn254G1, Bn254G2, Bn254PairingCurve>(CurveDescriptor.Bn128);
    private static readonly Phase2Backend Bls12381 =
        new Phase2Backend<Fp381, Fr381, Bls12381Tower, Bls12381G1, Bls12381G2, Bls12381PairingCurve>(CurveDescriptor.Bls12381);

    protected Phase2Backend(CurveDescriptor curve) => Curve = curve;

    /// <summary>The curve this backend computes on.</summary>
    public CurveDescriptor Curve { get; }

    /// <summary>The backend of <paramref name="curve"/>.</summary>
    public static Phase2Backend For(CurveDescriptor curve) =>
        curve == CurveDescriptor.Bn128 ? Bn128
        : curve == CurveDescriptor.Bls12381 ? Bls12381
        : throw new ArgumentException($"no phase-2 backend for {curve.Name}", nameof(curve));

    /// <summary>Groth16 setup (spec/zkey.md §2) into <paramref name="output"/>; returns csHash.</summary>
    public abstract byte[] Setup(R1cs.R1csFile r1cs, Ptau.PtauFile ptau, Stream output, int cirPower,
        IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// A contribution (spec/zkey.md §3, §4): δ and the key from <paramref name="seed"/> (a SecretBuffer whose first
    /// 32 bytes seed ChaCha as 8 big-endian words), written to <paramref name="output"/>.
    /// </summary>
    public abstract ZkeyContribution Contribute(ZkeyFile input, Stream output, PowersOfTau.Secrets.SecretBuffer seed,
        Ptau.ContributionType type, Ptau.ContributionParams parameters, IProgress<ZkeyProgress>? progress,
        CancellationToken cancellationToken);

    /// <summary>Checks the contribution chain of <paramref name="final"/> (spec/zkey.md §5 step 2); returns the contribution hashes.</summary>
    public abstract IReadOnlyList<byte[]> VerifyContributions(ZkeyFile final);

    /// <summary>Checks <paramref name="final"/> against the recomputed <paramref name="init"/> (spec/zkey.md §5 steps 3–8).</summary>
    public abstract void VerifyAgainstInit(ZkeyFile init, ZkeyFile final, Ptau.PtauFile ptau, byte[] currentDeltaG1,
        IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken);

    /// <summary>verification_key.json as snarkjs writes it (spec/zkey.md §6).</summary>
    public abstract string VerificationKeyJson(ZkeyFile zkey);

    /// <summary>The whole key as snarkjs's <c>zkey export json</c> writes it (spec/zkey.md §6), streamed to <paramref name="writer"/>.</summary>
    public abstract void WriteZkeyJson(ZkeyFile zkey, TextWriter writer);

    /// <summary>BLAKE2b-512 of U(deltaAfter) || U(g1_s) || U(g1_sx) || U(g2_spx) || transcript (spec/zkey.md §3 step 7).</summary>
    public abstract byte[] ContributionHash(ZkeyContribution contribution);

    /// <summary>U(deltaAfter) || U(g1_s) || U(g1_sx) || U(g2_spx): the public key as hashed.</summary>
    public abstract byte[] PublicKeyUncompressed(ZkeyContribution contribution);
}
