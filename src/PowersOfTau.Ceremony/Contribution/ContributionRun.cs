using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Contribution;

/// <summary>
/// What contribute and beacon share (snarkjs powersoftau_contribute.js / powersoftau_beacon.js): check the input,
/// take the current challenge, derive the key from a ChaCha generator the caller seeds (in secret memory), apply
/// it to every point, and write the new file with the appended record. Secrets are wiped before this returns.
/// </summary>
internal static class ContributionRun
{
    /// <summary>Seeds the generator in place (it lives in a SecretBuffer).</summary>
    public delegate void Seeder(ref ChaChaRng rng);

    public static (byte[] ResponseHash, byte[] NextChallenge) Run(string inputPath, string outputPath, Seeder seed,
        ContributionType type, ContributionParams parameters, bool overwrite, CancellationToken cancellationToken,
        IProgress<CeremonyProgress>? progress)
    {
        using var source = PtauFile.Open(inputPath);
        var header = source.Header;
        if (header.Power != header.CeremonyPower) throw CeremonyErrors.TruncatedFileCannotTakeContribution(source.FileName, header.Power, header.CeremonyPower);
        if (!source.HasPointSections) throw CeremonyErrors.NoPointSections(source.FileName);
        var engine = ContributionEngines.For(header.Curve);
        byte[] challenge = source.Contributions.Count > 0 ? source.Contributions[^1].NextChallenge : PtauHashes.FirstChallenge(header.Curve, header.Power);

        using var secretKey = new SecretBuffer(engine.SecretKeySize);

        (byte[], byte[])? result = null;
        AtomicFileWriter.Write(outputPath, stream =>
        {
            // The key is derived only once the output path has been checked and its temporary file exists: a beacon
            // with a large exponent must not iterate for hours before refusing an existing output or output = input.
            var publicKey = DeriveKey(engine, seed, challenge, secretKey);
            // snarkjs writes the header afresh (ceremonyPower = power, equal here) and 7 sections: phase-2 sections are dropped.
            var writer = new PtauFileWriter(stream, new PtauHeader(header.Curve, header.Power), declaredSectionCount: 7);
            var contribution = KeyApplication.ApplyToSections(source, writer, stream, engine, secretKey, challenge, publicKey,
                type, parameters, cancellationToken, progress);
            writer.WriteContributions([.. source.Contributions, contribution.Record]);
            writer.Complete();
            result = (contribution.ResponseHash, contribution.Record.NextChallenge);
        }, overwrite, [inputPath]);
        return result!.Value;
    }

    /// <summary>Seeds a ChaCha generator held in secret memory, derives the key into <paramref name="secretKey"/>, wipes the generator.</summary>
    public static PtauPublicKey DeriveKey(IContributionEngine engine, Seeder seed, ReadOnlySpan<byte> challenge, SecretBuffer secretKey)
    {
        using var rngMemory = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<ChaChaRng>());
        ref var rng = ref rngMemory.RevealAs<ChaChaRng>();
        try
        {
            seed(ref rng);
            return engine.DeriveKey(ref rng, challenge, secretKey);
        }
        finally
        {
            rng.Dispose();
        }
    }
}
