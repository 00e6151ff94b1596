using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static PowersOfTau.Crypto.Hashing.Blake2bCompression;

namespace PowersOfTau.Crypto.Hashing;

/// <summary>
/// BLAKE2b (RFC 7693), incremental, with optional key, salt and personalization; the ceremony uses
/// the unkeyed 64-byte form (BLAKE2b-512) for every transcript hash (spec/ptau.md §5).
/// <para>
/// <b>Buffering follows @noble/hashes 1.8 exactly</b> (the hasher snarkjs 0.7.6 uses): a full
/// 128-byte buffer is compressed only when more data arrives (BLAKE2 must know which block is last),
/// and when an <see cref="Update"/> call starts on an empty buffer, whole blocks are compressed
/// straight from the caller's span except the last one, which is copied into the buffer. That is
/// noble's aligned-input path; snarkjs always hashes freshly allocated (aligned) arrays, so the
/// stale bytes past <c>pos</c> in an exported <see cref="ExportPartialHash">partialHash</see> match
/// the bytes snarkjs writes.
/// </para>
/// <para>
/// <b>Secrets.</b> This is an unmanaged struct with all its state inline (no heap object, no copy
/// of the input beyond the one pending block). To hash secrets keep it on the stack or inside a
/// SecretBuffer (<c>ref var h = ref buffer.RevealAs&lt;Blake2b&gt;(); h = new Blake2b();</c>), pass it
/// by <c>ref</c> only (a by-value copy is a second copy of the state), and call
/// <see cref="Dispose"/> (or <see cref="Wipe"/>) in a <c>finally</c>. <see cref="Finish"/> wipes
/// the state itself and scrubs the stack band the compression function used.
/// After Finish or Wipe, or on a <c>default</c> instance, every method except Wipe/Dispose throws
/// <see cref="InvalidOperationException"/>.
/// </para>
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Blake2b : IDisposable
{
    /// <summary>Largest digest length in bytes (BLAKE2b-512).</summary>
    public const int MaxOutputLength = 64;

    /// <summary>Block length in bytes.</summary>
    public const int BlockLength = 128;

    /// <summary>Largest key length in bytes.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Exact salt and personalization lengths in bytes (or empty for none).</summary>
    public const int SaltLength = 16, PersonalizationLength = 16;

    /// <summary>Length of the exported state, the .ptau "partialHash" (spec/ptau.md §4).</summary>
    public const int PartialHashLength = 216;

    private fixed ulong _h[8];
    private fixed byte _buffer[BlockLength];
    private ulong _compressed;   // bytes already compressed (t, excluding the buffered ones)
    private int _pos;            // bytes in _buffer, 0..128
    private int _outputLength;   // 0 = default, finished or wiped

    /// <summary>An unkeyed BLAKE2b-512 hasher (64-byte digest), the one every ceremony hash uses.</summary>
    public Blake2b() : this(MaxOutputLength, default, default, default) { }

    /// <summary>
    /// A BLAKE2b hasher with the given digest length (1..64), and optionally a key (0..64 bytes),
    /// salt (0 or 16 bytes) and personalization (0 or 16 bytes), as RFC 7693 §2.5 and @noble/hashes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A length outside those ranges.</exception>
    public Blake2b(int outputLength, ReadOnlySpan<byte> key = default, ReadOnlySpan<byte> salt = default,
        ReadOnlySpan<byte> personalization = default)
    {
        if (outputLength is < 1 or > MaxOutputLength)
            throw new ArgumentOutOfRangeException(nameof(outputLength), "BLAKE2b digest length must be 1..64 bytes.");
        if (key.Length > MaxKeyLength)
            throw new ArgumentOutOfRangeException(nameof(key), "BLAKE2b key must be at most 64 bytes.");
        if (salt.Length is not (0 or SaltLength))
            throw new ArgumentOutOfRangeException(nameof(salt), "BLAKE2b salt must be empty or 16 bytes.");
        if (personalization.Length is not (0 or PersonalizationLength))
            throw new ArgumentOutOfRangeException(nameof(personalization), "BLAKE2b personalization must be empty or 16 bytes.");

        // Parameter block (RFC 7693 §2.5): digest length, key length, fanout 1, depth 1, rest zero.
        _h[0] = IV0 ^ (0x01010000UL | ((ulong)(uint)key.Length << 8) | (uint)outputLength);
        _h[1] = IV1; _h[2] = IV2; _h[3] = IV3;
        _h[4] = IV4; _h[5] = IV5; _h[6] = IV6; _h[7] = IV7;
        if (salt.Length != 0)
        {
            _h[4] ^= BinaryPrimitives.ReadUInt64LittleEndian(salt);
            _h[5] ^= BinaryPrimitives.ReadUInt64LittleEndian(salt[8..]);
        }
        if (personalization.Length != 0)
        {
            _h[6] ^= BinaryPrimitives.ReadUInt64LittleEndian(personalization);
            _h[7] ^= BinaryPrimitives.ReadUInt64LittleEndian(personalization[8..]);
        }
        _outputLength = outputLength;
        if (key.Length != 0)
        {
            // The key, zero-padded to a block, is the first block (compressed once more data or Finish comes).
            key.CopyTo(Buffer);
            _pos = BlockLength;
        }
    }

    /// <summary>Digest length in bytes that <see cref="Finish"/> writes.</summary>
    public readonly int OutputLength => _outputLength;

    /// <summary>Total bytes absorbed so far (including a key block), compressed or buffered.</summary>
    public readonly long BytesHashed => (long)_compressed + _pos;

    private Span<byte> Buffer => MemoryMarshal.CreateSpan(ref _buffer[0], BlockLength);

    /// <summary>Absorbs <paramref name="data"/>. Copies at most the last (up to 128) bytes into the state.</summary>
    public void Update(ReadOnlySpan<byte> data)
    {
        EnsureActive();
        ref ulong h = ref _h[0];
        ref byte buffer = ref _buffer[0];
        ref byte src = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int i = 0;
        while (i < length)
        {
            if (_pos == BlockLength)
            {
                // More data arrived, so the buffered block is not the last one.
                _compressed += BlockLength;
                Compress(ref h, ref buffer, _compressed, 0);
                _pos = 0;
            }
            int take = Math.Min(BlockLength - _pos, length - i);
            if (take == BlockLength && i + BlockLength < length)
            {
                // Empty buffer and more than a block left: compress from the input, keep the last block back.
                do
                {
                    _compressed += BlockLength;
                    Compress(ref h, ref Unsafe.Add(ref src, i), _compressed, 0);
                    i += BlockLength;
                } while (i + BlockLength < length);
                continue;
            }
            data.Slice(i, take).CopyTo(Buffer[_pos..]);
            _pos += take;
            i += take;
        }
    }

    /// <summary>
    /// Writes the digest (<see cref="OutputLength"/> bytes) to the start of <paramref name="output"/>,
    /// then wipes the state: the hasher cannot be used afterwards.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="OutputLength"/>.</exception>
    public void Finish(Span<byte> output)
    {
        EnsureActive();
        if (output.Length < _outputLength)
            throw new ArgumentException($"BLAKE2b output needs {_outputLength} bytes, got {output.Length}.", nameof(output));
        Buffer[_pos..].Clear();
        Compress(ref _h[0], ref _buffer[0], _compressed + (ulong)_pos, ulong.MaxValue);
        for (int i = 0; i < _outputLength; i++)
            output[i] = (byte)(_h[i >> 3] >> (8 * (i & 7)));
        Wipe();
    }

    /// <summary>One-shot unkeyed BLAKE2b with a digest of <c>output.Length</c> bytes (1..64; 64 = BLAKE2b-512).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is empty or longer than 64 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        var hasher = new Blake2b(output.Length);
        try
        {
            hasher.Update(data);
            hasher.Finish(output);
        }
        finally
        {
            hasher.Wipe();
        }
    }

    /// <summary>
    /// Writes the state as the 216-byte snarkjs "partialHash" (spec/ptau.md §4, snarkjs misc.toPartialHash):
    /// bytes 0..127 the block buffer (only the first <c>pos</c> bytes are pending input; the rest are
    /// left-overs, reproduced as noble leaves them), 128..191 h[0..7] u64 LE, 192..199 t (bytes
    /// compressed) u64 LE, 200..207 pos u64 LE, 208..215 zero.
    /// Only meaningful for an unkeyed 64-byte hasher; the parameter block is not part of the layout.
    /// <para>
    /// snarkjs 0.7.6 quirk: it stores t through a Uint32Array, i.e. only t mod 2^32 with a zero high word
    /// (checked: a noble state with length 2^32 + 96 exports t = 0), so from 4 GiB of compressed response
    /// data on (bn128 power ≥ 25) its partialHash no longer resumes to the right hash. By default this
    /// writes the full 64-bit t (identical below 4 GiB, and what blake2b-wasm-era files hold);
    /// <paramref name="truncateCounterLikeSnarkjs076"/> reproduces snarkjs 0.7.6's bytes.
    /// </para>
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not 216 bytes.</exception>
    public readonly void ExportPartialHash(Span<byte> destination, bool truncateCounterLikeSnarkjs076 = false)
    {
        EnsureActive();
        if (destination.Length != PartialHashLength)
            throw new ArgumentException("A partialHash is exactly 216 bytes.", nameof(destination));
        fixed (byte* buffer = _buffer)
            new ReadOnlySpan<byte>(buffer, BlockLength).CopyTo(destination);
        for (int i = 0; i < 8; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(BlockLength + 8 * i, 8), _h[i]);
        ulong t = truncateCounterLikeSnarkjs076 ? (uint)_compressed : _compressed;
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(192, 8), t);
        BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(200, 8), (ulong)_pos);
        destination.Slice(208, 8).Clear();
    }

    /// <summary>
    /// Resumes an unkeyed BLAKE2b-512 hasher from a 216-byte "partialHash" (snarkjs misc.fromPartialHash).
    /// Checks: t (bytes 192..199) is a multiple of 128; pos (200..207) is at most 128, and is not 0 once
    /// blocks were compressed (BLAKE2b always keeps the last block buffered). Bytes 208..215 are
    /// ignored (older blake2b-wasm files store the digest length there), and so are buffer bytes past pos
    /// (kept, so a re-export is byte-identical).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="partialHash"/> is not 216 bytes.</exception>
    /// <exception cref="InvalidPartialHashException">t or pos is impossible.</exception>
    public static Blake2b FromPartialHash(ReadOnlySpan<byte> partialHash)
    {
        if (partialHash.Length != PartialHashLength)
            throw new ArgumentException("A partialHash is exactly 216 bytes.", nameof(partialHash));
        ulong t = BinaryPrimitives.ReadUInt64LittleEndian(partialHash.Slice(192, 8));
        ulong pos = BinaryPrimitives.ReadUInt64LittleEndian(partialHash.Slice(200, 8));
        if (pos > BlockLength)
            throw new InvalidPartialHashException($"partialHash: buffered byte count {pos} exceeds the 128-byte block.");
        if (t % BlockLength != 0)
            throw new InvalidPartialHashException($"partialHash: compressed byte count {t} is not a multiple of 128.");
        if (pos == 0 && t != 0)
            throw new InvalidPartialHashException("partialHash: empty buffer after compressed blocks (BLAKE2b keeps the last block).");

        var state = new Blake2b();
        partialHash[..BlockLength].CopyTo(state.Buffer);
        for (int i = 0; i < 8; i++)
            state._h[i] = BinaryPrimitives.ReadUInt64LittleEndian(partialHash.Slice(BlockLength + 8 * i, 8));
        state._compressed = t;
        state._pos = (int)pos;
        return state;
    }

    /// <summary>
    /// Resumes like <see cref="FromPartialHash(ReadOnlySpan{byte})"/> when the caller knows how many bytes were
    /// absorbed before the state was saved (for a .ptau contribution: 64 + the compressed points). Accepts the
    /// stored t when it equals the count implied by <paramref name="absorbedBytes"/>, or equals it modulo 2^32
    /// with a zero high word (the snarkjs 0.7.6 truncation, see <see cref="ExportPartialHash"/>), and then
    /// resumes with the full count, i.e. the true BLAKE2b of the transcript.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="partialHash"/> is not 216 bytes.</exception>
    /// <exception cref="InvalidPartialHashException">t or pos is impossible, or t and pos disagree with <paramref name="absorbedBytes"/>.</exception>
    public static Blake2b FromPartialHash(ReadOnlySpan<byte> partialHash, ulong absorbedBytes)
    {
        if (partialHash.Length != PartialHashLength)
            throw new ArgumentException("A partialHash is exactly 216 bytes.", nameof(partialHash));
        ulong pos = BinaryPrimitives.ReadUInt64LittleEndian(partialHash.Slice(200, 8));
        ulong storedT = BinaryPrimitives.ReadUInt64LittleEndian(partialHash.Slice(192, 8));
        ulong expectedT = absorbedBytes - pos;
        if (pos > absorbedBytes || (storedT != expectedT && storedT != (uint)expectedT))
            throw new InvalidPartialHashException(
                $"partialHash: {storedT} bytes compressed + {pos} buffered does not match the {absorbedBytes} bytes the transcript holds.");
        var state = FromPartialHash(partialHash);
        state._compressed = expectedT;
        return state;
    }

    /// <summary>Zeroes the whole state (buffer, chaining value, counters) and scrubs the stack band of the compression function.</summary>
    public void Wipe()
    {
        PowersOfTau.Secrets.ConstantTime.Wipe(ref this);
        StackScrub.Run();
    }

    /// <summary>Same as <see cref="Wipe"/>.</summary>
    public void Dispose() => Wipe();

    private readonly void EnsureActive()
    {
        if (_outputLength == 0)
            throw new InvalidOperationException("This Blake2b was finished, wiped or never initialized; create a new one.");
    }
}
