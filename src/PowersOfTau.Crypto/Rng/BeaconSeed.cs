using System.Security.Cryptography;

namespace PowersOfTau.Crypto.Rng;

/// <summary>
/// The seed of a beacon contribution, as snarkjs 0.7.6 <c>misc.rngFromBeaconParams</c> (spec/ptau.md §8):
/// h = beaconHash, then h = SHA-256(h) repeated 2^numIterationsExp times (snarkjs splits it into
/// 2^32 inner × 2^(exp−32) outer iterations for exp ≥ 32, the same count), and the ChaCha seed is the
/// first 32 bytes of h as 8 big-endian words. Everything here is public; the work is the point of
/// the beacon (a verifiable delay), so it is cancellable and reports progress.
/// </summary>
public static class BeaconSeed
{
    /// <summary>Largest exponent snarkjs accepts for the beacon verbs.</summary>
    public const int MaxIterationsExp = 63;

    /// <summary>
    /// Iterates SHA-256 over <paramref name="beaconHash"/> 2^<paramref name="numIterationsExp"/> times and
    /// seeds <paramref name="rng"/> with the result. <paramref name="progress"/> receives the fraction done
    /// about every 2^20 iterations.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="beaconHash"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numIterationsExp"/> is outside 0..63.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static void Seed(ref ChaChaRng rng, ReadOnlySpan<byte> beaconHash, int numIterationsExp,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Span<byte> h = stackalloc byte[SHA256.HashSizeInBytes];
        Iterate(beaconHash, numIterationsExp, h, progress, cancellationToken);
        rng.SeedFromDigest(h);
    }

    /// <summary>The final hash of the iteration (32 bytes into <paramref name="destination"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="beaconHash"/> is empty or <paramref name="destination"/> is not 32 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numIterationsExp"/> is outside 0..63.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static void Iterate(ReadOnlySpan<byte> beaconHash, int numIterationsExp, Span<byte> destination,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (beaconHash.IsEmpty)
            throw new ArgumentException("The beacon hash is empty.", nameof(beaconHash));
        if (numIterationsExp is < 0 or > MaxIterationsExp)
            throw new ArgumentOutOfRangeException(nameof(numIterationsExp), "numIterationsExp must be 0..63.");
        if (destination.Length != SHA256.HashSizeInBytes)
            throw new ArgumentException("The beacon digest is 32 bytes.", nameof(destination));

        ulong total = 1UL << numIterationsExp;
        SHA256.HashData(beaconHash, destination);   // iteration 1 (the input may have any length)
        Span<byte> next = stackalloc byte[SHA256.HashSizeInBytes];
        for (ulong i = 1; i < total; i++)
        {
            SHA256.HashData(destination, next);
            next.CopyTo(destination);
            if ((i & 0xFFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)i / total);
            }
        }
        progress?.Report(1.0);
    }
}
