using System.Runtime.InteropServices;

namespace PowersOfTau.Secrets;

/// <summary>What <see cref="ProcessHardening.Apply"/> did and saw.</summary>
public sealed record HardeningReport(bool NotDumpable, bool CoreDumpsDisabled, bool SwapActive, long SwapTotalKiB);

/// <summary>
/// Process-wide measures for commands that hold secrets: not dumpable (no core file, no ptrace by
/// non-root peers, /proc/PID/mem closed to them), RLIMIT_CORE 0, and a look at whether swap is on.
/// </summary>
public static class ProcessHardening
{
    public static HardeningReport Apply()
    {
        if (!OperatingSystem.IsLinux()) return new HardeningReport(false, false, false, 0);
        bool notDumpable = Native.prctl(Native.PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
        var zero = new Native.RLimit { Cur = 0, Max = 0 };
        bool noCore = Native.setrlimit(Native.RLIMIT_CORE, zero) == 0;
        long swap = SwapTotalKiB();
        return new HardeningReport(notDumpable, noCore, swap > 0, swap);
    }

    /// <summary>True when the process is currently dumpable (PR_GET_DUMPABLE).</summary>
    public static bool IsDumpable => OperatingSystem.IsLinux() && Native.prctl(Native.PR_GET_DUMPABLE, 0, 0, 0, 0) == 1;

    /// <summary>Total active swap in KiB, from /proc/swaps (0 when none or unknown).</summary>
    public static long SwapTotalKiB()
    {
        try
        {
            long total = 0;
            foreach (var line in File.ReadLines("/proc/swaps").Skip(1))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 3 && long.TryParse(parts[2], out long kib)) total += kib;
            }
            return total;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>Current RLIMIT_CORE soft limit.</summary>
    public static ulong CoreLimit => Native.getrlimit(Native.RLIMIT_CORE, out var r) == 0 ? r.Cur : ulong.MaxValue;

    internal static int LastError => Marshal.GetLastPInvokeError();
}
