using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau beacon &lt;in.ptau&gt; &lt;out.ptau&gt; &lt;beaconHashHex&gt; &lt;numIterationsExp&gt; [-n name]</c>
/// (spec/ptau.md §8): the key comes from a public beacon — h = beaconHash, then 2^exp times h = SHA-256(h),
/// ChaCha seeded with h — through the same createPTauKey and key application as a contribution (§6).
/// Deterministic: byte-identical to snarkjs 0.7.6.
/// </summary>
/// <remarks>
/// The derived τ, α, β are public in principle (anyone can recompute them from the beacon), but they take the
/// contribution path: SecretBuffer memory, constant-time multiplication, wiped temporaries. Every input point
/// is checked on the curve and in the subgroup. The output declares 7 sections (phase-2 sections of the input
/// are dropped, as snarkjs does; prepare phase2 again).
/// </remarks>
public static class PowersOfTauBeacon
{
    /// <summary>The numIterationsExp range snarkjs accepts.</summary>
    public const int MinIterationsExp = 10, MaxIterationsExp = 63;

    /// <summary>What was written.</summary>
    /// <param name="ResponseHash">The contribution's response hash (snarkjs "Contribution Response Hash").</param>
    /// <param name="NextChallenge">The new nextChallenge.</param>
    public sealed record Result(byte[] ResponseHash, byte[] NextChallenge);

    /// <summary>Applies the beacon to <paramref name="inputPath"/> and writes <paramref name="outputPath"/> atomically.</summary>
    /// <exception cref="ArgumentException">The beacon hash is not 1..255 bytes or the exponent is outside 10..63.</exception>
    /// <exception cref="CeremonyFormatException">The input is unreadable, truncated (power ≠ ceremonyPower), has no points, or holds an invalid point.</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static Result Apply(string inputPath, string outputPath, ReadOnlySpan<byte> beaconHash, int numIterationsExp, string? name,
        bool overwrite = false, CancellationToken cancellationToken = default, IProgress<CeremonyProgress>? progress = null)
    {
        if (beaconHash.Length is 0 or > 255) throw new ArgumentException("the beacon hash must be 1 to 255 bytes", nameof(beaconHash));
        ArgumentOutOfRangeException.ThrowIfLessThan(numIterationsExp, MinIterationsExp);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numIterationsExp, MaxIterationsExp);
        byte[] beacon = beaconHash.ToArray();

        var (responseHash, nextChallenge) = ContributionRun.Run(inputPath, outputPath,
            (ref ChaChaRng rng) => BeaconSeed.Seed(ref rng, beacon, numIterationsExp,
                progress is null ? null : new SynchronousProgress<double>(f => progress.Report(new CeremonyProgress("beacon iterations", (long)(f * 1_000_000), 1_000_000))),
                cancellationToken),
            ContributionType.Beacon, ContributionParams.ForBeacon(name, (byte)numIterationsExp, beacon), overwrite, cancellationToken, progress);
        return new Result(responseHash, nextChallenge);
    }
}
