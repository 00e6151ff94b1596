using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace PowersOfTau.Interop.Tests.MemoryScan;

/// <summary>
/// Reads another process's whole memory through /proc/PID/maps and /proc/PID/mem (needs root or CAP_SYS_PTRACE: tau
/// sets PR_SET_DUMPABLE 0, which only root gets past). Every mapping with resident pages is read, whatever its
/// protection (the kernel's FOLL_FORCE read also covers PROT_NONE pages); ranges the kernel refuses (EIO) are counted
/// as skipped.
/// </summary>
public static class ProcessMemory
{
    /// <summary>One mapping of the target.</summary>
    public sealed record Region(ulong Start, ulong End, string Permissions, string Name, long ResidentKiB);

    /// <summary>A hit of a pattern.</summary>
    public sealed record Hit(string Pattern, ulong Address, Region Region);

    /// <summary>What a scan saw.</summary>
    public sealed record ScanResult(IReadOnlyList<Hit> Hits, long BytesRead, long BytesSkipped, int Regions);

    /// <summary>The mappings of <paramref name="pid"/> with their resident size (from /proc/PID/smaps).</summary>
    public static List<Region> Regions(int pid)
    {
        var regions = new List<Region>();
        Region? current = null;
        foreach (string line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (IsMapsLine(line))
            {
                if (current is not null) regions.Add(current);
                string[] f = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                string[] range = f[0].Split('-');
                current = new Region(ulong.Parse(range[0], NumberStyles.HexNumber), ulong.Parse(range[1], NumberStyles.HexNumber), f[1],
                    f.Length > 5 ? f[5].Trim() : "[anon]", 0);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal) && current is not null)
            {
                current = current with { ResidentKiB = long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) };
            }
        }
        if (current is not null) regions.Add(current);
        return regions;
    }

    // A maps line: "start-end perms offset dev inode [path]"; the smaps attribute lines are "Key:   value kB".
    private static bool IsMapsLine(string line)
    {
        int dash = line.IndexOf('-', StringComparison.Ordinal), space = line.IndexOf(' ', StringComparison.Ordinal);
        return dash > 0 && space > dash && line[..dash].All(char.IsAsciiHexDigit) && line[(dash + 1)..space].All(char.IsAsciiHexDigit);
    }

    /// <summary>Searches every resident mapping of <paramref name="pid"/> for every pattern.</summary>
    public static ScanResult Scan(int pid, IReadOnlyDictionary<string, byte[]> patterns)
    {
        const int Chunk = 1 << 20;
        int overlap = patterns.Values.Max(p => p.Length) - 1;
        var hits = new List<Hit>();
        long read = 0, skipped = 0;
        var regions = Regions(pid).Where(r => r.ResidentKiB > 0 && r.Name is not "[vvar]" and not "[vsyscall]" and not "[vvar_vclock]").ToList();
        using SafeFileHandle mem = File.OpenHandle($"/proc/{pid}/mem", FileMode.Open, FileAccess.Read);
        byte[] buffer = new byte[Chunk + overlap];
        foreach (var region in regions)
        {
            int carried = 0; // bytes at the start of buffer kept from the previous chunk (patterns across chunk borders)
            for (ulong at = region.Start; at < region.End; at += Chunk)
            {
                int want = (int)Math.Min((ulong)Chunk, region.End - at);
                int got;
                try { got = RandomAccess.Read(mem, buffer.AsSpan(carried, want), (long)at); }
                catch (IOException) { got = 0; }
                if (got <= 0) { skipped += want; carried = 0; continue; }
                read += got;
                var window = buffer.AsSpan(0, carried + got);
                ulong windowStart = at - (ulong)carried;
                foreach (var (name, pattern) in patterns)
                    for (int from = 0, i; (i = window[from..].IndexOf(pattern)) >= 0; from += i + 1)
                        if (from + i + pattern.Length > carried) // not already reported from the previous window
                            hits.Add(new Hit(name, windowStart + (ulong)(from + i), region));
                carried = Math.Min(overlap, window.Length);
                window[^carried..].CopyTo(buffer);
            }
        }
        return new ScanResult(hits, read, skipped, regions.Count);
    }
}
