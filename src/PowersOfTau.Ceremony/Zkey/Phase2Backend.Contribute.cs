using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Zkey;

internal sealed partial class Phase2Backend<TFq, TFr, TTower, TG1, TG2, TPair>
{
    /// <summary>Points of sections 8/9 processed per chunk: memory stays flat whatever the circuit size.</summary>
    private const int ContributeChunkPoints = 1 << 16;

    public override ZkeyContribution Contribute(ZkeyFile input, Stream output, SecretBuffer seed, ContributionType type,
        ContributionParams parameters, IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken)
    {
        string f = input.FileName;
        var header = input.Header;
        var mpc = input.MpcParams;
        var deltaG1 = DecodeG1(header.DeltaG1, f, ZkeySections.Groth16Header, "vk_delta_1");
        var deltaG2 = DecodeG2(header.DeltaG2, f, ZkeySections.Groth16Header, "vk_delta_2");

        // Secret layout: ChaCha state | δ | δ⁻¹ | limbs(δ) | limbs(δ⁻¹). Nothing secret leaves this buffer.
        int rngSize = Unsafe.SizeOf<ChaChaRng>(), frSize = Unsafe.SizeOf<TFr>(), limbsSize = 8 * ScalarLimbs;
        int deltaAt = rngSize, inverseAt = deltaAt + frSize, deltaLimbsAt = inverseAt + frSize, inverseLimbsAt = deltaLimbsAt + limbsSize;
        using var secret = new SecretBuffer(inverseLimbsAt + limbsSize);

        AffinePoint<TFq, TG1> g1s, g1sx, newDeltaG1;
        AffinePoint<Fp2<TFq>, TG2> g2spx, newDeltaG2;
        var transcript = new byte[64];
        {
            ref var rng = ref MemoryMarshal.AsRef<ChaChaRng>(secret.Reveal().Slice(0, rngSize));
            try
            {
                rng.SeedFromDigest(seed.Reveal()[..32]);
                // spec/zkey.md §3: δ = Fr.fromRng, then g1_s = G1.fromRng, from the same generator.
                FieldSampling.FromRng(ref rng, out MemoryMarshal.AsRef<TFr>(secret.Reveal().Slice(deltaAt, frSize)));
                g1s = SampleG1(ref rng);
            }
            finally
            {
                rng.Dispose();
            }
            ref readonly TFr delta = ref MemoryMarshal.AsRef<TFr>(secret.Reveal().Slice(deltaAt, frSize));
            TFr.ToCanonicalLimbs(delta, MemoryMarshal.Cast<byte, ulong>(secret.Reveal().Slice(deltaLimbsAt, limbsSize)));
            TFr.Inverse(delta, out MemoryMarshal.AsRef<TFr>(secret.Reveal().Slice(inverseAt, frSize)));
            TFr.ToCanonicalLimbs(MemoryMarshal.AsRef<TFr>(secret.Reveal().Slice(inverseAt, frSize)),
                MemoryMarshal.Cast<byte, ulong>(secret.Reveal().Slice(inverseLimbsAt, limbsSize)));
            ScrubStack();   // the field arithmetic above leaves limbs of δ and δ⁻¹ in its stack frames
        }
        ReadOnlySpan<ulong> DeltaLimbs() => MemoryMarshal.Cast<byte, ulong>(secret.Reveal().Slice(deltaLimbsAt, limbsSize));

        ConstantTimeScalarMultiplication.Multiply(g1s, DeltaLimbs(), out var g1sxJ);
        g1sx = g1sxJ.ToAffine();

        var hasher = new Blake2b();
        try
        {
            hasher.Update(mpc.CsHash);
            for (int i = 0; i < mpc.Contributions.Count; i++) HashPublicKey(ref hasher, mpc.Contributions[i], f, i + 1);
            HashU(ref hasher, g1s);
            HashU(ref hasher, g1sx);
            hasher.Finish(transcript);
        }
        finally
        {
            hasher.Dispose();
        }
        var g2sp = HashToG2(transcript);
        ConstantTimeScalarMultiplication.Multiply(g2sp, DeltaLimbs(), out var g2spxJ);
        g2spx = g2spxJ.ToAffine();
        ConstantTimeScalarMultiplication.Multiply(deltaG1, DeltaLimbs(), out var d1);
        newDeltaG1 = d1.ToAffine();
        ConstantTimeScalarMultiplication.Multiply(deltaG2, DeltaLimbs(), out var d2);
        newDeltaG2 = d2.ToAffine();

        var contribution = new ZkeyContribution
        {
            DeltaAfter = Lem(newDeltaG1), G1S = Lem(g1s), G1Sx = Lem(g1sx), G2Spx = Lem(g2spx),
            Transcript = transcript, Type = type, Params = parameters,
        };

        // ---- the new file: sections 1..10 in order (zkey_contribute.js) ----
        var writer = new BinFileWriter(output, BinFileFormat.ZkeyMagic, 1, ZkeySections.Count);
        writer.CopySection(input.Container, input.Section(ZkeySections.Protocol), cancellationToken: cancellationToken);
        writer.WriteSection(ZkeySections.Groth16Header, (header with { DeltaG1 = Lem(newDeltaG1), DeltaG2 = Lem(newDeltaG2) }).ToBytes());
        for (int id = ZkeySections.IC; id <= ZkeySections.B2; id++)
            writer.CopySection(input.Container, input.Section(id), cancellationToken: cancellationToken);
        foreach (int id in new[] { ZkeySections.L, ZkeySections.H })
        {
            var section = input.Section(id);
            long count = section.Size / Curve.G1Size;
            var body = writer.BeginSection(id, section.Size);
            for (long first = 0; first < count; first += ContributeChunkPoints)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new($"Applying δ⁻¹ to {ZkeySections.Name(id)}", first, count));
                int n = (int)Math.Min(ContributeChunkPoints, count - first);
                var bytes = new byte[n * Curve.G1Size];
                input.Container.ReadSection(section, first * Curve.G1Size, bytes);
                var points = new AffinePoint<TFq, TG1>[n];
                DecodeManyG1(bytes, points, f, id, first);
                MultiplyAllBySecret(points, secret, inverseLimbsAt);
                PointEncoding<TFq, TG1>.WriteLemMany(points, bytes);
                body.Write(bytes);
            }
            writer.EndSection();
        }
        writer.WriteSection(ZkeySections.Contributions, new ZkeyMpcParams(mpc.CsHash, [.. mpc.Contributions, contribution]).ToBytes());
        writer.Complete();
        return contribution;
    }

    /// <summary>Overwrites the stack band below the caller, where callees of secret arithmetic left temporaries.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ScrubStack()
    {
        Span<byte> band = stackalloc byte[4096];
        ConstantTime.Wipe(band);
    }

    /// <summary>snarkjs zkey_utils.hashPubKey: U(deltaAfter) || U(g1_s) || U(g1_sx) || U(g2_spx) || transcript, points checked.</summary>
    private static void HashPublicKey(ref Blake2b hasher, ZkeyContribution c, string file, int index)
    {
        string place = $"contribution {index}";
        HashU(ref hasher, DecodeG1(c.DeltaAfter, file, ZkeySections.Contributions, place + " deltaAfter"));
        HashU(ref hasher, DecodeG1(c.G1S, file, ZkeySections.Contributions, place + " g1_s"));
        HashU(ref hasher, DecodeG1(c.G1Sx, file, ZkeySections.Contributions, place + " g1_sx"));
        HashU(ref hasher, DecodeG2(c.G2Spx, file, ZkeySections.Contributions, place + " g2_spx"));
        hasher.Update(c.Transcript);
    }

    public override byte[] ContributionHash(ZkeyContribution contribution)
    {
        var hasher = new Blake2b();
        try
        {
            HashPublicKey(ref hasher, contribution, "contribution", 0);
            var hash = new byte[64];
            hasher.Finish(hash);
            return hash;
        }
        finally
        {
            hasher.Dispose();
        }
    }

    public override byte[] PublicKeyUncompressed(ZkeyContribution contribution)
    {
        int g1 = Curve.G1Size, g2 = Curve.G2Size;
        var u = new byte[3 * g1 + g2];
        PointEncoding<TFq, TG1>.WriteUncompressed(DecodeG1(contribution.DeltaAfter, "contribution", ZkeySections.Contributions, "deltaAfter"), u.AsSpan(0, g1));
        PointEncoding<TFq, TG1>.WriteUncompressed(DecodeG1(contribution.G1S, "contribution", ZkeySections.Contributions, "g1_s"), u.AsSpan(g1, g1));
        PointEncoding<TFq, TG1>.WriteUncompressed(DecodeG1(contribution.G1Sx, "contribution", ZkeySections.Contributions, "g1_sx"), u.AsSpan(2 * g1, g1));
        PointEncoding<Fp2<TFq>, TG2>.WriteUncompressed(DecodeG2(contribution.G2Spx, "contribution", ZkeySections.Contributions, "g2_spx"), u.AsSpan(3 * g1, g2));
        return u;
    }
}
