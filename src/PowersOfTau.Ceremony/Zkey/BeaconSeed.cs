using System.Security.Cryptography;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// snarkjs misc.rngFromBeaconParams (spec/ptau.md §8): h = beaconHash, then h = SHA-256(h) repeated 2^exp times;
/// the ChaCha seed is the 8 big-endian words of the final 32 bytes. Public and deterministic.
/// </summary>
public static class BeaconSeed
{
    /// <summary>Smallest and largest numIterationsExp snarkjs accepts.</summary>
    public const int MinExponent = 10, MaxExponent = 63;

    /// <summary>Writes the 32-byte digest that seeds ChaCha into <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The hash is not 1..255 bytes or exp is outside 10..63.</exception>
    public static void Derive(ReadOnlySpan<byte> beaconHash, int numIterationsExp, Span<byte> seed, CancellationToken cancellationToken = default)
    {
        if (beaconHash.Length is 0 or > 255) throw Errors.ZkeyErrors.BeaconHashLength(beaconHash.Length);
        if (numIterationsExp is < MinExponent or > MaxExponent) throw Errors.ZkeyErrors.BeaconExponent(numIterationsExp);
        if (seed.Length < 32) throw new ArgumentException("the seed needs 32 bytes", nameof(seed));
        Span<byte> h = stackalloc byte[32];
        SHA256.HashData(beaconHash, h);
        ulong iterations = 1UL << numIterationsExp;
        for (ulong i = 1; i < iterations; i++)
        {
            if ((i & 0xFFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            SHA256.HashData(h, h);
        }
        h.CopyTo(seed);
    }
}
