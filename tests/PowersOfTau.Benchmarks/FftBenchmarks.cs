using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// Radix-2 FFT over bn128 Fr (Fr254), size 2^16, forward and inverse, in place (all cores); and the inverse
/// FFT of 2^8 bn128 G1 points (Jacobian), the kernel of prepare phase2 (one variable-time scalar
/// multiplication per butterfly, so it scales as n·log n scalar multiplications).
/// Run: dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter '*FftBenchmarks*'
/// </summary>
public class FftBenchmarks
{
    private Fr254[] _input = [];
    private Fr254[] _work = [];
    private JacobianPoint<Fp254, Bn254G1>[] _points = [];
    private JacobianPoint<Fp254, Bn254G1>[] _pointWork = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var bytes = new byte[64];
        _input = new Fr254[1 << 16];
        for (int i = 0; i < _input.Length; i++)
        {
            random.NextBytes(bytes);
            _input[i] = Fr254.FromLEReduce(bytes);
        }
        _work = new Fr254[_input.Length];
        _points = new JacobianPoint<Fp254, Bn254G1>[1 << 8];
        for (int i = 0; i < _points.Length; i++)
            JacobianPointFftGroup<Fp254, Bn254G1, Fr254>.MulByScalar(JacobianPoint<Fp254, Bn254G1>.Generator, _input[i], out _points[i]);
        _pointWork = new JacobianPoint<Fp254, Bn254G1>[_points.Length];
    }

    [IterationSetup]
    public void Reset()
    {
        _input.CopyTo(_work, 0);
        _points.CopyTo(_pointWork, 0);
    }

    /// <summary>ffjavascript Fr.fft equivalent, 2^16.</summary>
    [Benchmark]
    public void FrForward_2To16() => Radix2Fft.Forward<Fr254>(_work);

    /// <summary>ffjavascript Fr.ifft equivalent, 2^16.</summary>
    [Benchmark]
    public void FrInverse_2To16() => Radix2Fft.Inverse<Fr254>(_work);

    /// <summary>ffjavascript G1.ifft equivalent (Jacobian in and out), 2^8 bn128 G1 points.</summary>
    [Benchmark]
    public void G1Inverse_2To8() =>
        Radix2Fft.Inverse<JacobianPoint<Fp254, Bn254G1>, Fr254, JacobianPointFftGroup<Fp254, Bn254G1, Fr254>>(_pointWork);
}
