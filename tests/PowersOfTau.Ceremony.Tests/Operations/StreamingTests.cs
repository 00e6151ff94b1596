using System.Diagnostics;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using Xunit.Abstractions;

namespace PowersOfTau.Ceremony.Tests.Operations;

/// <summary>
/// Files far larger than any buffer are written and copied with bounded allocation: nothing loads a
/// section whole (the property that makes GB-sized ceremonies possible).
/// </summary>
public sealed class StreamingTests(ITestOutputHelper output) : IDisposable
{
    private const long AllocationBudget = 4L << 20;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void New_and_a_full_rewrite_of_a_power_17_file_allocate_a_few_MiB()
    {
        string original = _temp.File("p17.ptau");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        PowersOfTauNew.Write(CurveDescriptor.Bn128, 17, original);
        var newTime = clock.Elapsed;
        long newAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long size = new FileInfo(original).Length;
        Assert.Equal(12 + 12 + 44 + 12 * 6 + 4 + (2L * 131072 - 1) * 64 + 131072L * 128 + 2 * 131072L * 64 + 128, size);

        string copy = _temp.File("copy.ptau");
        before = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        using (var source = PtauFile.Open(original))
        {
            AtomicFileWriter.Write(copy, stream =>
            {
                var writer = new PtauFileWriter(stream, source.Header, source.DeclaredSectionCount);
                foreach (int id in PtauSections.PointSectionIds) writer.CopyPointSection(source, id);
                writer.WriteContributions(source.Contributions);
                writer.Complete();
            });
        }
        var copyTime = clock.Elapsed;
        long copyAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"file {size >> 20} MiB; new {newTime.TotalMilliseconds:F0} ms, {newAllocated >> 10} KiB allocated; " +
            $"copy {copyTime.TotalMilliseconds:F0} ms, {copyAllocated >> 10} KiB allocated (shared machine: noisy)");

        Assert.True(newAllocated < AllocationBudget, $"new allocated {newAllocated} bytes for a {size}-byte file");
        Assert.True(copyAllocated < AllocationBudget, $"the copy allocated {copyAllocated} bytes for a {size}-byte file");
        Assert.True(FilesEqual(original, copy));
    }

    private static bool FilesEqual(string a, string b)
    {
        using var x = File.OpenRead(a);
        using var y = File.OpenRead(b);
        if (x.Length != y.Length) return false;
        var bx = new byte[1 << 16];
        var by = new byte[1 << 16];
        int n;
        while ((n = x.Read(bx)) > 0)
        {
            y.ReadExactly(by.AsSpan(0, n));
            if (!bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, n))) return false;
        }
        return true;
    }
}
