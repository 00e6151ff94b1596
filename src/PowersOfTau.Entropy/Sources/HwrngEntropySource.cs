using System.Runtime.InteropServices;
using PowersOfTau.Entropy.Native;
using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// The kernel's hardware RNG character device (/dev/hwrng: virtio-rng in a VM, tpm-rng, a USB TRNG), read
/// straight into secret memory. Usually root-only (mode 0600). The device identity is the driver the kernel
/// currently uses (/sys/class/misc/hw_random/rng_current).
/// </summary>
public sealed unsafe class HwrngEntropySource(string devicePath = "/dev/hwrng", string currentDriverPath = "/sys/class/misc/hw_random/rng_current") : IEntropySource
{
    /// <inheritdoc/>
    public string Kind => EntropyKinds.Hwrng;

    /// <inheritdoc/>
    public EntropySample Draw(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        if (!File.Exists(devicePath))
            throw new EntropyException($"hwrng: {devicePath} does not exist (no hardware RNG driver loaded); remove the hwrng source or load one (e.g. modprobe virtio-rng, tpm-rng)");
        string driver = ReadDriver();
        if (driver is "" or "none")
            throw new EntropyException($"hwrng: {devicePath} has no current RNG driver ({currentDriverPath} says '{driver}')");
        int fd = Libc.open(devicePath, Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new EntropyException($"hwrng: cannot open {devicePath} (errno {errno}{(errno == 13 ? ": permission denied; it is usually root-only" : "")})");
        }
        var buffer = new SecretBuffer(byteCount);
        try
        {
            fixed (byte* p = buffer.Reveal())
            {
                int done = 0;
                while (done < byteCount)
                {
                    nint n = Libc.read(fd, p + done, (nuint)(byteCount - done));
                    if (n < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                    if (n <= 0) throw new EntropyException($"hwrng: reading {devicePath} failed after {done} of {byteCount} bytes (errno {Marshal.GetLastPInvokeError()})");
                    done += (int)n;
                }
            }
            return new EntropySample(new EntropyReport(Kind, $"{devicePath} ({driver})", byteCount, Hardware: true), buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        finally
        {
            Libc.close(fd);
        }
    }

    private string ReadDriver()
    {
        try { return File.ReadAllText(currentDriverPath).Trim(); }
        catch (IOException) { return "unknown driver"; }
        catch (UnauthorizedAccessException) { return "unknown driver"; }
    }
}
