using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>zkey beacon &lt;in&gt; &lt;out&gt; &lt;beaconHashHex&gt; &lt;numIterationsExp&gt; -n=…</c> (spec/zkey.md §4): a
/// contribution whose δ comes from a public beacon (iterated SHA-256, <see cref="BeaconSeed"/>). Deterministic:
/// byte-identical to snarkjs 0.7.6.
/// </summary>
public static class ZkeyBeacon
{
    /// <summary>Writes the beacon contribution to <paramref name="outputPath"/> atomically.</summary>
    /// <exception cref="ArgumentException">The beacon hash is not 1..255 bytes or the exponent is outside 10..63.</exception>
    /// <exception cref="Errors.CeremonyFormatException">The input zkey is unreadable or holds an invalid point.</exception>
    /// <exception cref="Errors.OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static ZkeyContributionResult Run(string inputPath, string outputPath, ReadOnlySpan<byte> beaconHash, int numIterationsExp,
        string? name = null, bool overwrite = false, IProgress<ZkeyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var seed = new SecretBuffer(32);
        BeaconSeed.Derive(beaconHash, numIterationsExp, seed.Reveal(), cancellationToken);
        var parameters = ContributionParams.ForBeacon(name, (byte)numIterationsExp, beaconHash);
        return ZkeyContribute.Apply(inputPath, outputPath, seed, ContributionType.Beacon, parameters, overwrite, progress, cancellationToken);
    }

    /// <summary>
    /// Parses a beacon hash given as hex (optional "0x"), as snarkjs does: non-empty, an even number of hex digits.
    /// </summary>
    /// <exception cref="ArgumentException">Not a valid hexadecimal sequence.</exception>
    public static byte[] ParseBeaconHash(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        string digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length == 0 || digits.Length % 2 != 0 || !digits.All(Uri.IsHexDigit))
            throw new ArgumentException("invalid beacon hash: it must be a valid hexadecimal sequence (optionally 0x-prefixed)", nameof(hex));
        return Convert.FromHexString(digits);
    }
}
