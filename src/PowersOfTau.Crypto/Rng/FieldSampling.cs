using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Rng;

/// <summary>
/// Field elements from a <see cref="ChaChaRng"/>, exactly as ffjavascript 0.3.1 <c>F.fromRng</c>
/// (wasm_field1.js; spec/ptau.md §6), which snarkjs uses for τ, α, β, δ and the point sampling of
/// hashToG2: n64 limbs v_i = rng.NextUInt64() (limb 0 first), v masked to bitlen(p) bits, drawn again
/// while v ≥ p.
/// <para>
/// <b>The Montgomery quirk.</b> ffjavascript returns the bytes LE(v) as a field element in its
/// internal Montgomery form, so the element snarkjs uses is <b>v · R⁻¹ mod p</b>
/// (R = 2^(64·n64)), not v. Every key derived from a seed depends on this; a sampler that returned v
/// would derive different keys. Here v is passed to <c>T.FromMontgomeryLimbs</c> unchanged, which is
/// the same interpretation.
/// </para>
/// <para>
/// Constant time apart from the rejection loop, whose iteration count is public in the sense that it
/// is independent of the accepted value (each draw is fresh); the comparison with p is branch-free.
/// </para>
/// </summary>
public static class FieldSampling
{
    private const int MaxLimbs = 6;

    /// <summary>
    /// Draws one element of <typeparamref name="T"/> into <paramref name="destination"/> (pass a ref into
    /// SecretBuffer memory for secrets, e.g. <c>FromRng(ref rng, out secret.RevealAs&lt;Fr254&gt;())</c>).
    /// Temporaries live on the stack and are wiped; the stack band below is scrubbed.
    /// </summary>
    public static void FromRng<T>(ref ChaChaRng rng, out T destination) where T : unmanaged, IPrimeField<T>
    {
        Span<ulong> modulus = stackalloc ulong[MaxLimbs];
        Span<ulong> limbs = stackalloc ulong[MaxLimbs];
        int n = T.LimbCount;
        ReadModulus(T.ModulusLE, modulus[..n]);
        try
        {
            FromRngMontgomeryLimbs(ref rng, modulus[..n], limbs[..n]);
            destination = T.FromMontgomeryLimbs(limbs[..n]);
        }
        finally
        {
            PowersOfTau.Secrets.ConstantTime.Wipe(System.Runtime.InteropServices.MemoryMarshal.AsBytes(limbs));
            PowersOfTau.Crypto.Hashing.StackScrub.Run();
        }
    }

    /// <summary>
    /// Draws one element of the quadratic extension: c0 first, then c1, each as
    /// <see cref="FromRng{T}(ref ChaChaRng, out T)"/> (ffjavascript <c>F2.fromRng</c>; spec/ptau.md §6).
    /// </summary>
    public static void FromRng<TFp>(ref ChaChaRng rng, out Fp2<TFp> destination) where TFp : unmanaged, IPrimeField<TFp>
    {
        FromRng(ref rng, out TFp c0);
        FromRng(ref rng, out TFp c1);
        destination = new Fp2<TFp>(c0, c1);
        PowersOfTau.Secrets.ConstantTime.Wipe(ref c0);
        PowersOfTau.Secrets.ConstantTime.Wipe(ref c1);
        PowersOfTau.Crypto.Hashing.StackScrub.Run();
    }

    /// <summary>
    /// The raw draw: writes v (little-endian 64-bit limbs, v &lt; modulus) to <paramref name="destination"/>.
    /// These limbs are what ffjavascript's <c>fromRng</c> returns as bytes, i.e. the Montgomery
    /// representation of the sampled element (see the class remarks). <paramref name="modulus"/> is p as
    /// little-endian limbs with a nonzero top limb; <paramref name="destination"/> has the same length.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, exceed 6 limbs, or the top modulus limb is zero.</exception>
    public static void FromRngMontgomeryLimbs(ref ChaChaRng rng, ReadOnlySpan<ulong> modulus, Span<ulong> destination)
    {
        int n = modulus.Length;
        if (n is 0 or > MaxLimbs || destination.Length != n || modulus[n - 1] == 0)
            throw new ArgumentException("Modulus must be 1..6 limbs with a nonzero top limb, destination the same length.", nameof(modulus));

        // mask = 2^bitlen(p) - 1; it only touches the top limb since the top modulus limb is nonzero.
        int topBits = 64 - System.Numerics.BitOperations.LeadingZeroCount(modulus[n - 1]);
        ulong topMask = topBits == 64 ? ulong.MaxValue : (1UL << topBits) - 1;
        while (true)
        {
            for (int i = 0; i < n; i++) destination[i] = rng.NextUInt64();
            destination[n - 1] &= topMask;
            if (LessThanMask(destination, modulus) != 0) return;   // rejection: reveals only that a draw was discarded
        }
    }

    /// <summary>All-ones when a &lt; b (same length), by the final borrow of a − b; branch-free.</summary>
    private static ulong LessThanMask(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        ulong borrow = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ulong x = a[i], y = b[i];
            ulong d = x - y - borrow;
            borrow = ((~x & y) | (~(x ^ y) & d)) >> 63;
        }
        return 0 - borrow;
    }

    private static void ReadModulus(ReadOnlySpan<byte> modulusLE, Span<ulong> limbs)
    {
        for (int i = 0; i < limbs.Length; i++)
            limbs[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(modulusLE.Slice(8 * i, 8));
    }
}
