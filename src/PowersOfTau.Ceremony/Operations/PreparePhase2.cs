using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau prepare phase2 &lt;in.ptau&gt; &lt;out.ptau&gt;</c> (spec/ptau.md §10): copies sections 1..7 and
/// adds the Lagrange-basis sections 12..15 — for each p = 0..power (and power+1 for section 12) the inverse
/// FFT of the first 2^p points of sections 2..5. Deterministic: byte-identical to snarkjs 0.7.6 (affine LEM
/// output is canonical, so any correct transform gives the same bytes).
/// </summary>
/// <remarks>
/// snarkjs quirk kept: the new header has ceremonyPower = power. Every input point is decoded with all checks
/// (on curve, subgroup). Memory: one block of 2^(power+1) Jacobian points at a time (the FFT needs the
/// whole block); the 2^(s+1) coset-split case of snarkjs (power 28 bn128 section 12) is not implemented.
/// </remarks>
public static class PreparePhase2
{
    private static readonly (int From, int To)[] SectionPairs =
    [
        (PtauSections.TauG1, PtauSections.LagrangeG1),
        (PtauSections.TauG2, PtauSections.LagrangeG2),
        (PtauSections.AlphaTauG1, PtauSections.LagrangeAlphaG1),
        (PtauSections.BetaTauG1, PtauSections.LagrangeBetaG1),
    ];

    /// <summary>Writes the prepared file atomically.</summary>
    /// <exception cref="CeremonyFormatException">The input is unreadable, has no points, or holds an invalid point.</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static void Prepare(string inputPath, string outputPath, bool overwrite = false, CancellationToken cancellationToken = default,
        IProgress<CeremonyProgress>? progress = null)
    {
        using var source = PtauFile.Open(inputPath);
        if (!source.HasPointSections) throw CeremonyErrors.NoPointSections(source.FileName);
        var curve = source.Header.Curve;
        AtomicFileWriter.Write(outputPath, stream =>
        {
            var writer = new PtauFileWriter(stream, new PtauHeader(curve, source.Header.Power), declaredSectionCount: 11);
            foreach (int id in PtauSections.PointSectionIds) writer.CopyPointSection(source, id, cancellationToken);
            writer.CopyContributions(source);
            foreach (var (from, to) in SectionPairs)
            {
                var body = writer.BeginPointSection(to);
                bool g1 = PtauSections.Group(from) == CurveGroup.G1;
                if (curve == CurveDescriptor.Bn128)
                {
                    if (g1) LagrangeSection<Fp254, Bn254G1, Fr254>.Write(source, from, to, body, cancellationToken, progress);
                    else LagrangeSection<Fp2<Fp254>, Bn254G2, Fr254>.Write(source, from, to, body, cancellationToken, progress);
                }
                else
                {
                    if (g1) LagrangeSection<Fp381, Bls12381G1, Fr381>.Write(source, from, to, body, cancellationToken, progress);
                    else LagrangeSection<Fp2<Fp381>, Bls12381G2, Fr381>.Write(source, from, to, body, cancellationToken, progress);
                }
                writer.EndPointSection();
            }
            writer.Complete();
        }, overwrite, [inputPath]);
    }

    private static class LagrangeSection<TF, TCurve, TFr>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TFr : unmanaged, IPrimeField<TFr>
    {
        public static void Write(PtauFile source, int from, int to, Stream output, CancellationToken cancellationToken,
            IProgress<CeremonyProgress>? progress)
        {
            int power = source.Header.Power;
            int lastBlock = from == PtauSections.TauG1 ? power + 1 : power;
            long available = PtauSections.PointCount(from, power);
            int size = PointEncoding<TF, TCurve>.LemSize;

            // Decode (with every check) the points the largest block needs, once.
            int needed = (int)Math.Min(1L << lastBlock, available);
            var lem = new byte[(long)needed * size];
            source.ReadPoints(from, 0, lem);
            var affine = new AffinePoint<TF, TCurve>[1 << lastBlock];   // a missing last tauG1 point stays the identity
            try
            {
                PointEncoding<TF, TCurve>.ReadLemMany(lem, affine.AsSpan(0, needed));
            }
            catch (PointDecodingException e)
            {
                throw CeremonyErrors.BadPoint(source.FileName, from, 0, e);
            }

            for (int p = 0; p <= lastBlock; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = 1 << p;
                var result = new AffinePoint<TF, TCurve>[n];
                PointInverseFft<TF, TCurve, TFr>.Inverse(affine.AsSpan(0, n), result);
                var encoded = new byte[(long)n * size];
                PointEncoding<TF, TCurve>.WriteLemMany(result, encoded);
                output.Write(encoded);
                progress?.Report(new CeremonyProgress($"computing {PtauSections.Name(to)}", p + 1, lastBlock + 1));
            }
        }
    }
}
