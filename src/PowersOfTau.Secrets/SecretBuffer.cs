using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PowersOfTau.Secrets;

/// <summary>
/// A fixed-size block of secret bytes in unmanaged memory: its own anonymous pages (mmap), locked in RAM
/// (mlock, never swapped), excluded from core dumps (MADV_DONTDUMP) and wiped on fork (MADV_WIPEONFORK),
/// zeroed on <see cref="Dispose"/> and, as a last resort, by the finalizer. The bytes are never copied to
/// the GC heap by this type; <see cref="Reveal"/> is the one greppable way to read or write them.
/// No ToString, no debugger view, no implicit conversions.
/// </summary>
[DebuggerDisplay("SecretBuffer ({Length} bytes)")]
public sealed unsafe class SecretBuffer : IDisposable
{
    private nint _pages;
    private readonly nuint _mapped;
    private readonly int _length;

    /// <summary>Allocates <paramref name="length"/> zeroed secret bytes.</summary>
    /// <exception cref="SecretMemoryException">mmap or mlock failed (for example RLIMIT_MEMLOCK too low).</exception>
    public SecretBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        nuint page = Native.PageSize;
        _mapped = ((nuint)Math.Max(length, 1) + page - 1) / page * page;
        nint p = Native.mmap(0, _mapped, Native.PROT_READ | Native.PROT_WRITE, Native.MAP_PRIVATE | Native.MAP_ANONYMOUS, -1, 0);
        if (p == -1 || p == 0)
            throw new SecretMemoryException($"cannot map {_mapped} bytes of secret memory (errno {Marshal.GetLastPInvokeError()})");
        if (Native.mlock(p, _mapped) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Native.munmap(p, _mapped);
            throw new SecretMemoryException($"cannot lock {_mapped} bytes of secret memory in RAM (errno {errno}; raise RLIMIT_MEMLOCK, e.g. LimitMEMLOCK= in the systemd unit)");
        }
        if (Native.madvise(p, _mapped, Native.MADV_DONTDUMP) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Native.munlock(p, _mapped);
            Native.munmap(p, _mapped);
            throw new SecretMemoryException($"cannot exclude secret memory from core dumps (madvise errno {errno})");
        }
        // Best effort: a forked child (e.g. a helper process) sees zeros, not our secrets. Kernels before 4.14 lack it.
        _ = Native.madvise(p, _mapped, Native.MADV_WIPEONFORK);
        _pages = p;
        Interlocked.Add(ref s_liveBytes, (long)_mapped);
    }

    /// <summary>Allocates a buffer holding a copy of <paramref name="source"/>. The caller wipes its own copy.</summary>
    public static SecretBuffer CopyOf(ReadOnlySpan<byte> source)
    {
        var b = new SecretBuffer(source.Length);
        source.CopyTo(b.Reveal());
        return b;
    }

    /// <summary>Number of usable bytes.</summary>
    public int Length => _length;

    /// <summary>True once disposed; the memory is zeroed and unmapped.</summary>
    public bool IsDisposed => _pages == 0;

    /// <summary>The secret bytes. The span must not outlive this buffer and must not be copied to managed memory.</summary>
    public Span<byte> Reveal()
    {
        ObjectDisposedException.ThrowIf(_pages == 0, this);
        return new Span<byte>((void*)_pages, _length);
    }

    /// <summary>The secret bytes viewed as unmanaged values (e.g. ulong limbs); length is rounded down.</summary>
    public Span<T> Reveal<T>() where T : unmanaged => MemoryMarshal.Cast<byte, T>(Reveal());

    /// <summary>A reference to the first byte reinterpreted as <typeparamref name="T"/>, for stack-free struct access.</summary>
    public ref T RevealAs<T>() where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_pages == 0, this);
        if (sizeof(T) > _length) throw new ArgumentOutOfRangeException(nameof(T), "type larger than the buffer");
        return ref Unsafe.AsRef<T>((void*)_pages);
    }

    /// <summary>Address of the mapping, for tests that check locking and wiping (never for reading secrets).</summary>
    public nint AddressForDiagnostics => _pages;

    /// <summary>Bytes of secret memory currently mapped by all live buffers in this process.</summary>
    public static long LiveBytes => Interlocked.Read(ref s_liveBytes);
    private static long s_liveBytes;

    /// <summary>Wipes, unlocks and unmaps. Idempotent.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    ~SecretBuffer() => Release();

    private void Release()
    {
        nint p = Interlocked.Exchange(ref _pages, 0);
        if (p == 0) return;
        CryptographicOperations.ZeroMemory(new Span<byte>((void*)p, checked((int)_mapped)));
        Native.munlock(p, _mapped);
        if (!KeepMappingAfterDisposeForTests) Native.munmap(p, _mapped);
        Interlocked.Add(ref s_liveBytes, -(long)_mapped);
    }

    /// <summary>Tests only: leave the (wiped, unlocked) pages mapped so a test can observe that they are zero.</summary>
    internal static bool KeepMappingAfterDisposeForTests;

    /// <summary>Never reveals content.</summary>
    public override string ToString() => $"SecretBuffer({_length} bytes)";
}
