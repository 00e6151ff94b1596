using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// A real pseudo-terminal pair for the operator-console tests: the service opens <see cref="SlavePath"/> as its
/// console; the test reads what the service writes there (the prompt) and types on the master side.
/// </summary>
internal sealed unsafe partial class PseudoTerminal : IDisposable
{
    private const int O_RDWR = 0x2, O_NOCTTY = 0x100;
    private const uint ECHO = 0x8;
    private const int LocalFlagsOffset = 12; // struct termios { c_iflag, c_oflag, c_cflag, c_lflag, ... } on Linux
    private readonly int _master;
    private readonly FileStream _stream;
    private readonly StringBuilder _seen = new();
    private readonly Task _reader;

    public PseudoTerminal()
    {
        _master = posix_openpt(O_RDWR | O_NOCTTY);
        Assert.True(_master >= 0, "posix_openpt failed");
        Assert.Equal(0, grantpt(_master));
        Assert.Equal(0, unlockpt(_master));
        SlavePath = Marshal.PtrToStringUTF8(ptsname(_master))!;
        _stream = new FileStream(new SafeFileHandle(_master, ownsHandle: true), FileAccess.ReadWrite, 1);
        _reader = Task.Run(Read);
    }

    /// <summary>The terminal device the service opens (/dev/pts/N).</summary>
    public string SlavePath { get; }

    /// <summary>Everything the service wrote to the terminal (prompts, and any echo).</summary>
    public string Seen
    {
        get { lock (_seen) return _seen.ToString(); }
    }

    /// <summary>Whether the terminal's echo is off right now (the service is reading a secret line).</summary>
    public bool EchoOff
    {
        get
        {
            byte* termios = stackalloc byte[64];
            return tcgetattr(_master, termios) == 0 && (*(uint*)(termios + LocalFlagsOffset) & ECHO) == 0;
        }
    }

    /// <summary>Types <paramref name="text"/> (with its line end) on the keyboard side.</summary>
    public void Type(string text)
    {
        _stream.Write(Encoding.UTF8.GetBytes(text));
        _stream.Flush();
    }

    private void Read()
    {
        var buffer = new byte[256];
        try
        {
            int n;
            while ((n = _stream.Read(buffer)) > 0)
                lock (_seen) _seen.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // EIO once the service closed the slave side, or our own Dispose.
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _reader.Wait(2000);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc")]
    private static partial nint ptsname(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, byte* termios);
}
