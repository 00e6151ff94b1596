using System.Security.Cryptography;
using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Msm;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Verification;

/// <summary>The checks of <see cref="PtauVerifier"/> for one curve (spec/ptau.md §7). Variable time: all data is public.</summary>
internal static class TranscriptVerifier<TFq, TG1, TG2, TFr>
    where TFq : unmanaged, IPrimeField<TFq>
    where TG1 : ICurve<TFq, TG1>
    where TG2 : ICurve<Fp2<TFq>, TG2>
    where TFr : unmanaged, IPrimeField<TFr>
{
    public delegate bool SameRatioCheck(AffinePoint<TFq, TG1> a, AffinePoint<TFq, TG1> b, AffinePoint<Fp2<TFq>, TG2> c, AffinePoint<Fp2<TFq>, TG2> d);

    // Points per random-linear-combination MSM: Pippenger needs fewer additions per point on larger inputs (2^14 instead
    // of 2^12: verify at bn128 power 16 7.6 → 6.3 s CPU); 2^16 gave 5.5 s but more than doubled the peak RSS (205 MB).
    private const int ChunkPoints = 1 << 14;
    private const int ScalarLimbs = 4;

    private sealed record Record(
        AffinePoint<TFq, TG1> TauG1, AffinePoint<Fp2<TFq>, TG2> TauG2, AffinePoint<TFq, TG1> AlphaG1, AffinePoint<TFq, TG1> BetaG1,
        AffinePoint<Fp2<TFq>, TG2> BetaG2, byte[] NextChallenge);

    public static PtauVerificationResult Verify(PtauFile ptau, SameRatioCheck sameRatio, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
    {
        string file = ptau.FileName;
        var header = ptau.Header;
        if (ptau.Contributions.Count == 0) throw CeremonyErrors.VerifyFailed(file, "there are no contributions to verify");

        var g1 = TG1.Generator;
        var g2 = TG2.Generator;
        var previous = new Record(g1, g2, g1, g1, g2, PtauHashes.FirstChallenge(header.Curve, header.CeremonyPower));
        var verified = new List<VerifiedContribution>();
        var transcoder = Curves.CryptoPointTranscoder.For(header.Curve, checkSubgroup: false);
        Record current = previous;
        for (int i = 0; i < ptau.Contributions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var c = ptau.Contributions[i];
            string who = $"contribution {i + 1}" + (c.Params.Name is { } name ? $" ({name})" : "");
            current = VerifyContribution(file, who, c, previous, sameRatio, header.Curve);
            verified.Add(new VerifiedContribution(i + 1, c.Params.Name, c.Type, ChallengeExport.ResponseHashOf(ptau, c, i + 1, transcoder)));
            previous = current;
            progress?.Report(new CeremonyProgress("verifying contributions", i + 1, ptau.Contributions.Count));
        }

        bool hashed = false, phase2 = false;
        if (ptau.HasPointSections)
        {
            var lastResponse = verified[^1].ResponseHash;
            hashed = VerifySections(ptau, current, lastResponse, sameRatio, cancellationToken, progress);
            if (ptau.HasPhase2Sections)
            {
                VerifyLagrange(ptau, cancellationToken, progress);
                phase2 = true;
            }
        }
        return new PtauVerificationResult(verified, hashed, phase2);
    }

    private static Record VerifyContribution(string file, string who, PtauContribution c, Record previous, SameRatioCheck sameRatio,
        Curves.CurveDescriptor curve)
    {
        var key = c.PublicKey;
        if (c.Type == ContributionType.Beacon)
        {
            if (c.Params.BeaconHash is not { Length: > 0 } beaconHash || c.Params.NumIterationsExp is not { } exp
                || exp is < PowersOfTauBeacon.MinIterationsExp or > PowersOfTauBeacon.MaxIterationsExp)
                throw CeremonyErrors.VerifyFailed(file, $"{who} is a beacon without a valid beacon hash and numIterationsExp");
            var engine = ContributionEngines.For(curve);
            using var secretKey = new SecretBuffer(engine.SecretKeySize);
            var regenerated = ContributionRun.DeriveKey(engine, (ref ChaChaRng rng) => BeaconSeed.Seed(ref rng, beaconHash, exp),
                previous.NextChallenge, secretKey);
            if (!regenerated.ToBytes().AsSpan().SequenceEqual(key.ToBytes()))
                throw CeremonyErrors.VerifyFailed(file, $"{who}: the public key is not the one the beacon parameters give");
        }

        var tauG1S = G1(file, who, key.TauG1S); var tauG1SX = G1(file, who, key.TauG1SX);
        var alphaG1S = G1(file, who, key.AlphaG1S); var alphaG1SX = G1(file, who, key.AlphaG1SX);
        var betaG1S = G1(file, who, key.BetaG1S); var betaG1SX = G1(file, who, key.BetaG1SX);
        var tauG2SpX = G2(file, who, key.TauG2SpX); var alphaG2SpX = G2(file, who, key.AlphaG2SpX); var betaG2SpX = G2(file, who, key.BetaG2SpX);
        var tauG2Sp = ContributionEngine<TFq, TG1, TG2, TFr>.G2sp(0, previous.NextChallenge, tauG1S, tauG1SX);
        var alphaG2Sp = ContributionEngine<TFq, TG1, TG2, TFr>.G2sp(1, previous.NextChallenge, alphaG1S, alphaG1SX);
        var betaG2Sp = ContributionEngine<TFq, TG1, TG2, TFr>.G2sp(2, previous.NextChallenge, betaG1S, betaG1SX);

        var current = new Record(G1(file, who, c.TauG1), G2(file, who, c.TauG2), G1(file, who, c.AlphaG1), G1(file, who, c.BetaG1),
            G2(file, who, c.BetaG2), c.NextChallenge);

        Require(sameRatio(tauG1S, tauG1SX, tauG2Sp, tauG2SpX), file, who, "the proof of knowledge of tau fails");
        Require(sameRatio(alphaG1S, alphaG1SX, alphaG2Sp, alphaG2SpX), file, who, "the proof of knowledge of alpha fails");
        Require(sameRatio(betaG1S, betaG1SX, betaG2Sp, betaG2SpX), file, who, "the proof of knowledge of beta fails");
        Require(sameRatio(previous.TauG1, current.TauG1, tauG2Sp, tauG2SpX), file, who, "tauG1 is not the previous one times tau");
        Require(sameRatio(tauG1S, tauG1SX, previous.TauG2, current.TauG2), file, who, "tauG2 is not the previous one times tau");
        Require(sameRatio(previous.AlphaG1, current.AlphaG1, alphaG2Sp, alphaG2SpX), file, who, "alphaG1 is not the previous one times alpha");
        Require(sameRatio(previous.BetaG1, current.BetaG1, betaG2Sp, betaG2SpX), file, who, "betaG1 is not the previous one times beta");
        Require(sameRatio(betaG1S, betaG1SX, previous.BetaG2, current.BetaG2), file, who, "betaG2 is not the previous one times beta");
        return current;
    }

    /// <summary>Sections 2..6 against the last record; returns true when the next-challenge hash was compared.</summary>
    private static bool VerifySections(PtauFile ptau, Record last, byte[] lastResponseHash, SameRatioCheck sameRatio, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
    {
        string file = ptau.FileName;
        var header = ptau.Header;
        var hasher = new Blake2b();
        try
        {
            hasher.Update(lastResponseHash);
            var g1 = TG1.Generator;
            var g2 = TG2.Generator;

            var (tauG1First, r1, r2) = Powers<TFq, TG1>(ptau, PtauSections.TauG1, ref hasher, cancellationToken, progress);
            RequireEqual(tauG1First[0], g1, file, PtauSections.TauG1, 0, "is not the generator");
            RequireEqual(tauG1First[1], last.TauG1, file, PtauSections.TauG1, 1, "is not the last contribution's tauG1");
            RequireSection(sameRatio(r1, r2, g2, last.TauG2), file, PtauSections.TauG1, "the points are not successive powers of tau");

            var (tauG2First, q1, q2) = Powers<Fp2<TFq>, TG2>(ptau, PtauSections.TauG2, ref hasher, cancellationToken, progress);
            RequireEqual(tauG2First[0], g2, file, PtauSections.TauG2, 0, "is not the generator");
            RequireEqual(tauG2First[1], last.TauG2, file, PtauSections.TauG2, 1, "is not the last contribution's tauG2");
            RequireSection(sameRatio(g1, last.TauG1, q1, q2), file, PtauSections.TauG2, "the points are not successive powers of tau");

            var (alphaFirst, a1, a2) = Powers<TFq, TG1>(ptau, PtauSections.AlphaTauG1, ref hasher, cancellationToken, progress);
            RequireEqual(alphaFirst[0], last.AlphaG1, file, PtauSections.AlphaTauG1, 0, "is not the last contribution's alphaG1");
            RequireSection(sameRatio(a1, a2, g2, last.TauG2), file, PtauSections.AlphaTauG1, "the points are not successive powers of tau");

            var (betaFirst, b1, b2) = Powers<TFq, TG1>(ptau, PtauSections.BetaTauG1, ref hasher, cancellationToken, progress);
            RequireEqual(betaFirst[0], last.BetaG1, file, PtauSections.BetaTauG1, 0, "is not the last contribution's betaG1");
            RequireSection(sameRatio(b1, b2, g2, last.TauG2), file, PtauSections.BetaTauG1, "the points are not successive powers of tau");

            var (betaG2, _, _) = Powers<Fp2<TFq>, TG2>(ptau, PtauSections.BetaG2, ref hasher, cancellationToken, progress);
            RequireEqual(betaG2[0], last.BetaG2, file, PtauSections.BetaG2, 0, "is not the last contribution's betaG2");

            var digest = new byte[PtauHashes.Size];
            hasher.Finish(digest);
            if (header.Power != header.CeremonyPower) return false;   // truncated: the stored hash is the full ceremony's
            if (!digest.AsSpan().SequenceEqual(last.NextChallenge))
                throw CeremonyErrors.VerifyFailed(file, "the points do not hash to the last contribution's nextChallenge");
            return true;
        }
        finally
        {
            hasher.Dispose();
        }
    }

    /// <summary>
    /// Reads a whole point section in chunks (all checks), feeds U(points) to the hasher, and returns its first two
    /// points and R1 = Σ r_i·P_i, R2 = Σ r_i·P_(i+1) over i &lt; n−1 with fresh 64-bit random r_i.
    /// </summary>
    private static (AffinePoint<TF, TCurve>[] First, AffinePoint<TF, TCurve> R1, AffinePoint<TF, TCurve> R2) Powers<TF, TCurve>(
        PtauFile ptau, int id, ref Blake2b hasher, CancellationToken cancellationToken, IProgress<CeremonyProgress>? progress)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int size = PointEncoding<TF, TCurve>.LemSize;
        long count = PtauSections.PointCount(id, ptau.Header.Power);
        var first = new AffinePoint<TF, TCurve>[2];
        var r1 = JacobianPoint<TF, TCurve>.Infinity;
        var r2 = JacobianPoint<TF, TCurve>.Infinity;
        var lem = new byte[(ChunkPoints + 1) * size];
        var uncompressed = new byte[ChunkPoints * size];
        var points = new AffinePoint<TF, TCurve>[ChunkPoints + 1];
        var scalars = new ulong[ChunkPoints * ScalarLimbs];
        var randomBytes = new byte[ChunkPoints * 8];
        for (long start = 0; start < count; start += ChunkPoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = (int)Math.Min(ChunkPoints, count - start);
            bool hasNext = start + n < count;                 // the point after the chunk, for R2
            int read = n + (hasNext ? 1 : 0);
            ptau.ReadPoints(id, start, lem.AsSpan(0, read * size));
            try
            {
                PointEncoding<TF, TCurve>.ReadLemMany(lem.AsSpan(0, read * size), points.AsSpan(0, read));
            }
            catch (PointDecodingException e)
            {
                throw CeremonyErrors.BadPoint(ptau.FileName, id, start, e);
            }
            PointEncoding<TF, TCurve>.WriteUncompressedMany(points.AsSpan(0, n), uncompressed.AsSpan(0, n * size));
            hasher.Update(uncompressed.AsSpan(0, n * size));
            progress?.Report(new CeremonyProgress($"checking {PtauSections.Name(id)}", start + n, count));
            for (int j = 0; j < Math.Min(2, n) && start + j < 2; j++) first[start + j] = points[j];

            // Pairs (P_i, P_(i+1)) whose first index is in this chunk: i = start .. start + m − 1.
            int m = hasNext ? n : n - 1;
            if (m <= 0) continue;
            // 64-bit scalars: a wrong section passes with probability at most 2^-64 (snarkjs uses u32, 2^-32), and the
            // MSM has half the windows of 128-bit ones.
            RandomNumberGenerator.Fill(randomBytes.AsSpan(0, m * 8));
            Array.Clear(scalars);
            for (int j = 0; j < m; j++) scalars[j * ScalarLimbs] = BitConverter.ToUInt64(randomBytes, j * 8);
            var s = scalars.AsSpan(0, m * ScalarLimbs);
            var partial1 = Pippenger.MultiplyVartime<TF, TCurve>(points.AsSpan(0, m), s);
            var partial2 = Pippenger.MultiplyVartime<TF, TCurve>(points.AsSpan(1, m), s);
            JacobianPoint<TF, TCurve>.AddVartime(r1, partial1, out var sum1);
            JacobianPoint<TF, TCurve>.AddVartime(r2, partial2, out var sum2);
            r1 = sum1;
            r2 = sum2;
        }
        return (first, r1.ToAffineVartime(), r2.ToAffineVartime());
    }

    /// <summary>
    /// Sections 12..15: for each block p, Σ r_j·src_j = Σ FFT(r)_i·L_i with random r (spec/ptau.md §7 step 6), since
    /// L = IFFT(src) makes Σ_i s_i·L_i = Σ_j (IFFT(s))_j·src_j.
    /// </summary>
    private static void VerifyLagrange(PtauFile ptau, CancellationToken cancellationToken, IProgress<CeremonyProgress>? progress)
    {
        VerifyLagrangeSection<TFq, TG1>(ptau, PtauSections.TauG1, PtauSections.LagrangeG1, cancellationToken, progress);
        VerifyLagrangeSection<Fp2<TFq>, TG2>(ptau, PtauSections.TauG2, PtauSections.LagrangeG2, cancellationToken, progress);
        VerifyLagrangeSection<TFq, TG1>(ptau, PtauSections.AlphaTauG1, PtauSections.LagrangeAlphaG1, cancellationToken, progress);
        VerifyLagrangeSection<TFq, TG1>(ptau, PtauSections.BetaTauG1, PtauSections.LagrangeBetaG1, cancellationToken, progress);
    }

    /// <summary>
    /// All blocks at once: for each block p (n = 2^p points) a fresh 64-bit random s^(p) and r^(p) = IFFT(s^(p)), so that
    /// Σ_i s_i·L_i = Σ_j r_j·src_j; the per-block equations are summed, which puts the full-width scalars in ONE MSM over
    /// the source (Σ_p r^(p)_j) and leaves 64-bit ones on the Lagrange points. A wrong block p leaves a non-zero linear
    /// form in its own s^(p), so the sum is the identity with probability at most 2^-64 whatever the other blocks are.
    /// tauG1's top block (its last source point is missing) keeps the per-block check. On a mismatch the per-block check
    /// runs to name the block.
    /// </summary>
    private static void VerifyLagrangeSection<TF, TCurve>(PtauFile ptau, int from, int to, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int power = ptau.Header.Power;
        int lastBlock = from == PtauSections.TauG1 ? power + 1 : power;
        long available = PtauSections.PointCount(from, power);
        // The source section's points passed the subgroup check when VerifySections read them (Powers), so they are
        // only decoded (on-curve, canonical) here; the Lagrange points are checked in full.
        var source = Decode<TF, TCurve>(ptau, from, 0, (int)Math.Min(1L << lastBlock, available), checkSubgroup: false);
        var combined = new TFr[source.Length];
        var right = JacobianPoint<TF, TCurve>.Infinity;
        bool ok = true;
        Span<byte> random = stackalloc byte[32];
        random.Clear();
        for (int p = 0; p <= lastBlock; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = 1 << p;
            var lagrange = Decode<TF, TCurve>(ptau, to, n - 1, n);   // block p starts at point 2^p − 1
            if (n > source.Length)
            {
                ok &= BlockHolds(source, lagrange, n);
            }
            else
            {
                var sp = new TFr[n];
                for (int i = 0; i < n; i++)
                {
                    RandomNumberGenerator.Fill(random[..8]);
                    sp[i] = TFr.FromLEReduce(random);
                }
                var blockRight = Pippenger.MultiplyVartime<TF, TCurve>(lagrange, Limbs(sp));
                JacobianPoint<TF, TCurve>.AddVartime(right, blockRight, out right);
                Radix2Fft.Inverse(sp.AsSpan());
                for (int j = 0; j < n; j++) combined[j] += sp[j];
            }
            progress?.Report(new CeremonyProgress($"checking {PtauSections.Name(to)}", p + 1, lastBlock + 1));
        }
        var left = Pippenger.MultiplyVartime<TF, TCurve>(source, Limbs(combined));
        if (ok && JacobianPoint<TF, TCurve>.Equal(left, right)) return;
        for (int p = 0; p <= lastBlock; p++)
        {
            int n = 1 << p;
            if (!BlockHolds(source, Decode<TF, TCurve>(ptau, to, n - 1, n), n))
                throw CeremonyErrors.VerifyFailed(ptau.FileName,
                    $"{CeremonyErrors.SectionLabel(to, PtauSections.Name(to))} block {p} is not the Lagrange form of {CeremonyErrors.SectionLabel(from, PtauSections.Name(from))}");
        }
        throw CeremonyErrors.VerifyFailed(ptau.FileName,
            $"{CeremonyErrors.SectionLabel(to, PtauSections.Name(to))} is not the Lagrange form of {CeremonyErrors.SectionLabel(from, PtauSections.Name(from))}");
    }

    /// <summary>One block: Σ r_j·src_j = Σ FFT(r)_i·L_i for 64-bit random r (the missing last tauG1 point counts as infinity).</summary>
    private static bool BlockHolds<TF, TCurve>(AffinePoint<TF, TCurve>[] source, AffinePoint<TF, TCurve>[] lagrange, int n)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        // 64-bit random r_j (the upper 24 bytes stay zero): a wrong block passes with probability at most 2^-64, as for
        // the powers, and the left MSM then has a quarter of the windows (Pippenger reads the scalars' bit length).
        Span<byte> random = stackalloc byte[32];
        random.Clear();
        var r = new TFr[n];
        for (int j = 0; j < n; j++)
        {
            RandomNumberGenerator.Fill(random[..8]);
            r[j] = TFr.FromLEReduce(random);
        }
        if (n > source.Length) r[n - 1] = TFr.Zero;             // tauG1's missing last point counts as infinity
        var s = (TFr[])r.Clone();
        Radix2Fft.Forward(s.AsSpan());
        int m = Math.Min(n, source.Length);
        var left = Pippenger.MultiplyVartime<TF, TCurve>(source.AsSpan(0, m), Limbs(r.AsSpan(0, m)));
        var right = Pippenger.MultiplyVartime<TF, TCurve>(lagrange, Limbs(s));
        return JacobianPoint<TF, TCurve>.Equal(left, right);
    }

    private static ulong[] Limbs(ReadOnlySpan<TFr> scalars)
    {
        var limbs = new ulong[scalars.Length * ScalarLimbs];
        for (int i = 0; i < scalars.Length; i++) TFr.ToCanonicalLimbs(scalars[i], limbs.AsSpan(i * ScalarLimbs, ScalarLimbs));
        return limbs;
    }

    private static AffinePoint<TF, TCurve>[] Decode<TF, TCurve>(PtauFile ptau, int id, long first, int count, bool checkSubgroup = true)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        int size = PointEncoding<TF, TCurve>.LemSize;
        var lem = new byte[(long)count * size];
        ptau.ReadPoints(id, first, lem);
        var points = new AffinePoint<TF, TCurve>[count];
        try
        {
            PointEncoding<TF, TCurve>.ReadLemMany(lem, points, checkSubgroup);
        }
        catch (PointDecodingException e)
        {
            throw CeremonyErrors.BadPoint(ptau.FileName, id, first, e);
        }
        return points;
    }

    private static AffinePoint<TFq, TG1> G1(string file, string who, byte[] lem) =>
        PointEncoding<TFq, TG1>.TryReadLem(lem, out var p) == PointDecodingError.None ? p
            : throw CeremonyErrors.VerifyFailed(file, $"{who} holds an invalid G1 point");

    private static AffinePoint<Fp2<TFq>, TG2> G2(string file, string who, byte[] lem) =>
        PointEncoding<Fp2<TFq>, TG2>.TryReadLem(lem, out var p) == PointDecodingError.None ? p
            : throw CeremonyErrors.VerifyFailed(file, $"{who} holds an invalid G2 point");

    private static void Require(bool ok, string file, string who, string problem)
    {
        if (!ok) throw CeremonyErrors.VerifyFailed(file, $"{who}: {problem}");
    }

    private static void RequireSection(bool ok, string file, int id, string problem)
    {
        if (!ok) throw CeremonyErrors.VerifyFailed(file, $"{CeremonyErrors.SectionLabel(id, PtauSections.Name(id))}: {problem}");
    }

    private static void RequireEqual<TF, TCurve>(in AffinePoint<TF, TCurve> a, in AffinePoint<TF, TCurve> b, string file, int id, int index, string problem)
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (AffinePoint<TF, TCurve>.EqualMask(a, b) == 0)
            throw CeremonyErrors.VerifyFailed(file, $"{CeremonyErrors.SectionLabel(id, PtauSections.Name(id))} point {index} {problem}");
    }
}
