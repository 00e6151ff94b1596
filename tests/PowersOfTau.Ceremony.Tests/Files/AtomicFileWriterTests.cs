using System.Diagnostics;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Files;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Commit_publishes_the_bytes_and_leaves_no_temporary_file()
    {
        string output = _temp.File("out.ptau");
        string? temporary = null;
        AtomicFileWriter.Write(output, stream =>
        {
            temporary = stream.Name;
            stream.Write([1, 2, 3]);
            Assert.False(File.Exists(output));
        });
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(output));
        Assert.StartsWith(output + ".tmp-", temporary);
        Assert.Equal(["out.ptau"], _temp.Entries());
    }

    [Fact]
    public void An_exception_while_writing_removes_the_temporary_file()
    {
        string output = _temp.File("out.ptau");
        var e = Assert.Throws<InvalidDataException>(() => AtomicFileWriter.Write(output, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new InvalidDataException("boom");
        }));
        Assert.Equal("boom", e.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void Cancellation_without_commit_removes_the_temporary_file()
    {
        string output = _temp.File("out.ptau");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
        {
            using var writer = AtomicFileWriter.Create(output);
            writer.Stream.Write([9]);
            Assert.True(File.Exists(writer.TemporaryPath));
            cancel.Token.ThrowIfCancellationRequested();
            writer.Commit();
        });
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void An_existing_output_is_refused_without_force_and_replaced_with_it()
    {
        string output = _temp.Write("out.ptau", [7]);
        var e = Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(output));
        Assert.Contains("exists", e.Message);
        Assert.Contains("--force", e.Message);
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(output));

        AtomicFileWriter.Write(output, s => s.Write([8]), overwrite: true);
        Assert.Equal(new byte[] { 8 }, File.ReadAllBytes(output));
        Assert.Equal(["out.ptau"], _temp.Entries());
    }

    [Fact]
    public void An_output_that_appears_while_writing_is_not_overwritten()
    {
        string output = _temp.File("out.ptau");
        Assert.Throws<OutputFileException>(() => AtomicFileWriter.Write(output, s =>
        {
            s.Write([1]);
            File.WriteAllBytes(output, [2]);
        }));
        Assert.Equal(new byte[] { 2 }, File.ReadAllBytes(output));
        Assert.Equal(["out.ptau"], _temp.Entries());
    }

    [Fact]
    public void The_input_itself_is_refused_even_with_force()
    {
        string input = _temp.Write("in.ptau", [1]);
        foreach (bool force in new[] { false, true })
        {
            var e = Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(input, force, [input]));
            Assert.Contains("is the input file", e.Message);
        }
        string dotted = Path.Combine(_temp.Path, "sub", "..", "in.ptau");
        Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(dotted, true, [input]));
        Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(input));
    }

    [Fact]
    public void The_input_through_a_symlink_is_refused()
    {
        string input = _temp.Write("in.ptau", [1]);
        string link = _temp.File("link.ptau");
        File.CreateSymbolicLink(link, input);
        Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(link, overwrite: true, [input]));
        Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(input, overwrite: true, [link]));
        Assert.Equal(new byte[] { 1 }, File.ReadAllBytes(input));
    }

    [Fact]
    public void The_input_through_a_hard_link_is_refused()
    {
        string input = _temp.Write("in.ptau", [1]);
        string link = _temp.File("hard.ptau");
        using (var ln = Process.Start("ln", [input, link])) ln.WaitForExit();
        Assert.True(File.Exists(link));
        var e = Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(link, overwrite: true, [input]));
        Assert.Contains("is the input file", e.Message);
    }

    [Fact]
    public void A_different_input_with_the_same_content_is_accepted()
    {
        string input = _temp.Write("in.ptau", [1]);
        string other = _temp.Write("other.ptau", [1]);
        AtomicFileWriter.Write(other, s => s.Write([2]), overwrite: true, [input]);
        Assert.Equal(new byte[] { 2 }, File.ReadAllBytes(other));
    }

    [Fact]
    public void A_full_disk_is_reported_as_such_and_the_temporary_file_removed()
    {
        IOException enospc;
        try
        {
            using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            full.Write(new byte[10]);
            full.Flush(true);
            throw new InvalidOperationException("/dev/full accepted the write");
        }
        catch (IOException e)
        {
            enospc = e;
        }
        Assert.True(AtomicFileWriter.IsDiskFull(enospc));
        Assert.False(AtomicFileWriter.IsDiskFull(new IOException("other")));

        string output = _temp.File("out.ptau");
        var error = Assert.Throws<OutputFileException>(() => AtomicFileWriter.Write(output, s =>
        {
            s.Write([1]);
            throw enospc;
        }));
        Assert.True(error.IsDiskFull);
        Assert.Contains("no space left", error.Message);
        Assert.StartsWith(output + ":", error.Message);
        Assert.Empty(_temp.Entries());
    }

    [Fact]
    public void A_missing_directory_is_reported_as_such()
    {
        string output = Path.Combine(_temp.Path, "absent", "out.ptau");
        var e = Assert.Throws<OutputFileException>(() => AtomicFileWriter.Create(output));
        Assert.Contains("does not exist", e.Message);
        Assert.StartsWith(output + ":", e.Message);
    }
}
