namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// The digests of one file, written as <c>[[-16, sha256], ["blake2b-512", b2]]</c>. SHA-256 is always
/// present (so <c>sha256sum</c> can check the file); BLAKE2b-512 is what snarkjs and PPoT print.
/// </summary>
/// <param name="Sha256">SHA-256 of the whole file, 32 bytes.</param>
/// <param name="Blake2b512">BLAKE2b-512 (unkeyed, 64-byte output) of the whole file; null when not computed.</param>
public sealed record DigestSet(byte[] Sha256, byte[]? Blake2b512)
{
    /// <summary>Throws <see cref="InvalidClaimsException"/> unless the lengths are 32 and 64.</summary>
    public void Validate(string what)
    {
        if (Sha256 is null || Sha256.Length != 32)
            throw new InvalidClaimsException($"{what}: the SHA-256 digest must be 32 bytes, got {Sha256?.Length ?? 0}");
        if (Blake2b512 is not null && Blake2b512.Length != 64)
            throw new InvalidClaimsException($"{what}: the BLAKE2b-512 digest must be 64 bytes, got {Blake2b512.Length}");
    }
}
