using System.Runtime.InteropServices;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// fsync of a directory, so that renames into it survive a power cut (the Ceremony room's DirectorySync does the
/// same for its own writes and is internal there).
/// </summary>
internal static partial class DirectoryFsync
{
    private const int O_RDONLY = 0, O_DIRECTORY = 0x10000, O_CLOEXEC = 0x80000;

    /// <summary>Flushes <paramref name="directory"/>'s entries to the disk; best effort (a failure is returned, not thrown).</summary>
    /// <returns>True when fsync succeeded.</returns>
    internal static bool Flush(string directory)
    {
        if (!OperatingSystem.IsLinux()) return false;
        int fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return false;
        try { return fsync(fd) == 0; }
        finally { close(fd); }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int close(int fd);
}
