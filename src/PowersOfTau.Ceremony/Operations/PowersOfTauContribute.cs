using PowersOfTau.Ceremony.Contribution;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Progress;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Crypto.Rng;
using PowersOfTau.Secrets;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>powersoftau contribute &lt;in.ptau&gt; &lt;out.ptau&gt; [--name]</c> (spec/ptau.md §6): a secret key from a
/// seed the caller provides (the Entropy room's mixer, or <see cref="SnarkjsSeed"/> for snarkjs's own recipe),
/// applied to every point; the record is a normal contribution carrying the name.
/// </summary>
/// <remarks>
/// The seed digest's first 32 bytes seed ChaCha as 8 big-endian words (snarkjs getRandomRng). τ, α, β and the
/// generator live in SecretBuffer memory and are wiped before this returns; multiplications by them are
/// constant time. Every input point is checked on the curve and in the subgroup.
/// </remarks>
public static class PowersOfTauContribute
{
    /// <summary>What was written.</summary>
    /// <param name="ResponseHash">The contribution's response hash (what snarkjs prints and verify lists).</param>
    /// <param name="NextChallenge">The new nextChallenge.</param>
    public sealed record Result(byte[] ResponseHash, byte[] NextChallenge);

    /// <summary>Contributes to <paramref name="inputPath"/>, writing <paramref name="outputPath"/> atomically.</summary>
    /// <param name="inputPath">The current .ptau.</param>
    /// <param name="outputPath">The new .ptau.</param>
    /// <param name="seedDigest">At least 32 secret bytes (e.g. a BLAKE2b-512 digest of the mixed entropy).</param>
    /// <param name="name">Contribution name (first 64 UTF-16 code units kept; omitted when empty).</param>
    /// <param name="overwrite">Replace an existing output.</param>
    /// <param name="cancellationToken">Stops the contribution; the partial output is removed.</param>
    /// <param name="progress">Receives per-chunk progress.</param>
    /// <exception cref="ArgumentException">The seed is shorter than 32 bytes.</exception>
    /// <exception cref="CeremonyFormatException">The input is unreadable, truncated, has no points, or holds an invalid point.</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is the input, or the disk is full.</exception>
    public static Result Apply(string inputPath, string outputPath, SecretBuffer seedDigest, string? name,
        bool overwrite = false, CancellationToken cancellationToken = default, IProgress<CeremonyProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(seedDigest);
        if (seedDigest.Length < 32) throw new ArgumentException("the seed needs at least 32 bytes", nameof(seedDigest));
        var (responseHash, nextChallenge) = ContributionRun.Run(inputPath, outputPath,
            (ref ChaChaRng rng) => rng.SeedFromDigest(seedDigest.Reveal()),
            ContributionType.Normal, ContributionParams.ForContribution(name), overwrite, cancellationToken, progress);
        return new Result(responseHash, nextChallenge);
    }

    /// <summary>
    /// snarkjs getRandomRng's digest: BLAKE2b-512(64 random bytes ‖ UTF-8 entropy text), in secret memory. snarkjs
    /// takes the random bytes from the OS; passing them explicitly makes a contribution reproducible in tests.
    /// </summary>
    public static SecretBuffer SnarkjsSeed(ReadOnlySpan<byte> randomBytes, ReadOnlySpan<byte> entropyUtf8)
    {
        var digest = new SecretBuffer(Blake2b.MaxOutputLength);
        var hasher = new Blake2b();
        try
        {
            hasher.Update(randomBytes);
            hasher.Update(entropyUtf8);
            hasher.Finish(digest.Reveal());
            return digest;
        }
        catch
        {
            digest.Dispose();
            throw;
        }
        finally
        {
            hasher.Dispose();
        }
    }
}
