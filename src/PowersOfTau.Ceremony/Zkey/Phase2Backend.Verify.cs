using System.Security.Cryptography;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Msm;
using PowersOfTau.Crypto.Rng;

namespace PowersOfTau.Ceremony.Zkey;

internal sealed partial class Phase2Backend<TFq, TFr, TTower, TG1, TG2, TPair>
{
    /// <summary>Points per chunk of the random-linear-combination checks of L and H (zkey_verify_frominit.js uses 2^20).</summary>
    private const int VerifyChunkPoints = 1 << 20;

    public override IReadOnlyList<byte[]> VerifyContributions(ZkeyFile final)
    {
        string f = final.FileName;
        var mpc = final.MpcParams;
        var hashes = new List<byte[]>(mpc.Contributions.Count);
        var acc = new Blake2b();
        try
        {
            acc.Update(mpc.CsHash);
            var curDelta = G1Generator;
            for (int i = 0; i < mpc.Contributions.Count; i++)
            {
                var c = mpc.Contributions[i];
                int index = i + 1;
                string place = $"contribution {index}";
                var deltaAfter = DecodeG1(c.DeltaAfter, f, ZkeySections.Contributions, place + " deltaAfter");
                var g1s = DecodeG1(c.G1S, f, ZkeySections.Contributions, place + " g1_s");
                var g1sx = DecodeG1(c.G1Sx, f, ZkeySections.Contributions, place + " g1_sx");
                var g2spx = DecodeG2(c.G2Spx, f, ZkeySections.Contributions, place + " g2_spx");

                // δ = 0 would leave a key whose δ is the identity, which proves anything. SameRatio refuses identities
                // as snarkjs does; this check only gives the reason a name.
                if (deltaAfter.IsInfinity || g1s.IsInfinity || g1sx.IsInfinity || g2spx.IsInfinity)
                    throw Fail(f, $"{place}: its public key or deltaAfter is the point at infinity (δ = 0), which would make the key unsound");

                var transcriptHasher = acc;   // a copy: Blake2b keeps its state inline
                var transcript = new byte[64];
                HashU(ref transcriptHasher, g1s);
                HashU(ref transcriptHasher, g1sx);
                transcriptHasher.Finish(transcript);
                transcriptHasher.Dispose();
                if (!CryptographicOperations.FixedTimeEquals(transcript, c.Transcript))
                    throw Fail(f, $"{place}: inconsistent transcript (it is not the hash of the previous contributions and this key's g1_s, g1_sx)");

                var g2sp = HashToG2(c.Transcript);
                if (!SameRatio(g1s, g1sx, g2sp, g2spx))
                    throw Fail(f, $"{place}: the public key's G1 and G2 parts do not have the same ratio");
                if (!SameRatio(curDelta, deltaAfter, g2sp, g2spx))
                    throw Fail(f, $"{place}: deltaAfter does not follow the public key");
                if (c.Type == ContributionType.Beacon) CheckBeaconKey(c, g1s, g1sx, f, place);

                HashPublicKey(ref acc, c, f, index);
                hashes.Add(ContributionHash(c));
                curDelta = deltaAfter;
            }
        }
        finally
        {
            acc.Dispose();
        }
        return hashes;
    }

    /// <summary>A beacon's key must be the one its parameters generate (spec/zkey.md §5 step 2e).</summary>
    private static void CheckBeaconKey(ZkeyContribution c, in AffinePoint<TFq, TG1> g1s, in AffinePoint<TFq, TG1> g1sx, string f, string place)
    {
        if (c.Params.BeaconHash is not { Length: > 0 } beaconHash || c.Params.NumIterationsExp is not { } exp
            || exp is < BeaconSeed.MinExponent or > BeaconSeed.MaxExponent)
            throw Fail(f, $"{place}: a beacon contribution without a valid beacon hash and numIterationsExp");
        Span<byte> seed = stackalloc byte[32];
        BeaconSeed.Derive(beaconHash, exp, seed);
        var rng = default(ChaChaRng);
        try
        {
            rng.SeedFromDigest(seed);
            FieldSampling.FromRng(ref rng, out TFr delta);   // public: a beacon's δ is derivable by anyone
            var expectedS = SampleG1(ref rng);
            Span<ulong> limbs = stackalloc ulong[ScalarLimbs];
            TFr.ToCanonicalLimbs(delta, limbs);
            VariableTimeScalarMultiplication.MultiplyVartime(expectedS.ToJacobian(), limbs, out var sx);
            if (AffinePoint<TFq, TG1>.EqualMask(expectedS, g1s) == 0)
                throw Fail(f, $"{place}: the beacon's key does not match its parameters (g1_s)");
            if (AffinePoint<TFq, TG1>.EqualMask(sx.ToAffineVartime(), g1sx) == 0)
                throw Fail(f, $"{place}: the beacon's key does not match its parameters (g1_sx)");
        }
        finally
        {
            rng.Dispose();
        }
    }

    public override void VerifyAgainstInit(ZkeyFile init, ZkeyFile final, PtauFile ptau, byte[] currentDeltaG1,
        IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken)
    {
        string f = final.FileName;
        ZkeyHeader i = init.Header, z = final.Header;
        if (i.Curve != z.Curve) throw Fail(f, $"it is a {z.Curve.Name} key, the circuit and ptau are {i.Curve.Name}");
        if (i.NVars != z.NVars || i.NPublic != z.NPublic || i.DomainSize != z.DomainSize)
            throw Fail(f, $"different circuit parameters: nVars {z.NVars}, nPublic {z.NPublic}, domainSize {z.DomainSize}; the r1cs and ptau give {i.NVars}, {i.NPublic}, {i.DomainSize}");
        if (!i.AlphaG1.AsSpan().SequenceEqual(z.AlphaG1)) throw Fail(f, "vk_alpha_1 is not the ptau's alpha");
        if (!i.BetaG1.AsSpan().SequenceEqual(z.BetaG1)) throw Fail(f, "vk_beta_1 is not the ptau's beta");
        if (!i.BetaG2.AsSpan().SequenceEqual(z.BetaG2)) throw Fail(f, "vk_beta_2 is not the ptau's beta");
        if (!i.GammaG2.AsSpan().SequenceEqual(z.GammaG2)) throw Fail(f, "vk_gamma_2 is not the G2 generator");
        var delta1 = DecodeG1(z.DeltaG1, f, ZkeySections.Groth16Header, "vk_delta_1");
        var delta2 = DecodeG2(z.DeltaG2, f, ZkeySections.Groth16Header, "vk_delta_2");
        if (delta1.IsInfinity || delta2.IsInfinity)
            throw Fail(f, "vk_delta_1 or vk_delta_2 is the point at infinity (δ = 0), which would make the key unsound");
        if (!z.DeltaG1.AsSpan().SequenceEqual(currentDeltaG1))
            throw Fail(f, "vk_delta_1 is not the deltaAfter of the last contribution");
        if (!SameRatio(G1Generator, delta1, G2Generator, delta2))
            throw Fail(f, "vk_delta_2 does not match vk_delta_1");
        if (!init.MpcParams.CsHash.AsSpan().SequenceEqual(final.MpcParams.CsHash))
            throw Fail(f, "circuit does not match: its csHash differs from the one recomputed from the r1cs and ptau");

        // Sections sizes were checked when the files were opened (ZkeyFile); the public sections must be identical.
        foreach (int id in new[] { ZkeySections.IC, ZkeySections.Coefficients, ZkeySections.A, ZkeySections.B1, ZkeySections.B2 })
        {
            progress?.Report(new("Comparing sections", id, ZkeySections.B2));
            if (!SectionsEqual(init, final, id, cancellationToken))
                throw Fail(f, $"section {id} ({ZkeySections.Name(id)}) is not identical to the one recomputed from the r1cs and ptau");
        }

        var initDelta2 = DecodeG2(i.DeltaG2, init.FileName, ZkeySections.Groth16Header, "vk_delta_2");
        progress?.Report(new("Checking L", 0, 1));
        var (l1, l2) = RandomCombination(init, final, ZkeySections.L, cancellationToken);
        bool emptyL = final.Section(ZkeySections.L).Size == 0;   // snarkjs: an empty section passes
        if (!emptyL && !BothIdentityOrSameRatio(l1, l2, delta2, initDelta2))
            throw Fail(f, "section 8 (L) does not match: its points are not the recomputed ones divided by δ");

        progress?.Report(new("Checking H", 0, 1));
        var (h1, h2) = RandomCombinationH(ptau, final, cancellationToken);
        if (!BothIdentityOrSameRatio(h1, h2, delta2, initDelta2))
            throw Fail(f, "section 9 (H) does not match: its points are not the ptau's (τ^(n+i) − τ^i) basis divided by δ");
    }

    /// <summary>
    /// snarkjs's H check (zkey_verify_frominit.js sameRatioH, spec/zkey.md §5 step 8), recomputed from the τ powers
    /// of ptau section 2 rather than from the Lagrange sections: random r_i (i &lt; n−1, r_(n−1) = 0),
    /// R1 = Σ r_i·(τ^(n+i) − τ^i)·G1; t_i = r_i·(−2)·ω_2n^i, s = FFT_n(t), R2 = Σ s_k·H_k. For H_k = L^(2n)_(2k+1)(τ)/δ,
    /// e(R1, G2) = e(R2, δ·G2).
    /// </summary>
    private (AffinePoint<TFq, TG1>, AffinePoint<TFq, TG1>) RandomCombinationH(PtauFile ptau, ZkeyFile final, CancellationToken ct)
    {
        int n = (int)final.Header.DomainSize;
        int power = final.Header.Power;
        if (power >= RootsOfUnity<TFr>.TwoAdicity)
            throw new NotSupportedException($"verifying a key of domain 2^{power} (the field's 2-adicity) is not implemented");
        var r = new TFr[n];
        var random = new byte[64];
        for (int k = 0; k < n - 1; k++)
        {
            RandomNumberGenerator.Fill(random);
            r[k] = TFr.FromLEReduce(random);
        }
        var scalars = new ulong[n * ScalarLimbs];
        for (int k = 0; k < n; k++) TFr.ToCanonicalLimbs(r[k], scalars.AsSpan(k * ScalarLimbs, ScalarLimbs));

        // R1 over i < n − 1 (the last scalar is zero, and τ^(2n−1) may lie past section 2).
        var high = ReadG1Points(ptau, 2, n, n - 1);
        var low = ReadG1Points(ptau, 2, 0, n - 1);
        var diff = new JacobianPoint<TFq, TG1>[n - 1];
        Parallel.For(0, n - 1, new ParallelOptions { CancellationToken = ct }, k =>
        {
            AffinePoint<TFq, TG1>.Negate(low[k], out var minusLow);
            JacobianPoint<TFq, TG1>.AddMixedVartime(high[k].ToJacobian(), minusLow, out diff[k]);
        });
        var bases = new AffinePoint<TFq, TG1>[n - 1];
        JacobianPoint<TFq, TG1>.BatchToAffineVartime(diff, bases);
        var r1 = Pippenger.MultiplyVartime<TFq, TG1>(bases, scalars.AsSpan(0, (n - 1) * ScalarLimbs)).ToAffineVartime();

        var first = -(TFr.One + TFr.One);
        var inc = RootsOfUnity<TFr>.Root(power + 1);
        var factor = first;
        for (int k = 0; k < n; k++)
        {
            r[k] = r[k] * factor;
            factor = factor * inc;
        }
        Radix2Fft.Forward<TFr>(r);
        for (int k = 0; k < n; k++) TFr.ToCanonicalLimbs(r[k], scalars.AsSpan(k * ScalarLimbs, ScalarLimbs));
        var section = final.Section(ZkeySections.H);
        var bytes = new byte[(long)n * Curve.G1Size];
        final.Container.ReadSection(section, 0, bytes);
        var h = new AffinePoint<TFq, TG1>[n];
        DecodeManyG1(bytes, h, final.FileName, ZkeySections.H, 0);
        var r2 = Pippenger.MultiplyVartime<TFq, TG1>(h, scalars).ToAffineVartime();
        return (r1, r2);
    }

    /// <summary>
    /// The L/H relation e(R1, G2) = e(R2, δ·G2) also holds when both combinations are the identity, which happens for
    /// a degenerate ptau (τ = 1, e.g. straight from `powersoftau new`, where every H point is the identity); snarkjs
    /// accepts such keys, so this does too. δ itself is never the identity here (the chain checks refuse it).
    /// </summary>
    private static bool BothIdentityOrSameRatio(in AffinePoint<TFq, TG1> r1, in AffinePoint<TFq, TG1> r2,
        in AffinePoint<Fp2<TFq>, TG2> delta2, in AffinePoint<Fp2<TFq>, TG2> initDelta2) =>
        (r1.IsInfinity && r2.IsInfinity) || SameRatio(r1, r2, delta2, initDelta2);

    private static CeremonyFormatException Fail(string file, string reason) => ZkeyErrors.VerifyFailed(file, reason);

    private static bool SectionsEqual(ZkeyFile a, ZkeyFile b, int id, CancellationToken ct)
    {
        var sa = a.Section(id);
        var sb = b.Section(id);
        if (sa.Size != sb.Size) return false;
        var ba = new byte[1 << 20];
        var bb = new byte[1 << 20];
        for (long at = 0; at < sa.Size; at += ba.Length)
        {
            ct.ThrowIfCancellationRequested();
            int n = (int)Math.Min(ba.Length, sa.Size - at);
            a.Container.ReadSection(sa, at, ba.AsSpan(0, n));
            b.Container.ReadSection(sb, at, bb.AsSpan(0, n));
            if (!ba.AsSpan(0, n).SequenceEqual(bb.AsSpan(0, n))) return false;
        }
        return true;
    }

    /// <summary>
    /// (Σ r_j·init_j, Σ r_j·final_j) with fresh random 64-bit r_j (public randomness: it only has to be unknown to
    /// whoever made the file), over the points of section <paramref name="id"/>, chunk by chunk, each MSM on all cores.
    /// </summary>
    private (AffinePoint<TFq, TG1>, AffinePoint<TFq, TG1>) RandomCombination(ZkeyFile init, ZkeyFile final, int id, CancellationToken ct)
    {
        var si = init.Section(id);
        var sf = final.Section(id);
        long count = sf.Size / Curve.G1Size;
        var accInit = JacobianPoint<TFq, TG1>.Infinity;
        var accFinal = JacobianPoint<TFq, TG1>.Infinity;
        for (long first = 0; first < count; first += VerifyChunkPoints)
        {
            ct.ThrowIfCancellationRequested();
            int n = (int)Math.Min(VerifyChunkPoints, count - first);
            var scalars = new ulong[n * ScalarLimbs];
            var random = new byte[8 * n];
            RandomNumberGenerator.Fill(random);
            for (int j = 0; j < n; j++) scalars[j * ScalarLimbs] = BitConverter.ToUInt64(random, 8 * j);
            var bytes = new byte[n * Curve.G1Size];
            var points = new AffinePoint<TFq, TG1>[n];
            init.Container.ReadSection(si, first * Curve.G1Size, bytes);
            DecodeManyG1(bytes, points, init.FileName, id, first);
            JacobianPoint<TFq, TG1>.AddVartime(accInit, Pippenger.MultiplyVartime<TFq, TG1>(points, scalars), out accInit);
            final.Container.ReadSection(sf, first * Curve.G1Size, bytes);
            DecodeManyG1(bytes, points, final.FileName, id, first);
            JacobianPoint<TFq, TG1>.AddVartime(accFinal, Pippenger.MultiplyVartime<TFq, TG1>(points, scalars), out accFinal);
        }
        return (accInit.ToAffineVartime(), accFinal.ToAffineVartime());
    }
}
