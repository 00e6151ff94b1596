using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.R1cs;
using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>zkey verify &lt;circuit.r1cs&gt; &lt;final.ptau&gt; &lt;circuit.zkey&gt;</c> (spec/zkey.md §5): recomputes the
/// initial key from the r1cs and ptau (<see cref="Groth16Setup"/>, into a temporary file) and checks the key against it:
/// exactly sections 1–10 (CVE-2019-7167: nothing extra), the contribution chain (transcripts, same-ratio pairings,
/// beacon keys regenerated), header points, δ, csHash, sections IC/coefficients/A/B1/B2 identical, L equal to the
/// recomputed one divided by δ, and H equal to the odd Lagrange points of the doubled domain divided by δ, checked
/// from the ptau's τ powers through snarkjs's FFT identity (random linear combinations, MSMs on all cores, one
/// pairing each).
/// </summary>
public static class ZkeyVerify
{
    /// <summary>Verifies <paramref name="zkeyPath"/>; returns the circuit hash and contribution hashes on success.</summary>
    /// <exception cref="CeremonyFormatException">Category <see cref="CeremonyErrorCategory.InvalidTranscript"/> (exit 1):
    /// the key does not verify, with the reason; <see cref="CeremonyErrorCategory.Unreadable"/> (exit 2): an input
    /// cannot be read or used (wrong curve, unprepared or too small ptau).</exception>
    public static ZkeyVerifyResult Run(string r1csPath, string ptauPath, string zkeyPath,
        IProgress<ZkeyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var final = ZkeyFile.Open(zkeyPath);
        using var r1cs = R1csFile.Open(r1csPath);
        using var ptau = PtauFile.Open(ptauPath);
        CheckCurve(final, ptau);
        string initPath = Path.Combine(Path.GetTempPath(), $"pot-zkey-init-{Guid.NewGuid():N}.zkey");
        try
        {
            using (var stream = new FileStream(initPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read))
            {
                Groth16Setup.WriteTo(r1cs, ptau, stream, progress, cancellationToken);
            }
            using var init = ZkeyFile.Open(initPath, $"{r1cs.FileName} + {ptau.FileName}");
            return Check(init, ptau, final, progress, cancellationToken);
        }
        finally
        {
            File.Delete(initPath);
        }
    }

    /// <summary>
    /// <c>zkey verify init &lt;init.zkey&gt; &lt;final.ptau&gt; &lt;circuit.zkey&gt;</c>: the same checks against a given
    /// initial key instead of one recomputed from the r1cs (the initial key's own contents are trusted, as in snarkjs).
    /// </summary>
    /// <exception cref="CeremonyFormatException">As <see cref="Run"/>.</exception>
    public static ZkeyVerifyResult FromInit(string initPath, string ptauPath, string zkeyPath,
        IProgress<ZkeyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var final = ZkeyFile.Open(zkeyPath);
        using var init = ZkeyFile.Open(initPath);
        using var ptau = PtauFile.Open(ptauPath);
        CheckCurve(final, ptau);
        return Check(init, ptau, final, progress, cancellationToken);
    }

    private static void CheckCurve(ZkeyFile final, PtauFile ptau)
    {
        if (final.Header.Curve != ptau.Header.Curve)
            throw ZkeyErrors.CurveMismatch(final.FileName, final.Header.Curve.Name, ptau.FileName, ptau.Header.Curve.Name);
    }

    private static ZkeyVerifyResult Check(ZkeyFile init, PtauFile ptau, ZkeyFile final, IProgress<ZkeyProgress>? progress,
        CancellationToken cancellationToken)
    {
        var backend = Phase2Backend.For(final.Header.Curve);
        progress?.Report(new("Checking contributions", 0, final.MpcParams.Contributions.Count));
        var hashes = backend.VerifyContributions(final);
        var contributions = final.MpcParams.Contributions;
        byte[] currentDelta = contributions.Count == 0
            ? final.Header.Curve.GeneratorLem(Curves.CurveGroup.G1).ToArray()
            : contributions[^1].DeltaAfter;
        backend.VerifyAgainstInit(init, final, ptau, currentDelta, progress, cancellationToken);
        var verified = contributions.Select((c, i) => new ZkeyVerifiedContribution(i + 1, c.Params.Name, hashes[i], c.Type,
            c.Params.BeaconHash, c.Params.NumIterationsExp)).ToList();
        return new ZkeyVerifyResult(final.Header.Curve, final.MpcParams.CsHash, verified);
    }
}
