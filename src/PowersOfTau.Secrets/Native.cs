using System.Runtime.InteropServices;

namespace PowersOfTau.Secrets;

/// <summary>libc entry points used to keep secret memory out of swap and core dumps (Linux only).</summary>
internal static partial class Native
{
    internal const int PROT_READ = 0x1, PROT_WRITE = 0x2, PROT_NONE = 0x0;
    internal const int MAP_PRIVATE = 0x02, MAP_ANONYMOUS = 0x20;
    internal const int MADV_DONTDUMP = 16, MADV_WIPEONFORK = 18;
    internal const int PR_SET_DUMPABLE = 4, PR_GET_DUMPABLE = 3;
    internal const int RLIMIT_CORE = 4;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int munmap(nint addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int mlock(nint addr, nuint len);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int munlock(nint addr, nuint len);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int madvise(nint addr, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int mprotect(nint addr, nuint len, int prot);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [StructLayout(LayoutKind.Sequential)]
    internal struct RLimit { public ulong Cur; public ulong Max; }

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int setrlimit(int resource, in RLimit rlim);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int getrlimit(int resource, out RLimit rlim);

    [LibraryImport("libc")]
    internal static partial long sysconf(int name);
    internal const int _SC_PAGESIZE = 30;

    internal static readonly nuint PageSize = (nuint)Math.Max(4096, sysconf(_SC_PAGESIZE));
}
