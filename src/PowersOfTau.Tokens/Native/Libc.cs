using System.Runtime.InteropServices;

namespace PowersOfTau.Tokens.Native;

/// <summary>The few libc calls this room needs (Linux x86_64/arm64 glibc).</summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, SetLastError = true)] internal static partial nint read(int fd, byte* buffer, nuint count);
    [LibraryImport(Lib, SetLastError = true)] internal static partial nint write(int fd, byte* buffer, nuint count);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int isatty(int fd);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int tcgetattr(int fd, byte* termios);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int tcsetattr(int fd, int optionalActions, byte* termios);
    [LibraryImport(Lib, SetLastError = true)] internal static partial int tcflush(int fd, int queueSelector);
    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)] internal static partial int setenv(string name, string value, int overwrite);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial byte* getenv(string name);

    internal const int EINTR = 4;
    internal const int TCSANOW = 0;
    internal const int TCSAFLUSH = 2;
    internal const int TCIFLUSH = 0;
    /// <summary>sizeof(struct termios) on glibc Linux is 60; 64 leaves room.</summary>
    internal const int TermiosSize = 64;
    /// <summary>Offset of c_lflag: after c_iflag, c_oflag, c_cflag (tcflag_t = uint32 each).</summary>
    internal const int LocalFlagsOffset = 12;
    internal const uint ECHO = 0x8, ECHOE = 0x10, ECHOK = 0x20, ECHONL = 0x40, ICANON = 0x2;
}
