using System.Runtime.InteropServices;

namespace PowersOfTau.Tokens.Testing;

/// <summary>A pseudo-terminal pair (openpty) so tests can drive no-echo terminal input in-process.</summary>
internal sealed unsafe partial class Pty : IDisposable
{
    [LibraryImport("libc", SetLastError = true)] private static partial int openpty(out int master, out int slave, nint name, nint termios, nint winsize);
    [LibraryImport("libc", SetLastError = true)] private static partial int close(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial nint write(int fd, byte* buffer, nuint count);
    [LibraryImport("libc", SetLastError = true)] private static partial nint read(int fd, byte* buffer, nuint count);
    [LibraryImport("libc", SetLastError = true)] private static partial int tcgetattr(int fd, byte* termios);
    [LibraryImport("libc", SetLastError = true)] private static partial int poll(void* fds, nuint count, int timeout);

    public Pty()
    {
        if (openpty(out int m, out int s, 0, 0, 0) != 0) throw new InvalidOperationException($"openpty failed: errno {Marshal.GetLastPInvokeError()}");
        Master = m;
        Slave = s;
    }

    public int Master { get; }
    public int Slave { get; }

    /// <summary>True while the slave side has ECHO switched on.</summary>
    public bool SlaveEchoes
    {
        get
        {
            byte* t = stackalloc byte[64];
            if (tcgetattr(Slave, t) != 0) throw new InvalidOperationException("tcgetattr failed");
            return (*(uint*)(t + 12) & 0x8) != 0;
        }
    }

    /// <summary>Waits (up to 10 s) until the reader has switched echo off, i.e. is waiting for input.</summary>
    public void WaitForEchoOff()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (SlaveEchoes)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the reader never switched echo off");
            Thread.Sleep(5);
        }
    }

    /// <summary>Types text as if on the keyboard.</summary>
    public void Type(string text)
    {
        byte[] b = System.Text.Encoding.UTF8.GetBytes(text);
        fixed (byte* p = b) write(Master, p, (nuint)b.Length);
    }

    private readonly System.Text.StringBuilder _shown = new();

    /// <summary>True when a line is waiting to be read on the slave side (poll POLLIN, 100 ms).</summary>
    public bool SlaveHasInput()
    {
        long* pfd = stackalloc long[1];
        *(int*)pfd = Slave;
        *((short*)pfd + 2) = 1; // POLLIN
        *((short*)pfd + 3) = 0;
        return poll(pfd, 1, 100) > 0 && (*((short*)pfd + 3) & 1) != 0;
    }

    /// <summary>Waits (up to 10 s) until the display so far satisfies <paramref name="condition"/>.</summary>
    public void WaitForDisplay(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(Displayed()))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the terminal never showed the expected text");
            Thread.Sleep(5);
        }
    }

    /// <summary>Everything the terminal displayed so far (prompts and any echo), without blocking.</summary>
    public string Displayed()
    {
        var sb = _shown;
        byte* buffer = stackalloc byte[4096];
        long* pfd = stackalloc long[1];
        while (true)
        {
            *(int*)pfd = Master;
            *((short*)pfd + 2) = 1; // POLLIN
            *((short*)pfd + 3) = 0;
            if (poll(pfd, 1, 50) <= 0) break;
            nint n = read(Master, buffer, 4096);
            if (n <= 0) break;
            sb.Append(System.Text.Encoding.UTF8.GetString(buffer, (int)n));
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        close(Slave);
        close(Master);
    }
}
