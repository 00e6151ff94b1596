using System.Buffers.Binary;
using System.Text;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Mixing;

/// <summary>
/// Mixes the bytes of every non-operator source into one 64-byte seed, bound to the input's challenge hash
/// (docs/entropy.md gives the construction and the argument that one honest source suffices):
/// <code>
/// seed = BLAKE2b-512( lp(DomainLabel) || lp(challengeHash) || u32le(n)
///                     || for each source i in order: lp(kind_i) || lp(device_i) || lp(bytes_i) )
/// lp(x) = u32le(len(x)) || x        (strings as UTF-8)
/// </code>
/// The length prefixes make the encoding injective: no two different source lists give the same input.
/// The hasher state lives in secret memory and is wiped; the seed is returned in a new SecretBuffer.
/// </summary>
public static class EntropyMixer
{
    /// <summary>Fixed domain-separation label, with the construction's version.</summary>
    public const string DomainLabel = "PowersOfTau entropy mixer v1";

    /// <summary>Length of the mixed seed (BLAKE2b-512), the place of snarkjs's 64 OS-random bytes.</summary>
    public const int SeedLength = 64;

    /// <summary>Length of the challenge hash the seed is bound to (BLAKE2b-512 of the input, spec/ptau.md §5).</summary>
    public const int ChallengeHashLength = 64;

    /// <summary>Mixes <paramref name="samples"/> (in this order) bound to <paramref name="challengeHash"/>.</summary>
    /// <exception cref="ArgumentException">No samples, an operator sample, or a challenge hash that is not 64 bytes.</exception>
    public static SecretBuffer Mix(ReadOnlySpan<byte> challengeHash, IReadOnlyList<EntropySample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (challengeHash.Length != ChallengeHashLength)
            throw new ArgumentException($"the challenge hash must be {ChallengeHashLength} bytes, got {challengeHash.Length}", nameof(challengeHash));
        if (samples.Count == 0)
            throw new ArgumentException("nothing to mix: at least the os source is required", nameof(samples));
        foreach (var s in samples)
            if (EntropyKinds.IsTypedText(s.Report.Kind))
                throw new ArgumentException("operator text is not mixed; it is appended after the seed (spec/ptau.md §6)", nameof(samples));

        var seed = new SecretBuffer(SeedLength);
        using var state = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<Blake2b>());
        ref Blake2b hasher = ref state.RevealAs<Blake2b>();
        hasher = new Blake2b();
        try
        {
            Prefixed(ref hasher, Encoding.UTF8.GetBytes(DomainLabel));
            Prefixed(ref hasher, challengeHash);
            Count(ref hasher, samples.Count);
            foreach (var s in samples)
            {
                Prefixed(ref hasher, Encoding.UTF8.GetBytes(s.Report.Kind));
                Prefixed(ref hasher, Encoding.UTF8.GetBytes(s.Report.Device));
                Prefixed(ref hasher, s.Bytes.Reveal());
            }
            hasher.Finish(seed.Reveal());
            return seed;
        }
        catch
        {
            seed.Dispose();
            throw;
        }
        finally
        {
            hasher.Wipe();
        }
    }

    private static void Prefixed(ref Blake2b hasher, ReadOnlySpan<byte> data)
    {
        Count(ref hasher, data.Length);
        hasher.Update(data);
    }

    private static void Count(ref Blake2b hasher, int n)
    {
        Span<byte> le = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(le, checked((uint)n));
        hasher.Update(le);
    }
}
