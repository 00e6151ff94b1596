using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Crypto.Rng;

/// <summary>
/// The deterministic generator of ffjavascript 0.3.1 (<c>src/chacha.js</c>, spec/ptau.md §6), which
/// snarkjs uses for every key it derives: the ChaCha20 block function (10 double rounds) over the
/// state <c>["expand 32-byte k" constants, seed0..seed7, counter0..counter3]</c>, where words 12..15
/// are a 128-bit block counter starting at 0 (word 12 least significant), incremented after each
/// block. Output: the 16 words of rounds(state) + state, consumed one u32 at a time in word order.
/// <para>
/// <b>Secrets.</b> The seed and every output are secret. This is an unmanaged struct with its whole
/// state inline: keep it on the stack or in a SecretBuffer
/// (<c>ref var rng = ref buffer.RevealAs&lt;ChaChaRng&gt;(); rng.Seed(words);</c>), seed it in place
/// with <see cref="Seed"/> / <see cref="SeedFromDigest"/>, pass it by <c>ref</c> only, and call
/// <see cref="Dispose"/> in a <c>finally</c> (zeroes state and output block, scrubs the stack band of
/// the block function). A <c>default</c> instance or a disposed one throws on use.
/// All operations are constant time (fixed rounds; the refill point depends only on the call count).
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ChaChaRng : IDisposable
{
    /// <summary>Seed length in 32-bit words.</summary>
    public const int SeedWords = 8;

    private fixed uint _state[16];
    private fixed uint _block[16];
    private int _index;    // next word of _block to hand out; 16 = refill first
    private int _seeded;   // 1 once seeded; 0 for default or disposed

    /// <summary>Creates a generator seeded with 8 words (same as <see cref="Seed"/>).</summary>
    public ChaChaRng(ReadOnlySpan<uint> seed) => Seed(seed);

    /// <summary>(Re)seeds in place with 8 words: ffjavascript <c>new ChaCha(seed)</c>. Counter restarts at 0.</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is not 8 words.</exception>
    public void Seed(ReadOnlySpan<uint> seed)
    {
        if (seed.Length != SeedWords)
            throw new ArgumentException("A ChaCha seed is exactly 8 32-bit words.", nameof(seed));
        _state[0] = 0x61707865; _state[1] = 0x3320646E; _state[2] = 0x79622D32; _state[3] = 0x6B206574;
        for (int i = 0; i < SeedWords; i++) _state[4 + i] = seed[i];
        _state[12] = 0; _state[13] = 0; _state[14] = 0; _state[15] = 0;
        _index = 16;
        _seeded = 1;
    }

    /// <summary>
    /// (Re)seeds in place from a hash: word i = big-endian u32 of bytes 4i..4i+3, i = 0..7 (only the first
    /// 32 bytes are used), as snarkjs <c>getRandomRng</c>, <c>hashToG2</c> and the beacon do with a
    /// BLAKE2b-512 or SHA-256 digest.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is shorter than 32 bytes.</exception>
    public void SeedFromDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length < 4 * SeedWords)
            throw new ArgumentException("A ChaCha seed needs at least 32 digest bytes.", nameof(digest));
        Span<uint> words = stackalloc uint[SeedWords];
        for (int i = 0; i < SeedWords; i++) words[i] = BinaryPrimitives.ReadUInt32BigEndian(digest.Slice(4 * i, 4));
        Seed(words);
        words.Clear();
    }

    /// <summary>The next 32-bit word (ffjavascript <c>nextU32</c>).</summary>
    public uint NextUInt32()
    {
        if (_seeded == 0)
            throw new InvalidOperationException("This ChaChaRng was never seeded or was disposed; seed it first.");
        if (_index == 16) Refill();
        return _block[_index++];
    }

    /// <summary>The next 64-bit value: the FIRST word drawn is the HIGH half (ffjavascript <c>nextU64</c>).</summary>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    /// <summary>The low bit of the next word (ffjavascript <c>nextBool</c>).</summary>
    public bool NextBool() => (NextUInt32() & 1) == 1;

    /// <summary>Zeroes seed, counter and buffered output and scrubs the stack band the block function used.</summary>
    public void Wipe()
    {
        PowersOfTau.Secrets.ConstantTime.Wipe(ref this);
        StackScrub.Run();
    }

    /// <summary>Same as <see cref="Wipe"/>.</summary>
    public void Dispose() => Wipe();

    private void Refill()
    {
        Block(ref _state[0], ref _block[0]);
        _index = 0;
        // 128-bit counter increment without data-dependent branches: carry = 1 while the lower words wrapped.
        uint carry = 1;
        for (int i = 12; i < 16; i++)
        {
            uint sum = _state[i] + carry;
            carry &= sum == 0 ? 1u : 0u;
            _state[i] = sum;
        }
    }

    /// <summary>out = 10 double rounds of ChaCha over <paramref name="input"/>, plus input (RFC 8439 §2.3 layout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block(ref uint input, ref uint output)
    {
        uint x0 = input, x1 = Unsafe.Add(ref input, 1), x2 = Unsafe.Add(ref input, 2), x3 = Unsafe.Add(ref input, 3);
        uint x4 = Unsafe.Add(ref input, 4), x5 = Unsafe.Add(ref input, 5), x6 = Unsafe.Add(ref input, 6), x7 = Unsafe.Add(ref input, 7);
        uint x8 = Unsafe.Add(ref input, 8), x9 = Unsafe.Add(ref input, 9), x10 = Unsafe.Add(ref input, 10), x11 = Unsafe.Add(ref input, 11);
        uint x12 = Unsafe.Add(ref input, 12), x13 = Unsafe.Add(ref input, 13), x14 = Unsafe.Add(ref input, 14), x15 = Unsafe.Add(ref input, 15);
        for (int round = 0; round < 10; round++)
        {
            QuarterRound(ref x0, ref x4, ref x8, ref x12);
            QuarterRound(ref x1, ref x5, ref x9, ref x13);
            QuarterRound(ref x2, ref x6, ref x10, ref x14);
            QuarterRound(ref x3, ref x7, ref x11, ref x15);
            QuarterRound(ref x0, ref x5, ref x10, ref x15);
            QuarterRound(ref x1, ref x6, ref x11, ref x12);
            QuarterRound(ref x2, ref x7, ref x8, ref x13);
            QuarterRound(ref x3, ref x4, ref x9, ref x14);
        }
        output = x0 + input;
        Unsafe.Add(ref output, 1) = x1 + Unsafe.Add(ref input, 1);
        Unsafe.Add(ref output, 2) = x2 + Unsafe.Add(ref input, 2);
        Unsafe.Add(ref output, 3) = x3 + Unsafe.Add(ref input, 3);
        Unsafe.Add(ref output, 4) = x4 + Unsafe.Add(ref input, 4);
        Unsafe.Add(ref output, 5) = x5 + Unsafe.Add(ref input, 5);
        Unsafe.Add(ref output, 6) = x6 + Unsafe.Add(ref input, 6);
        Unsafe.Add(ref output, 7) = x7 + Unsafe.Add(ref input, 7);
        Unsafe.Add(ref output, 8) = x8 + Unsafe.Add(ref input, 8);
        Unsafe.Add(ref output, 9) = x9 + Unsafe.Add(ref input, 9);
        Unsafe.Add(ref output, 10) = x10 + Unsafe.Add(ref input, 10);
        Unsafe.Add(ref output, 11) = x11 + Unsafe.Add(ref input, 11);
        Unsafe.Add(ref output, 12) = x12 + Unsafe.Add(ref input, 12);
        Unsafe.Add(ref output, 13) = x13 + Unsafe.Add(ref input, 13);
        Unsafe.Add(ref output, 14) = x14 + Unsafe.Add(ref input, 14);
        Unsafe.Add(ref output, 15) = x15 + Unsafe.Add(ref input, 15);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void QuarterRound(ref uint a, ref uint b, ref uint c, ref uint d)
    {
        a += b; d = BitOperations.RotateLeft(d ^ a, 16);
        c += d; b = BitOperations.RotateLeft(b ^ c, 12);
        a += b; d = BitOperations.RotateLeft(d ^ a, 8);
        c += d; b = BitOperations.RotateLeft(b ^ c, 7);
    }

    /// <summary>Test hook: sets the 128-bit block counter (words 12..15) to check the carry across words.</summary>
    internal void SetBlockCounterForTests(uint w12, uint w13, uint w14, uint w15)
    {
        _state[12] = w12; _state[13] = w13; _state[14] = w14; _state[15] = w15;
        _index = 16;
    }
}
