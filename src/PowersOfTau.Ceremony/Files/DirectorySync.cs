using System.Runtime.InteropServices;

namespace PowersOfTau.Ceremony.Files;

/// <summary>
/// fsync(2) of a directory, so that a rename into it survives a power loss (the file's own fsync does not
/// cover the directory entry). A no-op where directories cannot be opened (Windows).
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0; // O_RDONLY: enough to open a directory for fsync on Linux

    internal static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux()) return;
        int fd = Open(directory, ReadOnly);
        if (fd < 0)
            throw new IOException($"{directory}: cannot open the directory to sync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                // EINVAL: the file system does not support syncing directories; nothing more can be done.
                if (errno != 22) throw new IOException($"{directory}: fsync of the directory failed (errno {errno})", errno);
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
