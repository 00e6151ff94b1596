using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>zkey contribute &lt;in.zkey&gt; &lt;out.zkey&gt; --name=…</c> (spec/zkey.md §3): multiplies δ into the key.
/// δ and the public key's g1_s are drawn, exactly as snarkjs does, from ChaCha seeded with the first 32 bytes
/// of a 64-byte digest (snarkjs: BLAKE2b-512(64 OS-random bytes || UTF-8 entropy), see <see cref="SnarkjsDigest"/>);
/// the digest comes from the caller in a <see cref="SecretBuffer"/>. δ, δ⁻¹, their limbs and the ChaCha state live
/// only in a SecretBuffer, are used only by constant-time scalar multiplication, and are wiped before this returns.
/// </summary>
public static class ZkeyContribute
{
    /// <summary>Bytes of the seed digest a contribution takes (only the first 32 seed ChaCha, as in snarkjs).</summary>
    public const int DigestLength = 64;

    /// <summary>
    /// Writes the contributed key to <paramref name="outputPath"/> atomically and returns the hashes to show.
    /// </summary>
    /// <param name="inputPath">The previous zkey.</param>
    /// <param name="outputPath">The new zkey.</param>
    /// <param name="digest">At least 32 secret bytes (normally the 64-byte entropy digest).</param>
    /// <param name="name">Contribution name (snarkjs keeps the first 64 UTF-16 code units); null or empty for none.</param>
    /// <param name="overwrite">Replace an existing output.</param>
    /// <param name="progress">Progress of the δ⁻¹ multiplications.</param>
    /// <param name="cancellationToken">Cancels; no output is left behind.</param>
    /// <exception cref="Errors.CeremonyFormatException">The input zkey is unreadable or holds an invalid point.</exception>
    /// <exception cref="Errors.OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static ZkeyContributionResult Run(string inputPath, string outputPath, SecretBuffer digest, string? name = null,
        bool overwrite = false, IProgress<ZkeyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Length < 32) throw new ArgumentException("the digest must hold at least 32 bytes", nameof(digest));
        return Apply(inputPath, outputPath, digest, ContributionType.Normal, ContributionParams.ForContribution(name),
            overwrite, progress, cancellationToken);
    }

    /// <summary>
    /// snarkjs getRandomRng's digest: BLAKE2b-512(<paramref name="osRandom"/> (64 bytes) || <paramref name="entropyUtf8"/>),
    /// written into <paramref name="destination"/> (64 bytes of secret memory). For byte-compatibility tests with
    /// fixed "OS" bytes, and for an operator who wants snarkjs's exact recipe.
    /// </summary>
    public static void SnarkjsDigest(ReadOnlySpan<byte> osRandom, ReadOnlySpan<byte> entropyUtf8, SecretBuffer destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination.Length < DigestLength) throw new ArgumentException("the destination needs 64 bytes", nameof(destination));
        var hasher = new Blake2b();
        try
        {
            hasher.Update(osRandom);
            hasher.Update(entropyUtf8);
            hasher.Finish(destination.Reveal()[..DigestLength]);
        }
        finally
        {
            hasher.Dispose();
        }
    }

    internal static ZkeyContributionResult Apply(string inputPath, string outputPath, SecretBuffer seed, ContributionType type,
        ContributionParams parameters, bool overwrite, IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken)
    {
        using var input = ZkeyFile.Open(inputPath);
        var backend = Phase2Backend.For(input.Header.Curve);
        ZkeyContribution? contribution = null;
        AtomicFileWriter.Write(outputPath,
            stream => contribution = backend.Contribute(input, stream, seed, type, parameters, progress, cancellationToken),
            overwrite, [inputPath]);
        var c = contribution!;
        return new ZkeyContributionResult(input.Header.Curve, input.MpcParams.CsHash, backend.ContributionHash(c),
            input.MpcParams.Contributions.Count + 1, c, backend.PublicKeyUncompressed(c));
    }
}
