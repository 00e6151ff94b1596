using System.Runtime.InteropServices;

namespace PowersOfTau.Ceremony.Files;

/// <summary>
/// The (device, inode) pair of a file, so that two paths naming the same file — through a symlink, a hard
/// link, a bind mount or "./" tricks — are recognised as one (stat(2), which follows symlinks).
/// Null on platforms without stat (Windows) or when the path does not exist.
/// </summary>
internal readonly partial record struct FileIdentity(ulong Device, ulong Inode)
{
    // struct stat on 64-bit Linux (x86_64 and the generic layout of aarch64/riscv64): st_dev u64 at 0,
    // st_ino u64 at 8; the whole struct is at most 144 bytes.
    private const int StatBufferSize = 256;

    internal static unsafe FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return null;
        byte* buffer = stackalloc byte[StatBufferSize];
        int rc;
        try
        {
            rc = Stat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat(_STAT_VER = 1 on x86_64, 0 on aarch64).
            rc = XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, buffer);
        }
        if (rc != 0) return null;
        return new FileIdentity(*(ulong*)buffer, *(ulong*)(buffer + 8));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Stat(string path, byte* buffer);

    [LibraryImport("libc", EntryPoint = "__xstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int XStat(int version, string path, byte* buffer);
}
