using System.Runtime.InteropServices;
using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Msm;
using PowersOfTau.Crypto.Pairing;
using PowersOfTau.Crypto.Rng;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// Phase-2 arithmetic for one curve (see <see cref="Phase2Backend"/>): point codecs with full checks, MSMs,
/// same-ratio pairing checks, snarkjs's point sampling, constant-time multiplication by a secret scalar.
/// </summary>
internal sealed partial class Phase2Backend<TFq, TFr, TTower, TG1, TG2, TPair> : Phase2Backend
    where TFq : unmanaged, IPrimeField<TFq>
    where TFr : unmanaged, IPrimeField<TFr>
    where TTower : ITowerParameters<TFq>
    where TG1 : ICurve<TFq, TG1>
    where TG2 : ICurve<Fp2<TFq>, TG2>
    where TPair : IPairingCurve<TFq, TTower>
{
    public Phase2Backend(CurveDescriptor curve) : base(curve) { }

    private const int ScalarLimbs = 4;

    // ---- codecs (spec/ptau.md §2) ----

    private static AffinePoint<TFq, TG1> DecodeG1(ReadOnlySpan<byte> lem, string file, int section, string place)
    {
        var error = PointEncoding<TFq, TG1>.TryReadLem(lem, out var p);
        if (error != PointDecodingError.None) throw ZkeyErrors.BadPoint(file, section, place, new PointDecodingException(TG1.Name, "LEM", error));
        return p;
    }

    private static AffinePoint<Fp2<TFq>, TG2> DecodeG2(ReadOnlySpan<byte> lem, string file, int section, string place)
    {
        var error = PointEncoding<Fp2<TFq>, TG2>.TryReadLem(lem, out var p);
        if (error != PointDecodingError.None) throw ZkeyErrors.BadPoint(file, section, place, new PointDecodingException(TG2.Name, "LEM", error));
        return p;
    }

    /// <summary>Decodes whole LEM G1 points with all checks; a failure names the section and point index.</summary>
    private static void DecodeManyG1(ReadOnlySpan<byte> lem, Span<AffinePoint<TFq, TG1>> points, string file, int section, long first)
    {
        try
        {
            PointEncoding<TFq, TG1>.ReadLemMany(lem, points);
        }
        catch (PointDecodingException e)
        {
            throw ZkeyErrors.BadPoint(file, section, $"point {first + Math.Max(0, e.Index)}", e);
        }
    }

    private static void DecodeManyG2(ReadOnlySpan<byte> lem, Span<AffinePoint<Fp2<TFq>, TG2>> points, string file, int section, long first)
    {
        try
        {
            PointEncoding<Fp2<TFq>, TG2>.ReadLemMany(lem, points);
        }
        catch (PointDecodingException e)
        {
            throw ZkeyErrors.BadPoint(file, section, $"point {first + Math.Max(0, e.Index)}", e);
        }
    }

    private static byte[] Lem(in AffinePoint<TFq, TG1> p)
    {
        var b = new byte[PointEncoding<TFq, TG1>.LemSize];
        PointEncoding<TFq, TG1>.WriteLem(p, b);
        return b;
    }

    private static byte[] Lem(in AffinePoint<Fp2<TFq>, TG2> p)
    {
        var b = new byte[PointEncoding<Fp2<TFq>, TG2>.LemSize];
        PointEncoding<Fp2<TFq>, TG2>.WriteLem(p, b);
        return b;
    }

    private static void HashU(ref Blake2b hasher, in AffinePoint<TFq, TG1> p)
    {
        Span<byte> u = stackalloc byte[PointEncoding<TFq, TG1>.UncompressedSize];
        PointEncoding<TFq, TG1>.WriteUncompressed(p, u);
        hasher.Update(u);
    }

    private static void HashU(ref Blake2b hasher, in AffinePoint<Fp2<TFq>, TG2> p)
    {
        Span<byte> u = stackalloc byte[PointEncoding<Fp2<TFq>, TG2>.UncompressedSize];
        PointEncoding<Fp2<TFq>, TG2>.WriteUncompressed(p, u);
        hasher.Update(u);
    }

    private static AffinePoint<TFq, TG1> G1Generator => TG1.Generator;
    private static AffinePoint<Fp2<TFq>, TG2> G2Generator => TG2.Generator;

    // ---- pairing ----

    private static PairingG1Input<TFq> PairingInput(in AffinePoint<TFq, TG1> p) =>
        p.IsInfinity ? PairingG1Input<TFq>.Infinity : new PairingG1Input<TFq>(p.X, p.Y);

    private static PairingG2Input<TFq> PairingInput(in AffinePoint<Fp2<TFq>, TG2> p) =>
        p.IsInfinity ? PairingG2Input<TFq>.Infinity : new PairingG2Input<TFq>(p.X, p.Y);

    /// <summary>
    /// snarkjs misc.sameRatio: false when any point is the identity (else δ = 0 would pass, both sides being 1), otherwise
    /// e(a, d) = e(b, c), checked as e(−a, d)·e(b, c) = 1.
    /// </summary>
    private static bool SameRatio(in AffinePoint<TFq, TG1> a, in AffinePoint<TFq, TG1> b,
        in AffinePoint<Fp2<TFq>, TG2> c, in AffinePoint<Fp2<TFq>, TG2> d)
    {
        if (a.IsInfinity || b.IsInfinity || c.IsInfinity || d.IsInfinity) return false;
        AffinePoint<TFq, TG1>.Negate(a, out var minusA);
        ReadOnlySpan<PairingG1Input<TFq>> ps = [PairingInput(minusA), PairingInput(b)];
        ReadOnlySpan<PairingG2Input<TFq>> qs = [PairingInput(d), PairingInput(c)];
        return OptimalAtePairing<TFq, TTower, TPair>.PairingProductIsOne(ps, qs);
    }

    // ---- point sampling (spec/ptau.md §6: ffjavascript G.fromRng, hashToG2) ----

    private static AffinePoint<TFq, TG1> SampleG1(ref ChaChaRng rng)
    {
        while (true)
        {
            FieldSampling.FromRng(ref rng, out TFq x);
            bool greatest = rng.NextBool();
            if (PointSampling.TryLiftX<TFq, TG1>(x, greatest, out var p))
                return PointSampling.ClearCofactorVartime(p).ToAffineVartime();
        }
    }

    private static AffinePoint<Fp2<TFq>, TG2> SampleG2(ref ChaChaRng rng)
    {
        while (true)
        {
            FieldSampling.FromRng(ref rng, out TFq c0);
            FieldSampling.FromRng(ref rng, out TFq c1);
            bool greatest = rng.NextBool();
            if (PointSampling.TryLiftX<Fp2<TFq>, TG2>(new Fp2<TFq>(c0, c1), greatest, out var p))
                return PointSampling.ClearCofactorVartime(p).ToAffineVartime();
        }
    }

    /// <summary>snarkjs keypair.hashToG2: ChaCha seeded with the first 32 bytes of the hash (big-endian words), G2.fromRng.</summary>
    private static AffinePoint<Fp2<TFq>, TG2> HashToG2(ReadOnlySpan<byte> hash)
    {
        var rng = default(ChaChaRng);
        try
        {
            rng.SeedFromDigest(hash);
            return SampleG2(ref rng);
        }
        finally
        {
            rng.Dispose();
        }
    }

    // ---- multiplications ----

    /// <summary>Σ k_i·P_i for public points and scalars (4 limbs each), as affine.</summary>
    private static AffinePoint<TF, TC> Msm<TF, TC>(ReadOnlySpan<AffinePoint<TF, TC>> points, ReadOnlySpan<ulong> scalars)
        where TF : unmanaged, IField<TF>
        where TC : ICurve<TF, TC> =>
        Pippenger.MultiplyVartime(points, scalars).ToAffineVartime();

    /// <summary>
    /// Σ k_i·P_i (public), as a Jacobian point: Pippenger for many terms, wNAF multiplications and additions for the
    /// few terms a typical signal has (Pippenger's fixed costs dominate there).
    /// </summary>
    private static JacobianPoint<TF, TC> SumOfProducts<TF, TC>(ReadOnlySpan<AffinePoint<TF, TC>> points, ReadOnlySpan<ulong> scalars)
        where TF : unmanaged, IField<TF>
        where TC : ICurve<TF, TC>
    {
        if (points.Length >= 32) return Pippenger.MultiplyVartime(points, scalars);
        var acc = JacobianPoint<TF, TC>.Infinity;
        for (int i = 0; i < points.Length; i++)
        {
            VariableTimeScalarMultiplication.MultiplyVartime(points[i].ToJacobian(), scalars.Slice(i * ScalarLimbs, ScalarLimbs), out var term);
            JacobianPoint<TF, TC>.AddVartime(acc, term, out acc);
        }
        return acc;
    }

    /// <summary>Points per batch of <see cref="MultiplyAllBySecret"/>: its locked buffers stay near 1 MiB (RLIMIT_MEMLOCK).</summary>
    private const int SecretBatchPoints = 4096;

    /// <summary>
    /// p ← k·p for each point, k secret (4 canonical limbs in <paramref name="scalar"/>), constant time in k: the 8-lane
    /// batch multiplication phase 1 uses (<see cref="SecretBatchMultiplication"/>, all cores) with k repeated in every
    /// lane, then constant-time batch normalisation, since the Jacobian products' Z coordinates depend on k. The
    /// repeated scalars, the products and the normalised points live in locked secret memory, wiped on dispose; only
    /// the affine results (public outputs) are copied back.
    /// </summary>
    private static unsafe void MultiplyAllBySecret(Span<AffinePoint<TFq, TG1>> points, PowersOfTau.Secrets.SecretBuffer scalar, int scalarOffset)
    {
        int batch = Math.Min(points.Length, SecretBatchPoints);
        if (batch == 0) return;
        using var scalars = new PowersOfTau.Secrets.SecretBuffer(batch * ScalarLimbs * sizeof(ulong));
        using var products = new PowersOfTau.Secrets.SecretBuffer(batch * sizeof(JacobianPoint<TFq, TG1>));
        using var results = new PowersOfTau.Secrets.SecretBuffer(batch * sizeof(AffinePoint<TFq, TG1>));
        var k = scalars.Reveal<ulong>();
        var source = MemoryMarshal.Cast<byte, ulong>(scalar.Reveal().Slice(scalarOffset, 8 * ScalarLimbs));
        for (int i = 0; i < batch; i++) source.CopyTo(k.Slice(i * ScalarLimbs, ScalarLimbs));
        var jacobian = products.Reveal<JacobianPoint<TFq, TG1>>();
        var affine = results.Reveal<AffinePoint<TFq, TG1>>();
        int cores = Environment.ProcessorCount;
        for (int first = 0; first < points.Length; first += batch)
        {
            int n = Math.Min(batch, points.Length - first);
            var slice = points.Slice(first, n);
            SecretBatchMultiplication.Multiply<TFq, TG1>(slice, k[..(n * ScalarLimbs)], jacobian[..n], cores);
            SecretBatchMultiplication.ToAffine(jacobian[..n], affine[..n], cores);
            affine[..n].CopyTo(slice);
        }
    }
}
