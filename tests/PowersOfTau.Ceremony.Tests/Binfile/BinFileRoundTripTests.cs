using CsCheck;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Binfile;

public sealed class BinFileRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly Gen<(int Id, byte[] Body, bool SizeUpFront)[]> Sections =
        Gen.Select(Gen.Int[0, 20], Gen.Byte.Array[0, 300], Gen.Bool).Array[0, 8];

    [Fact]
    public void Written_sections_are_indexed_where_an_independent_splitter_finds_them()
    {
        Sections.Sample(sections =>
        {
            var output = new MemoryStream();
            var writer = new BinFileWriter(output, "zkey", 1, (uint)sections.Length);
            foreach (var (id, body, upFront) in sections)
            {
                var stream = upFront ? writer.BeginSection(id, body.Length) : writer.BeginSection(id);
                stream.Write(body);
                writer.EndSection();
            }
            writer.Complete();

            var bytes = output.ToArray();
            var raw = RawBinfile.Split(bytes);
            Assert.Equal("zkey"u8.ToArray(), raw.Magic);
            Assert.Equal(sections.Select(s => ((uint)s.Id, s.Body)), raw.Sections.Select(s => (s.Id, s.Body)));

            // Sample runs on several threads: one file per case.
            string path = _temp.Write($"{Guid.NewGuid():N}.zkey", bytes);
            using var reader = BinFileReader.Open(path, "zkey");
            Assert.Equal((uint)sections.Length, reader.DeclaredSectionCount);
            Assert.Equal(sections.Select(s => s.Id), reader.SectionsInFileOrder.Select(s => s.Id));
            foreach (var (located, expected) in reader.SectionsInFileOrder.Zip(sections))
            {
                using var stream = reader.OpenSection(located);
                var body = new MemoryStream();
                stream.CopyTo(body);
                Assert.Equal(expected.Body, body.ToArray());
            }
            foreach (var group in sections.GroupBy(s => s.Id))
                Assert.Equal(group.Count(), reader.GetSections(group.Key).Count);
        }, iter: 200);
    }

    [Fact]
    public void Copying_a_section_larger_than_the_buffer_streams_it_whole_and_in_part()
    {
        var body = new byte[(3 << 20) + 7];
        new Random(7).NextBytes(body);
        string source = _temp.File("src.ptau");
        using (var file = File.Create(source))
        {
            var writer = new BinFileWriter(file, "ptau", 1, 1);
            writer.WriteSection(2, body);
            writer.Complete();
        }
        using var reader = BinFileReader.Open(source, "ptau");
        var section = reader.GetSingleSection(2);
        foreach (long count in new[] { body.Length, (1 << 20) + 1, 0 })
        {
            var copy = new MemoryStream();
            var writer = new BinFileWriter(copy, "ptau", 1, 1);
            writer.CopySection(reader, section, asId: 12, byteCount: count);
            writer.Complete();
            var raw = RawBinfile.Split(copy.ToArray());
            Assert.Equal(12u, raw.Sections.Single().Id);
            Assert.Equal(body.AsSpan(0, (int)count).ToArray(), raw.Sections.Single().Body);
        }
    }

    [Fact]
    public void Copying_stops_when_cancelled()
    {
        string source = _temp.File("src.ptau");
        using (var file = File.Create(source))
        {
            var writer = new BinFileWriter(file, "ptau", 1, 1);
            writer.WriteSection(2, new byte[10]);
            writer.Complete();
        }
        using var reader = BinFileReader.Open(source, "ptau");
        var target = new BinFileWriter(new MemoryStream(), "ptau", 1, 1);
        Assert.Throws<OperationCanceledException>(() =>
            target.CopySection(reader, reader.GetSingleSection(2), cancellationToken: new CancellationToken(true)));
    }

    [Fact]
    public void The_writer_enforces_the_declared_count_and_announced_sizes()
    {
        var writer = new BinFileWriter(new MemoryStream(), "ptau", 1, 2);
        writer.WriteSection(1, [1]);
        Assert.Throws<InvalidOperationException>(writer.Complete);
        writer.BeginSection(2, 4).Write([1, 2, 3]);
        Assert.Throws<InvalidOperationException>(writer.EndSection);

        var full = new BinFileWriter(new MemoryStream(), "ptau", 1, 1);
        full.WriteSection(1, []);
        Assert.Throws<InvalidOperationException>(() => full.BeginSection(2));
    }

    [Fact]
    public void Section_reads_are_bounded_to_the_section()
    {
        var output = new MemoryStream();
        var writer = new BinFileWriter(output, "ptau", 1, 2);
        writer.WriteSection(1, [1, 2, 3]);
        writer.WriteSection(2, [4, 5]);
        writer.Complete();
        using var reader = BinFileReader.Open(_temp.Write("f.ptau", output.ToArray()), "ptau");
        using var stream = reader.OpenSection(reader.GetSingleSection(1));
        var buffer = new byte[10];
        Assert.Equal(3, stream.Read(buffer));
        Assert.Equal(0, stream.Read(buffer));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.ReadSection(reader.GetSingleSection(2), 1, new byte[2]));
        var e = Assert.Throws<CeremonyFormatException>(() => reader.ReadWholeSection(reader.GetSingleSection(1), 2));
        Assert.Contains("section 1 is 3 bytes, more than the 2 bytes", e.Message);
    }
}
