using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau new &lt;curve&gt; &lt;power&gt; &lt;out.ptau&gt;</c> (spec/ptau.md §3): a ceremony file whose
/// every point is the generator (τ = α = β = 1) and no contribution. Deterministic: byte-identical to
/// snarkjs 0.7.6's output (7 declared sections, header with ceremonyPower = power).
/// </summary>
public static class PowersOfTauNew
{
    /// <summary>The power range the snarkjs CLI accepts for <c>new</c>.</summary>
    public const int MinPower = 1, MaxPower = 28;

    private const int ChunkPoints = 1 << 12;

    /// <summary>Writes the new file to <paramref name="outputPath"/> atomically.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The power is outside 1..28.</exception>
    /// <exception cref="Errors.OutputFileException">The output exists (without overwrite) or the disk is full.</exception>
    public static void Write(CurveDescriptor curve, int power, string outputPath, bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThan(power, MinPower);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, MaxPower);
        AtomicFileWriter.Write(outputPath, stream => WriteTo(stream, curve, power, cancellationToken), overwrite);
    }

    /// <summary>Writes the new file to a seekable stream.</summary>
    public static void WriteTo(Stream output, CurveDescriptor curve, int power, CancellationToken cancellationToken = default)
    {
        var writer = new PtauFileWriter(output, new PtauHeader(curve, power), declaredSectionCount: 7);
        var chunk = new byte[ChunkPoints * curve.G2Size]; // one buffer for all sections: memory stays flat
        foreach (int id in PtauSections.PointSectionIds)
        {
            var generator = curve.GeneratorLem(PtauSections.Group(id));
            for (int i = 0; i < ChunkPoints; i++) generator.CopyTo(chunk.AsSpan(i * generator.Length));
            var body = writer.BeginPointSection(id);
            for (long left = PtauSections.PointCount(id, power); left > 0; left -= ChunkPoints)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body.Write(chunk, 0, (int)Math.Min(left, ChunkPoints) * generator.Length);
            }
            writer.EndPointSection();
        }
        writer.WriteContributions([]);
        writer.Complete();
    }
}
