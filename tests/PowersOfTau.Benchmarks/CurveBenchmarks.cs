using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Curves.Batch;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Msm;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// Curve operations of performance.md §0/§2: constant-time scalar multiplication (GLV on G1, GLS on G2), Pippenger
/// MSM of 2^16 G1 points (all cores), and batch normalization of 2^16 G1 points, for both curves.
/// Run: dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter '*CurveBenchmarks*'
/// Targets on one Zen 5 core (blst ×2): BLS12-381 G1 mult ≤ 120 µs, G2 ≤ 250 µs, MSM 2^16 G1 ≈ 804 ms.
/// </summary>
[MemoryDiagnoser(false)]
public class CurveBenchmarks
{
    private const int MsmSize = 1 << 16;

    // A fixed ~255-bit scalar below both group orders.
    private readonly ulong[] _scalar = [0x0123456789abcdefUL, 0xfedcba9876543210UL, 0x0f1e2d3c4b5a6978UL, 0x1badc0ffee123456UL];

    private AffinePoint<Fp254, Bn254G1> _bnG1;
    private AffinePoint<Fp2<Fp254>, Bn254G2> _bnG2;
    private AffinePoint<Fp381, Bls12381G1> _blsG1;
    private AffinePoint<Fp2<Fp381>, Bls12381G2> _blsG2;
    private AffinePoint<Fp254, Bn254G1>[] _bnPoints = [];
    private AffinePoint<Fp381, Bls12381G1>[] _blsPoints = [];
    private JacobianPoint<Fp254, Bn254G1>[] _bnJacobian = [];
    private JacobianPoint<Fp381, Bls12381G1>[] _blsJacobian = [];
    private ulong[] _msmScalars = [];

    [GlobalSetup]
    public void Setup()
    {
        _bnG1 = Bn254G1.Generator;
        _bnG2 = Bn254G2.Generator;
        _blsG1 = Bls12381G1.Generator;
        _blsG2 = Bls12381G2.Generator;
        (_bnJacobian, _bnPoints) = Points<Fp254, Bn254G1>();
        (_blsJacobian, _blsPoints) = Points<Fp381, Bls12381G1>();
        var rng = new Random(42);
        _msmScalars = new ulong[4 * MsmSize];
        for (int i = 0; i < _msmScalars.Length; i++) _msmScalars[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
        for (int i = 3; i < _msmScalars.Length; i += 4) _msmScalars[i] >>= 3; // below both orders
        _blsLem = new byte[MsmSize * PointEncoding<Fp381, Bls12381G1>.LemSize];
        PointEncoding<Fp381, Bls12381G1>.WriteLemMany(_blsPoints, _blsLem);
        _blsDecoded = new AffinePoint<Fp381, Bls12381G1>[MsmSize];
    }

    private byte[] _blsLem = [];
    private AffinePoint<Fp381, Bls12381G1>[] _blsDecoded = [];

    /// <summary>Decoding 2^16 LEM G1 points with every check (canonical, on curve, subgroup), all cores.</summary>
    [Benchmark] public void Bls12381G1_ReadLemMany65536() => PointEncoding<Fp381, Bls12381G1>.ReadLemMany(_blsLem, _blsDecoded);

    private static (JacobianPoint<TF, TC>[], AffinePoint<TF, TC>[]) Points<TF, TC>()
        where TF : unmanaged, IField<TF> where TC : ICurve<TF, TC>
    {
        var j = new JacobianPoint<TF, TC>[MsmSize];
        var acc = TC.Generator.ToJacobian();
        for (int i = 0; i < MsmSize; i++)
        {
            JacobianPoint<TF, TC>.Double(acc, out var d);
            JacobianPoint<TF, TC>.AddMixedVartime(d, TC.Generator, out acc);
            j[i] = acc;
        }
        var a = new AffinePoint<TF, TC>[MsmSize];
        JacobianPoint<TF, TC>.BatchToAffineVartime(j, a);
        return (j, a);
    }

    [Benchmark] public JacobianPoint<Fp254, Bn254G1> Bn254G1_ConstantTimeMultiply() { ConstantTimeScalarMultiplication.Multiply(_bnG1, _scalar, out var r); return r; }
    [Benchmark] public JacobianPoint<Fp2<Fp254>, Bn254G2> Bn254G2_ConstantTimeMultiply() { ConstantTimeScalarMultiplication.Multiply(_bnG2, _scalar, out var r); return r; }
    [Benchmark] public JacobianPoint<Fp381, Bls12381G1> Bls12381G1_ConstantTimeMultiply() { ConstantTimeScalarMultiplication.Multiply(_blsG1, _scalar, out var r); return r; }
    [Benchmark] public JacobianPoint<Fp2<Fp381>, Bls12381G2> Bls12381G2_ConstantTimeMultiply() { ConstantTimeScalarMultiplication.Multiply(_blsG2, _scalar, out var r); return r; }

    private const int BatchPoints = 64;
    private readonly JacobianPoint<Fp254, Bn254G1>[] _bnBatchOut = new JacobianPoint<Fp254, Bn254G1>[BatchPoints];
    private readonly JacobianPoint<Fp381, Bls12381G1>[] _blsBatchOut = new JacobianPoint<Fp381, Bls12381G1>[BatchPoints];

    /// <summary>64 constant-time products on the 8-lane AVX-512 path; divide by 64 for the per-point cost.</summary>
    [Benchmark] public void Bn254G1_BatchConstantTimeMultiply64() =>
        BatchConstantTimeScalarMultiplication.MultiplyG1<Fp254x8, Fp254, Bn254G1>(_bnPoints.AsSpan(0, BatchPoints), _msmScalars.AsSpan(0, 4 * BatchPoints), _bnBatchOut);

    /// <summary>64 constant-time products on the 8-lane AVX-512 path; divide by 64 for the per-point cost.</summary>
    [Benchmark] public void Bls12381G1_BatchConstantTimeMultiply64() =>
        BatchConstantTimeScalarMultiplication.MultiplyG1<Fp381x8, Fp381, Bls12381G1>(_blsPoints.AsSpan(0, BatchPoints), _msmScalars.AsSpan(0, 4 * BatchPoints), _blsBatchOut);

    private readonly JacobianPoint<Fp2<Fp254>, Bn254G2>[] _bnG2BatchOut = new JacobianPoint<Fp2<Fp254>, Bn254G2>[BatchPoints];
    private readonly JacobianPoint<Fp2<Fp381>, Bls12381G2>[] _blsG2BatchOut = new JacobianPoint<Fp2<Fp381>, Bls12381G2>[BatchPoints];

    /// <summary>64 constant-time G2 products (the generator) on the 8-lane path; divide by 64.</summary>
    [Benchmark] public void Bn254G2_BatchConstantTimeMultiply64() =>
        BatchConstantTimeScalarMultiplication.MultiplyG2<Fp254x8, Fp254, Bn254G2>(Enumerable.Repeat(_bnG2, BatchPoints).ToArray(), _msmScalars.AsSpan(0, 4 * BatchPoints), _bnG2BatchOut);

    /// <summary>64 constant-time G2 products (the generator) on the 8-lane path; divide by 64.</summary>
    [Benchmark] public void Bls12381G2_BatchConstantTimeMultiply64() =>
        BatchConstantTimeScalarMultiplication.MultiplyG2<Fp381x8, Fp381, Bls12381G2>(Enumerable.Repeat(_blsG2, BatchPoints).ToArray(), _msmScalars.AsSpan(0, 4 * BatchPoints), _blsG2BatchOut);

    [Benchmark] public JacobianPoint<Fp254, Bn254G1> Bn254G1_Msm65536() => Pippenger.MultiplyVartime<Fp254, Bn254G1>(_bnPoints, _msmScalars);
    [Benchmark] public JacobianPoint<Fp381, Bls12381G1> Bls12381G1_Msm65536() => Pippenger.MultiplyVartime<Fp381, Bls12381G1>(_blsPoints, _msmScalars);

    [Benchmark] public void Bn254G1_BatchToAffine65536() => JacobianPoint<Fp254, Bn254G1>.BatchToAffineVartime(_bnJacobian, _bnPoints);
    [Benchmark] public void Bls12381G1_BatchToAffine65536() => JacobianPoint<Fp381, Bls12381G1>.BatchToAffineVartime(_blsJacobian, _blsPoints);
}
