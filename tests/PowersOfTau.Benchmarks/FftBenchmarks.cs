using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// Radix-2 FFT over bn128 Fr (Fr254), size 2^16, forward and inverse, in place (all cores).
/// Run: dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter '*FftBenchmarks*'
/// </summary>
public class FftBenchmarks
{
    private Fr254[] _input = [];
    private Fr254[] _work = [];

    /// <summary>log2 of the transform size.</summary>
    [Params(16)]
    public int Log2Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var bytes = new byte[64];
        _input = new Fr254[1 << Log2Size];
        for (int i = 0; i < _input.Length; i++)
        {
            random.NextBytes(bytes);
            _input[i] = Fr254.FromLEReduce(bytes);
        }
        _work = new Fr254[_input.Length];
    }

    [IterationSetup]
    public void Reset() => _input.CopyTo(_work, 0);

    /// <summary>ffjavascript Fr.fft equivalent.</summary>
    [Benchmark]
    public void Forward() => Radix2Fft.Forward<Fr254>(_work);

    /// <summary>ffjavascript Fr.ifft equivalent.</summary>
    [Benchmark]
    public void Inverse() => Radix2Fft.Inverse<Fr254>(_work);
}
