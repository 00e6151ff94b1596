using System.Globalization;
using System.Text.RegularExpressions;
using PowersOfTau.Secrets;

namespace PowersOfTau.Secrets.Tests;

[Collection("process-wide secret state")]
public partial class SecretBufferTests
{
    [GeneratedRegex("^([0-9a-f]+)-([0-9a-f]+) ")]
    private static partial Regex MappingHeader();

    /// <summary>The /proc/self/smaps block (header + "Key: value" lines) of the mapping that holds <paramref name="address"/>.</summary>
    private static string[] SmapsEntry(nint address)
    {
        var lines = File.ReadAllLines("/proc/self/smaps");
        for (int i = 0; i < lines.Length; i++)
        {
            var m = MappingHeader().Match(lines[i]);
            if (!m.Success) continue;
            ulong lo = ulong.Parse(m.Groups[1].Value, NumberStyles.HexNumber);
            ulong hi = ulong.Parse(m.Groups[2].Value, NumberStyles.HexNumber);
            if ((ulong)address < lo || (ulong)address >= hi) continue;
            int j = i + 1;
            while (j < lines.Length && !MappingHeader().IsMatch(lines[j])) j++;
            return lines[i..j];
        }
        return [];
    }

    private static string Field(string[] entry, string key) =>
        entry.Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

    [Fact]
    public void Memory_is_locked_and_excluded_from_core_dumps()
    {
        using var b = new SecretBuffer(100);
        b.Reveal().Fill(0xA5);
        var entry = SmapsEntry(b.AddressForDiagnostics);
        Assert.NotEmpty(entry);
        Assert.NotEqual("0 kB", Field(entry, "Locked"));
        var flags = Field(entry, "VmFlags").Split(' ');
        Assert.Contains("lo", flags); // VM_LOCKED
        Assert.Contains("dd", flags); // VM_DONTDUMP
    }

    [Fact]
    public unsafe void Dispose_zeroes_the_memory()
    {
        SecretBuffer.KeepMappingAfterDisposeForTests = true;
        try
        {
            var b = new SecretBuffer(5000);
            b.Reveal().Fill(0x5A);
            byte* p = (byte*)b.AddressForDiagnostics;
            Assert.Equal(0x5A, p[0]);
            Assert.Equal(0x5A, p[4999]);
            b.Dispose();
            Assert.True(b.IsDisposed);
            Assert.Throws<ObjectDisposedException>(() => b.Reveal());
            for (int i = 0; i < 8192; i++) Assert.Equal(0, p[i]); // both pages of the mapping
        }
        finally { SecretBuffer.KeepMappingAfterDisposeForTests = false; }
    }

    [Fact]
    public void Dispose_unmaps()
    {
        var b = new SecretBuffer(64);
        nint addr = b.AddressForDiagnostics;
        Assert.NotEmpty(SmapsEntry(addr));
        b.Dispose();
        b.Dispose(); // idempotent
        Assert.DoesNotContain(SmapsEntry(addr), l => l.StartsWith("VmFlags:", StringComparison.Ordinal) && l.Contains(" dd"));
    }

    [Fact]
    public void ToString_never_shows_content()
    {
        using var b = SecretBuffer.CopyOf("hunter2"u8);
        Assert.DoesNotContain("hunter2", b.ToString());
        Assert.Equal(7, b.Length);
        Assert.True(b.Reveal().SequenceEqual("hunter2"u8));
    }

    [Fact]
    public void ConstantTime_select_and_masks()
    {
        Assert.Equal(ulong.MaxValue, ConstantTime.IsZeroMask(0UL));
        Assert.Equal(0UL, ConstantTime.IsZeroMask(1UL << 63));
        Assert.Equal(0UL, ConstantTime.IsZeroMask(1UL));
        Assert.Equal(7UL, ConstantTime.Select(ulong.MaxValue, 7, 9));
        Assert.Equal(9UL, ConstantTime.Select(0, 7, 9));
        Assert.Equal(ulong.MaxValue, ConstantTime.LessThanMask(3, ulong.MaxValue));
        Assert.Equal(0UL, ConstantTime.LessThanMask(ulong.MaxValue, 3));
        Assert.Equal(0UL, ConstantTime.LessThanMask(5, 5));
        Assert.Equal(ulong.MaxValue, ConstantTime.LessThanMask(0, 1UL << 63));
        Span<ulong> x = [1, 2], y = [3, 4];
        ConstantTime.ConditionalSwap(ulong.MaxValue, x, y);
        Assert.Equal([3UL, 4UL], x.ToArray());
        Assert.Equal([1UL, 2UL], y.ToArray());
        ConstantTime.ConditionalSwap(0, x, y);
        Assert.Equal([3UL, 4UL], x.ToArray());
    }

    [Fact]
    public void Hardening_makes_process_not_dumpable_and_disables_core()
    {
        var report = ProcessHardening.Apply();
        Assert.True(report.NotDumpable);
        Assert.False(ProcessHardening.IsDumpable);
        Assert.Equal(0UL, ProcessHardening.CoreLimit);
    }
}
