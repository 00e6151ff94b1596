using System.Runtime.InteropServices;

namespace PowersOfTau.Interop.Tests.MemoryScan;

/// <summary>The few libc calls the memory-scan harness needs (Linux x86-64 / arm64).</summary>
internal static class Libc
{
    internal const int O_RDONLY = 0, O_WRONLY = 1, O_NONBLOCK = 0x800;
    internal const int SIGSTOP = 19, SIGCONT = 18;
    internal const int EAGAIN = 11;

    [DllImport("libc", SetLastError = true)]
    internal static extern int mkfifo(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    internal static extern int open(string path, int flags);

    [DllImport("libc", SetLastError = true)]
    internal static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    internal static extern unsafe nint write(int fd, byte* buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    internal static extern unsafe nint read(int fd, byte* buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    internal static extern int kill(int pid, int signal);
}
