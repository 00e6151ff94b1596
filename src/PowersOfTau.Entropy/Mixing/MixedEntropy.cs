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
