namespace PowersOfTau.Attestation.Digests;

/// <summary>Where the attestation gets its hash functions; BLAKE2b-512 comes from PowersOfTau.Crypto.Hashing.</summary>
internal static class DigestAlgorithms
{
    public static IStreamingDigest Sha256() => new Sha256Digest();

    /// <summary>Unkeyed BLAKE2b with a 64-byte output (RFC 7693), as snarkjs and PPoT print it; null when not available.</summary>
    public static IStreamingDigest? Blake2b512() => new Blake2b512Digest();
}
