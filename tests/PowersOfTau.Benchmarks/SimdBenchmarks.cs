using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Simd;
using Fp254x8 = PowersOfTau.Crypto.Simd.Fp254x8;
using Fp381x8 = PowersOfTau.Crypto.Simd.Fp381x8;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// The 8-lane AVX-512 kernels of performance.md §4: field multiplication (one call = 8 elements; divide by 8 for
/// ns per element), add/sub, the complete projective point formulas, and the batch constant-time scalar multiplication
/// (reported per point through OperationsPerInvoke). Run on a machine with AVX-512F:
/// dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter '*SimdBenchmarks*'
/// Targets from the notes (one Zen 5 core): Fp381 mul ≈ 11 ns/element, Fp254 mul 5–8 ns/element.
/// </summary>
public class SimdBenchmarks
{
    private const int BatchSize = 64;

    private Fp381x8 _a381, _b381;
    private Fp254x8 _a254, _b254;
    private Fp381 _s381a, _s381b;
    private ProjectivePointX8<Fp381, Fp381x8, Bls12381G1> _p381;
    private ProjectivePointX8<Fp254, Fp254x8, Bn254G1> _p254;
    private AffinePoint<Fp254, Bn254G1>[] _bnG1 = [];
    private AffinePoint<Fp2<Fp254>, Bn254G2>[] _bnG2 = [];
    private AffinePoint<Fp381, Bls12381G1>[] _blsG1 = [];
    private AffinePoint<Fp2<Fp381>, Bls12381G2>[] _blsG2 = [];
    private JacobianPoint<Fp254, Bn254G1>[] _bnG1Out = [];
    private JacobianPoint<Fp2<Fp254>, Bn254G2>[] _bnG2Out = [];
    private JacobianPoint<Fp381, Bls12381G1>[] _blsG1Out = [];
    private JacobianPoint<Fp2<Fp381>, Bls12381G2>[] _blsG2Out = [];
    private ulong[] _scalars = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        Fp381[] x381 = [.. Enumerable.Range(0, 8).Select(_ => Fp381.FromUInt64((ulong)rng.NextInt64()) * Fp381.FromUInt64((ulong)rng.NextInt64()))];
        Fp254[] x254 = [.. Enumerable.Range(0, 8).Select(_ => Fp254.FromUInt64((ulong)rng.NextInt64()) * Fp254.FromUInt64((ulong)rng.NextInt64()))];
        Fp381x8.Load(x381, out _a381);
        Fp381x8.Mul(_a381, _a381, out _b381);
        Fp254x8.Load(x254, out _a254);
        Fp254x8.Mul(_a254, _a254, out _b254);
        _s381a = x381[0];
        _s381b = x381[1];
        ProjectivePointX8<Fp381, Fp381x8, Bls12381G1>.FromAffine(Enumerable.Repeat(Bls12381G1.Generator, 8).ToArray(), out _p381);
        ProjectivePointX8<Fp254, Fp254x8, Bn254G1>.FromAffine(Enumerable.Repeat(Bn254G1.Generator, 8).ToArray(), out _p254);
        _scalars = new ulong[4 * BatchSize];
        for (int i = 0; i < _scalars.Length; i++) _scalars[i] = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63);
        for (int i = 3; i < _scalars.Length; i += 4) _scalars[i] >>= 3; // ~253 bits: below both orders
        _bnG1 = Enumerable.Repeat(Bn254G1.Generator, BatchSize).ToArray();
        _bnG2 = Enumerable.Repeat(Bn254G2.Generator, BatchSize).ToArray();
        _blsG1 = Enumerable.Repeat(Bls12381G1.Generator, BatchSize).ToArray();
        _blsG2 = Enumerable.Repeat(Bls12381G2.Generator, BatchSize).ToArray();
        _bnG1Out = new JacobianPoint<Fp254, Bn254G1>[BatchSize];
        _bnG2Out = new JacobianPoint<Fp2<Fp254>, Bn254G2>[BatchSize];
        _blsG1Out = new JacobianPoint<Fp381, Bls12381G1>[BatchSize];
        _blsG2Out = new JacobianPoint<Fp2<Fp381>, Bls12381G2>[BatchSize];
    }

    [Benchmark(Description = "Fp381 scalar mul (1 element)")]
    public Fp381 Fp381ScalarMul()
    {
        Fp381.Mul(_s381a, _s381b, out var r);
        return r;
    }

    [Benchmark(Description = "Fp381x8 mul (8 elements)")]
    public Fp381x8 Fp381x8Mul()
    {
        Fp381x8.Mul(_a381, _b381, out var r);
        return r;
    }

    [Benchmark(Description = "Fp381x8 sub (8 elements)")]
    public Fp381x8 Fp381x8Sub()
    {
        Fp381x8.Sub(_a381, _b381, out var r);
        return r;
    }

    [Benchmark(Description = "Fp254x8 mul (8 elements)")]
    public Fp254x8 Fp254x8Mul()
    {
        Fp254x8.Mul(_a254, _b254, out var r);
        return r;
    }

    [Benchmark(Description = "BLS12-381 G1 x8 double (8 points)")]
    public ProjectivePointX8<Fp381, Fp381x8, Bls12381G1> Bls12381G1Double()
    {
        ProjectivePointX8<Fp381, Fp381x8, Bls12381G1>.Double(_p381, out var r);
        return r;
    }

    [Benchmark(Description = "BLS12-381 G1 x8 add (8 points)")]
    public ProjectivePointX8<Fp381, Fp381x8, Bls12381G1> Bls12381G1Add()
    {
        ProjectivePointX8<Fp381, Fp381x8, Bls12381G1>.Add(_p381, _p381, out var r);
        return r;
    }

    [Benchmark(Description = "BN254 G1 x8 add (8 points)")]
    public ProjectivePointX8<Fp254, Fp254x8, Bn254G1> Bn254G1Add()
    {
        ProjectivePointX8<Fp254, Fp254x8, Bn254G1>.Add(_p254, _p254, out var r);
        return r;
    }

    [Benchmark(Description = "BN254 G1 MulBatchCt (per point)", OperationsPerInvoke = BatchSize)]
    public void Bn254G1Batch() => BatchScalarMultiplication.MulBatchCt(_bnG1, _scalars, _bnG1Out);

    [Benchmark(Description = "BN254 G2 MulBatchCt (per point)", OperationsPerInvoke = BatchSize)]
    public void Bn254G2Batch() => BatchScalarMultiplication.MulBatchCt(_bnG2, _scalars, _bnG2Out);

    [Benchmark(Description = "BLS12-381 G1 MulBatchCt (per point)", OperationsPerInvoke = BatchSize)]
    public void Bls12381G1Batch() => BatchScalarMultiplication.MulBatchCt(_blsG1, _scalars, _blsG1Out);

    [Benchmark(Description = "BLS12-381 G2 MulBatchCt (per point)", OperationsPerInvoke = BatchSize)]
    public void Bls12381G2Batch() => BatchScalarMultiplication.MulBatchCt(_blsG2, _scalars, _blsG2Out);
}
