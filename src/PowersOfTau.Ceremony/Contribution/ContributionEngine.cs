using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Contribution;

/// <summary>The engines for the two curves.</summary>
internal static class ContributionEngines
{
    public static IContributionEngine For(CurveDescriptor curve) =>
        curve == CurveDescriptor.Bn128 ? new ContributionEngine<Fp254, Bn254G1, Bn254G2, Fr254>(curve)
        : curve == CurveDescriptor.Bls12381 ? new ContributionEngine<Fp381, Bls12381G1, Bls12381G2, Fr381>(curve)
        : throw new ArgumentException($"no engine for {curve.Name}", nameof(curve));
}

/// <summary>
/// <see cref="IContributionEngine"/> for one curve: G1 over <typeparamref name="TFq"/>, G2 over Fp2 of it,
/// scalars in <typeparamref name="TFr"/>. Multiplications by secrets use
/// <see cref="Crypto.Simd.BatchScalarMultiplication"/> over a chunk (key points: <see cref="ConstantTimeScalarMultiplication"/>)
/// and constant-time affine conversion; point sampling and
/// decoding are variable time on public data only.
/// </summary>
internal sealed class ContributionEngine<TFq, TG1, TG2, TFr>(CurveDescriptor curve) : IContributionEngine
    where TFq : unmanaged, IPrimeField<TFq>
    where TG1 : ICurve<TFq, TG1>
    where TG2 : ICurve<Fp2<TFq>, TG2>
    where TFr : unmanaged, IPrimeField<TFr>
{
    private const int Tau = 0, Alpha = 1, Beta = 2;

    public CurveDescriptor Curve { get; } = curve;

    public unsafe int SecretKeySize => 3 * sizeof(TFr);

    private static ref TFr Secret(SecretBuffer key, int which) => ref key.Reveal<TFr>()[which];

    public PtauPublicKey DeriveKey(ref ChaChaRng rng, ReadOnlySpan<byte> challengeHash, SecretBuffer secretKey)
    {
        if (secretKey.Length != SecretKeySize) throw new ArgumentException($"the secret key buffer must be {SecretKeySize} bytes", nameof(secretKey));
        for (int which = Tau; which <= Beta; which++) FieldSampling.FromRng(ref rng, out Secret(secretKey, which));

        var g1 = new byte[6][];
        var g2 = new byte[3][];
        for (int which = Tau; which <= Beta; which++)
        {
            var g1s = SampleG1(ref rng);
            var g1sx = MultiplySecret(g1s, secretKey, which);
            var g2sp = G2sp(which, challengeHash, g1s, g1sx);
            var g2spx = MultiplySecret(g2sp, secretKey, which);
            g1[2 * which] = Lem(g1s);
            g1[2 * which + 1] = Lem(g1sx);
            g2[which] = Lem(g2spx);
        }
        return new PtauPublicKey
        {
            TauG1S = g1[0], TauG1SX = g1[1], AlphaG1S = g1[2], AlphaG1SX = g1[3], BetaG1S = g1[4], BetaG1SX = g1[5],
            TauG2SpX = g2[0], AlphaG2SpX = g2[1], BetaG2SpX = g2[2],
        };
    }

    public void ApplyKey(int sectionId, SecretBuffer secretKey, ReadOnlySpan<byte> lemIn, long firstIndex, Span<byte> lemOut, Span<byte> compressedOut)
    {
        // tauG1/tauG2: τ^i; alphaTauG1: α·τ^i; betaTauG1: β·τ^i; betaG2: β (spec/ptau.md §6).
        int factor = sectionId switch
        {
            PtauSections.TauG1 or PtauSections.TauG2 => -1,
            PtauSections.AlphaTauG1 => Alpha,
            PtauSections.BetaTauG1 or PtauSections.BetaG2 => Beta,
            _ => throw new ArgumentOutOfRangeException(nameof(sectionId)),
        };
        if (PtauSections.Group(sectionId) == CurveGroup.G1)
            Apply<TFq, TG1>(secretKey, factor, lemIn, firstIndex, lemOut, compressedOut);
        else
            Apply<Fp2<TFq>, TG2>(secretKey, factor, lemIn, firstIndex, lemOut, compressedOut);
    }

    private static unsafe void Apply<TF, TCurve>(SecretBuffer secretKey, int factor, ReadOnlySpan<byte> lemIn, long firstIndex,
        Span<byte> lemOut, Span<byte> compressedOut)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int size = PointEncoding<TF, TCurve>.LemSize;
        int count = lemIn.Length / size;
        var points = new AffinePoint<TF, TCurve>[count];
        PointEncoding<TF, TCurve>.ReadLemMany(lemIn, points);   // on curve and in the subgroup: the GLV/GLS split needs it

        // The chunk's scalars, their Jacobian products (whose Z leaks scalar bits) and the affine results (the batch
        // normalisation keeps running products of the Z's in the output's X slots until it overwrites them) live in
        // locked secret memory, wiped on dispose: about 2.7 MiB for the largest chunk (5461 BLS12-381 G2 points).
        using var scalars = new SecretBuffer(count * ScalarLimbs * sizeof(ulong));
        using var products = new SecretBuffer(count * sizeof(JacobianPoint<TF, TCurve>));
        using var results = new SecretBuffer(count * sizeof(AffinePoint<TF, TCurve>));
        var k = scalars.Reveal<ulong>();
        var jacobian = products.Reveal<JacobianPoint<TF, TCurve>>();
        var affine = results.Reveal<AffinePoint<TF, TCurve>>();
        FillScalars(secretKey, factor, firstIndex, k);
        int cores = Environment.ProcessorCount;
        SecretBatchMultiplication.Multiply<TF, TCurve>(points, k, jacobian, cores);
        SecretBatchMultiplication.ToAffine(jacobian, affine, cores);
        PointEncoding<TF, TCurve>.WriteLemMany(affine, lemOut);
        PointEncoding<TF, TCurve>.WriteCompressedMany(affine, compressedOut);
    }

    private const int ScalarLimbs = 4;

    /// <summary>limbs[4j..4j+4] ← factor·τ^(start + j), canonical; one Fr multiplication per point.</summary>
    private static void FillScalars(SecretBuffer secretKey, int factor, long start, Span<ulong> limbs)
    {
        if (TFr.LimbCount != ScalarLimbs) throw new InvalidOperationException("the batch multiplication takes 4-limb scalars");
        Span<ulong> exponent = [(ulong)start];   // a point index: public
        ref TFr tau = ref Secret(secretKey, Tau);
        TFr scalar = TFr.Pow(tau, exponent);
        TFr next = default;
        try
        {
            if (factor >= 0)
            {
                TFr.Mul(scalar, Secret(secretKey, factor), out next);
                scalar = next;
            }
            int count = limbs.Length / ScalarLimbs;
            for (int j = 0; j < count; j++)
            {
                TFr.ToCanonicalLimbs(scalar, limbs.Slice(j * ScalarLimbs, ScalarLimbs));
                TFr.Mul(scalar, tau, out next);
                scalar = next;
            }
        }
        finally
        {
            ConstantTime.Wipe(ref scalar);
            ConstantTime.Wipe(ref next);
        }
    }

    private static AffinePoint<TF, TCurve> MultiplySecret<TF, TCurve>(in AffinePoint<TF, TCurve> p, SecretBuffer secretKey, int which)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        Span<ulong> limbs = stackalloc ulong[TFr.LimbCount];
        try
        {
            TFr.ToCanonicalLimbs(Secret(secretKey, which), limbs);
            ConstantTimeScalarMultiplication.Multiply(p, limbs, out var product);
            var affine = product.ToAffine();
            ConstantTime.Wipe(ref product);   // the projective form depends on the key; only the affine point is public
            return affine;
        }
        finally
        {
            ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(limbs));
        }
    }

    /// <summary>ffjavascript G1.fromRng (Crypto's <see cref="PointFromRng"/>), affine.</summary>
    private static AffinePoint<TFq, TG1> SampleG1(ref ChaChaRng rng) => PointFromRng.G1FromRng<TFq, TG1>(ref rng).ToAffineVartime();

    /// <summary>snarkjs getG2sp: hashToG2(H(pers ‖ challenge ‖ U(g1_s) ‖ U(g1_sx))) (hashToG2 = G2.fromRng of a ChaCha seeded by the digest).</summary>
    internal static AffinePoint<Fp2<TFq>, TG2> G2sp(int personalization, ReadOnlySpan<byte> challengeHash,
        in AffinePoint<TFq, TG1> g1s, in AffinePoint<TFq, TG1> g1sx)
    {
        Span<byte> u = stackalloc byte[PointEncoding<TFq, TG1>.UncompressedSize];
        Span<byte> digest = stackalloc byte[Blake2b.MaxOutputLength];
        var hasher = new Blake2b();
        try
        {
            hasher.Update([(byte)personalization]);
            hasher.Update(challengeHash);
            PointEncoding<TFq, TG1>.WriteUncompressed(g1s, u);
            hasher.Update(u);
            PointEncoding<TFq, TG1>.WriteUncompressed(g1sx, u);
            hasher.Update(u);
            hasher.Finish(digest);
            return PointFromRng.HashToG2<TFq, TG2>(digest).ToAffineVartime();
        }
        finally
        {
            hasher.Dispose();
        }
    }

    private static byte[] Lem<TF, TCurve>(in AffinePoint<TF, TCurve> p)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        var bytes = new byte[PointEncoding<TF, TCurve>.LemSize];
        PointEncoding<TF, TCurve>.WriteLem(p, bytes);
        return bytes;
    }
}
