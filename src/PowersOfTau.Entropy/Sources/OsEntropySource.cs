using System.Runtime.InteropServices;
using PowersOfTau.Entropy.Native;
using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// The kernel CSPRNG through getrandom(2) (flags 0: blocks until the pool is initialised, never returns
/// weak bytes), written straight into secret memory. Always part of the mix.
/// </summary>
public sealed unsafe class OsEntropySource : IEntropySource
{
    /// <inheritdoc/>
    public string Kind => EntropyKinds.Os;

    /// <inheritdoc/>
    public EntropySample Draw(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var buffer = new SecretBuffer(byteCount);
        try
        {
            Fill(buffer.Reveal());
            return new EntropySample(new EntropyReport(Kind, "linux getrandom(2)", byteCount, Hardware: false), buffer);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Fills <paramref name="destination"/> from getrandom(2), looping over short reads and EINTR.</summary>
    /// <exception cref="EntropyException">getrandom failed.</exception>
    public static void Fill(Span<byte> destination)
    {
        fixed (byte* p = destination)
        {
            int done = 0;
            while (done < destination.Length)
            {
                nint n = Libc.getrandom(p + done, (nuint)(destination.Length - done), 0);
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == Libc.EINTR) continue;
                    throw new EntropyException($"os entropy: getrandom(2) failed with errno {errno}");
                }
                done += (int)n;
            }
        }
    }
}
