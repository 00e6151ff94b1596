using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau truncate &lt;in.ptau&gt;</c> (spec/ptau.md §11): for every p = 1 .. power−1 writes
/// <c>&lt;template&gt;NN.ptau</c> holding the prefixes of a prepared file for power p (header power = p,
/// ceremonyPower kept; sections 2..6 and 12..15 cut; section 7 verbatim; 11 declared sections).
/// Deterministic: byte-identical to snarkjs 0.7.6. Pure copying, streamed.
/// </summary>
public static class PtauTruncate
{
    /// <summary>
    /// The template snarkjs 0.7.6's CLI derives from the input name: everything before the last '.', then
    /// "_" ("pot_final.ptau" → "pot_final_"). Quirk kept: a name without '.' gives "_".
    /// </summary>
    public static string DefaultTemplate(string ptauPath)
    {
        int dot = ptauPath.LastIndexOf('.');
        return (dot < 0 ? "" : ptauPath[..dot]) + "_";
    }

    /// <summary>The output names for a file of <paramref name="power"/>: template + 2-digit p + ".ptau".</summary>
    public static IReadOnlyList<string> OutputPaths(string template, int power) =>
        [.. Enumerable.Range(1, Math.Max(0, power - 1)).Select(p => $"{template}{p:00}.ptau")];

    /// <summary>
    /// Writes every truncated file. All outputs are written to temporary files first and published together
    /// at the end, so a failure leaves none of them behind.
    /// </summary>
    /// <returns>The paths written, power 1 first.</returns>
    /// <exception cref="CeremonyFormatException">The input is unreadable or not prepared for phase 2.</exception>
    /// <exception cref="OutputFileException">An output exists (without overwrite), is the input, or the disk is full.</exception>
    public static IReadOnlyList<string> Truncate(string ptauPath, string? template = null, bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        using var source = PtauFile.Open(ptauPath);
        if (!source.HasPointSections || !source.HasPhase2Sections) throw CeremonyErrors.NotPreparedForPhase2(source.FileName, "truncate");
        var outputs = OutputPaths(template ?? DefaultTemplate(ptauPath), source.Header.Power);
        var writers = new List<AtomicFileWriter>();
        try
        {
            foreach (string output in outputs) writers.Add(AtomicFileWriter.Create(output, overwrite, [ptauPath]));
            for (int p = 1; p < source.Header.Power; p++)
            {
                var stream = writers[p - 1].Stream;
                try
                {
                    WriteOne(source, p, stream, cancellationToken);
                }
                catch (IOException e) when (AtomicFileWriter.IsDiskFull(e))
                {
                    throw CeremonyErrors.DiskFull(outputs[p - 1], e);
                }
            }
            foreach (var writer in writers) writer.Commit();
            return outputs;
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }

    private static void WriteOne(PtauFile source, int power, Stream output, CancellationToken cancellationToken)
    {
        var header = new PtauHeader(source.Header.Curve, power, source.Header.CeremonyPower);
        var writer = new PtauFileWriter(output, header, declaredSectionCount: 11);
        foreach (int id in PtauSections.PointSectionIds) writer.CopyPointSection(source, id, cancellationToken);
        writer.CopyContributions(source);
        foreach (int id in PtauSections.Phase2SectionIds) writer.CopyPointSection(source, id, cancellationToken);
        writer.Complete();
    }
}
