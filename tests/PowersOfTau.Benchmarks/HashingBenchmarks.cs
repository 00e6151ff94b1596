using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// BLAKE2b-512 throughput: MB/s = Size / mean time. A .ptau transcript hash absorbs 25-40 MB
/// (power 16) up to several GB (power 28), so this must stay far below the point arithmetic.
/// Run: dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter '*Hashing*'
/// </summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    private byte[] _data = [];
    private readonly byte[] _digest = new byte[64];

    /// <summary>Bytes hashed per operation.</summary>
    [Params(64, 1 << 20)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(1).NextBytes(_data);
    }

    /// <summary>One-shot BLAKE2b-512 of Size bytes.</summary>
    [Benchmark]
    public byte Blake2b512()
    {
        Blake2b.Hash(_data, _digest);
        return _digest[0];
    }

    /// <summary>The same bytes fed as 64-byte points (the ceremony's streaming pattern).</summary>
    [Benchmark]
    public byte Blake2b512_In64ByteUpdates()
    {
        var hasher = new Blake2b();
        for (int i = 0; i + 64 <= _data.Length; i += 64) hasher.Update(_data.AsSpan(i, 64));
        hasher.Finish(_digest);
        return _digest[0];
    }
}
