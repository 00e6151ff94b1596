using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace PowersOfTau.Crypto.Hashing;

/// <summary>
/// Overwrites a band of the current thread's stack below the caller's frame. Managed code cannot
/// wipe the spill slots the JIT gives to locals of a finished method (e.g. the sixteen message words
/// and working variables of a compression function that just hashed a secret); calling this right
/// after such a method, from the same frame, reuses and zeroes that stack region (the same idea as
/// libsodium's <c>sodium_stackzero</c>). Best effort by design: it bounds, not proves, residue.
/// </summary>
internal static class StackScrub
{
    /// <summary>Bytes scrubbed: comfortably more than the frames of the hash and RNG kernels (a few hundred bytes).</summary>
    internal const int Bytes = 1024;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    internal static void Run()
    {
        Span<byte> band = stackalloc byte[Bytes];
        CryptographicOperations.ZeroMemory(band);
    }
}
