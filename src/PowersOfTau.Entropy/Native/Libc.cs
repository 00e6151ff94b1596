using System.Runtime.InteropServices;

namespace PowersOfTau.Entropy.Native;

/// <summary>The libc calls of the entropy sources.</summary>
internal static unsafe partial class Libc
{
    [LibraryImport("libc", SetLastError = true)] internal static partial nint getrandom(byte* buffer, nuint length, uint flags);
    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] internal static partial int open(string path, int flags);
    [LibraryImport("libc", SetLastError = true)] internal static partial nint read(int fd, byte* buffer, nuint count);
    [LibraryImport("libc", SetLastError = true)] internal static partial int close(int fd);

    internal const int EINTR = 4;
    internal const int O_RDONLY = 0, O_CLOEXEC = 0x80000;
}
