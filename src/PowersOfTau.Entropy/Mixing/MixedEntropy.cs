using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Mixing;

/// <summary>
/// The result of collecting entropy: the mixed 64-byte seed, the operator's typed text (possibly empty), and
/// the reports for the attestation. Dispose it as soon as the secrets are derived.
/// </summary>
public sealed class MixedEntropy : IDisposable
{
    internal MixedEntropy(SecretBuffer seed, SecretBuffer operatorText, IReadOnlyList<EntropyReport> reports)
    {
        Seed = seed;
        OperatorText = operatorText;
        Reports = reports;
    }

    /// <summary>
    /// The <c>--insecure-test-randomness</c> path (tests and reproducible demos only): the given 64-byte seed
    /// takes the place of the mixer output; typed text, if any, is still appended by
    /// <see cref="DeriveSnarkjsDigest"/>. The reports say so (kind <see cref="InsecureTestSeedKind"/>), and the
    /// caller marks the attestation insecure.
    /// </summary>
    /// <exception cref="ArgumentException">The seed is not 64 bytes.</exception>
    public static MixedEntropy FromInsecureTestSeed(ReadOnlySpan<byte> seed, EntropySample? typedText)
    {
        if (seed.Length != EntropyMixer.SeedLength)
            throw new ArgumentException($"the insecure test seed must be {EntropyMixer.SeedLength} bytes, got {seed.Length}", nameof(seed));
        var reports = new List<EntropyReport> { new(InsecureTestSeedKind, "command line (--insecure-test-randomness)", seed.Length, Hardware: false) };
        if (typedText is not null) reports.Add(typedText.Report);
        var text = typedText is null ? new SecretBuffer(0) : SecretBuffer.CopyOf(typedText.Bytes.Reveal());
        return new MixedEntropy(SecretBuffer.CopyOf(seed), text, reports);
    }

    /// <summary>The report kind of a fixed test seed: never a real contribution.</summary>
    public const string InsecureTestSeedKind = "insecure-test-seed";

    /// <summary>The 64-byte mixer output; it takes the place of snarkjs's 64 OS-random bytes.</summary>
    public SecretBuffer Seed { get; }

    /// <summary>The operator's typed text (UTF-8 as typed), empty when no operator source was configured.</summary>
    public SecretBuffer OperatorText { get; }

    /// <summary>One report per source, in the order drawn (the os source first); goes into the attestation.</summary>
    public IReadOnlyList<EntropyReport> Reports { get; }

    /// <summary>
    /// snarkjs's getRandomRng digest with the mixed seed in place of its 64 OS-random bytes:
    /// h = BLAKE2b-512(Seed || typed text) (spec/ptau.md §6 step 2); the caller seeds ChaCha with h[0..32].
    /// </summary>
    public SecretBuffer DeriveSnarkjsDigest()
    {
        var digest = new SecretBuffer(EntropyMixer.SeedLength);
        using var state = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<Blake2b>());
        ref Blake2b hasher = ref state.RevealAs<Blake2b>();
        hasher = new Blake2b();
        try
        {
            hasher.Update(Seed.Reveal());
            hasher.Update(OperatorText.Reveal());
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
            hasher.Wipe();
        }
    }

    /// <summary>Wipes the seed and the typed text.</summary>
    public void Dispose()
    {
        Seed.Dispose();
        OperatorText.Dispose();
    }
}
