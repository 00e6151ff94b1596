using BenchmarkDotNet.Attributes;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Benchmarks;

/// <summary>
/// Field arithmetic: each benchmark runs a dependent chain of <see cref="Chain"/> operations (x = x·y), so the
/// figure is the latency of one operation, the case that matters inside EC formulas. Compare with
/// notes/performance.md §0/§3 (blst Fp381 mul 24 ns, best managed scalar shape about 61 ns; 4-limb about 29 ns).
/// Run: dotnet run -c Release --project tests/PowersOfTau.Benchmarks -- --filter *FieldBenchmarks*
/// </summary>
public class FieldBenchmarks
{
    private const int Chain = 1000;

    private Fp254 p254a, p254b;
    private Fr254 r254a, r254b;
    private Fp381 p381a, p381b;
    private Fr381 r381a, r381b;
    private Fp2<Fp254> q254a, q254b;
    private Fp2<Fp381> q381a, q381b;

    [GlobalSetup]
    public void Setup()
    {
        var seed = new byte[64];
        T Next<T>() where T : unmanaged, IPrimeField<T>
        {
            for (int i = 0; i < seed.Length; i++) seed[i] = (byte)(seed[i] * 31 + i + 7);
            return T.FromLEReduce(seed);
        }
        p254a = Next<Fp254>(); p254b = Next<Fp254>();
        r254a = Next<Fr254>(); r254b = Next<Fr254>();
        p381a = Next<Fp381>(); p381b = Next<Fp381>();
        r381a = Next<Fr381>(); r381b = Next<Fr381>();
        q254a = new(Next<Fp254>(), Next<Fp254>()); q254b = new(Next<Fp254>(), Next<Fp254>());
        q381a = new(Next<Fp381>(), Next<Fp381>()); q381b = new(Next<Fp381>(), Next<Fp381>());
    }

    private static T MulChain<T>(T x, T y) where T : unmanaged, IField<T>
    {
        for (int i = 0; i < Chain; i++) T.Mul(x, y, out x);
        return x;
    }

    private static T SquareChain<T>(T x) where T : unmanaged, IField<T>
    {
        for (int i = 0; i < Chain; i++) T.Square(x, out x);
        return x;
    }

    private static T AddChain<T>(T x, T y) where T : unmanaged, IField<T>
    {
        for (int i = 0; i < Chain; i++) T.Add(x, y, out x);
        return x;
    }

    private static T SubChain<T>(T x, T y) where T : unmanaged, IField<T>
    {
        for (int i = 0; i < Chain; i++) T.Sub(x, y, out x);
        return x;
    }

    [Benchmark(OperationsPerInvoke = Chain)] public Fp254 Fp254_Mul() => MulChain(p254a, p254b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp254 Fp254_Square() => SquareChain(p254a);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp254 Fp254_Add() => AddChain(p254a, p254b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp254 Fp254_Sub() => SubChain(p254a, p254b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fr254 Fr254_Mul() => MulChain(r254a, r254b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp381 Fp381_Mul() => MulChain(p381a, p381b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp381 Fp381_Square() => SquareChain(p381a);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp381 Fp381_Add() => AddChain(p381a, p381b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp381 Fp381_Sub() => SubChain(p381a, p381b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fr381 Fr381_Mul() => MulChain(r381a, r381b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp2<Fp254> Fp2_254_Mul() => MulChain(q254a, q254b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp2<Fp254> Fp2_254_Square() => SquareChain(q254a);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp2<Fp381> Fp2_381_Mul() => MulChain(q381a, q381b);
    [Benchmark(OperationsPerInvoke = Chain)] public Fp2<Fp381> Fp2_381_Square() => SquareChain(q381a);

    [Benchmark] public Fp254 Fp254_Inverse() { Fp254.Inverse(p254a, out var r); return r; }
    [Benchmark] public Fp381 Fp381_Inverse() { Fp381.Inverse(p381a, out var r); return r; }
    [Benchmark] public Fr254 Fr254_Inverse() { Fr254.Inverse(r254a, out var r); return r; }
    [Benchmark] public Fp2<Fp381> Fp2_381_Inverse() { Fp2<Fp381>.Inverse(q381a, out var r); return r; }
    [Benchmark] public Fp381 Fp381_SqrtVartime() { Fp381.SqrtVartime(p381a, out var r); return r; }
    [Benchmark] public Fr381 Fr381_SqrtVartime() { Fr381.SqrtVartime(r381a, out var r); return r; }
}

/// <summary>
/// The 8-lane AVX-512 types: one call processes 8 independent elements, so divide by 8 for the per-element cost.
/// Dependent chains of <see cref="Chain"/> operations, as in <see cref="FieldBenchmarks"/>.
/// </summary>
public class BatchFieldBenchmarks
{
    private const int Chain = 1000;
    private Fp381x8 a381, b381;
    private Fp254x8 a254, b254;
    private Fp2x8<Fp381x8, Fp381> q381a, q381b;
    private Fp2x8<Fp254x8, Fp254> q254a, q254b;

    [GlobalSetup]
    public void Setup()
    {
        if (!Fp381x8.IsSupported) throw new PlatformNotSupportedException("AVX-512F is required for the 8-lane field types");
        var seed = new byte[64];
        T Next<T>() where T : unmanaged, IPrimeField<T>
        {
            for (int i = 0; i < seed.Length; i++) seed[i] = (byte)(seed[i] * 31 + i + 7);
            return T.FromLEReduce(seed);
        }
        a381 = Fp381x8.FromElements(Enumerable.Range(0, 8).Select(_ => Next<Fp381>()).ToArray());
        b381 = Fp381x8.FromElements(Enumerable.Range(0, 8).Select(_ => Next<Fp381>()).ToArray());
        a254 = Fp254x8.FromElements(Enumerable.Range(0, 8).Select(_ => Next<Fp254>()).ToArray());
        b254 = Fp254x8.FromElements(Enumerable.Range(0, 8).Select(_ => Next<Fp254>()).ToArray());
        q381a = new(a381, b381); q381b = new(b381, a381);
        q254a = new(a254, b254); q254b = new(b254, a254);
    }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp381x8 Fp381x8_Mul() { var x = a381; for (int i = 0; i < Chain; i++) Fp381x8.Mul(x, b381, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp381x8 Fp381x8_Add() { var x = a381; for (int i = 0; i < Chain; i++) Fp381x8.Add(x, b381, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp381x8 Fp381x8_Sub() { var x = a381; for (int i = 0; i < Chain; i++) Fp381x8.Sub(x, b381, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp254x8 Fp254x8_Mul() { var x = a254; for (int i = 0; i < Chain; i++) Fp254x8.Mul(x, b254, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp254x8 Fp254x8_Add() { var x = a254; for (int i = 0; i < Chain; i++) Fp254x8.Add(x, b254, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp2x8<Fp381x8, Fp381> Fp2x8_381_Mul() { var x = q381a; for (int i = 0; i < Chain; i++) Fp2x8<Fp381x8, Fp381>.Mul(x, q381b, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp2x8<Fp381x8, Fp381> Fp2x8_381_Square() { var x = q381a; for (int i = 0; i < Chain; i++) Fp2x8<Fp381x8, Fp381>.Square(x, out x); return x; }

    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp2x8<Fp254x8, Fp254> Fp2x8_254_Mul() { var x = q254a; for (int i = 0; i < Chain; i++) Fp2x8<Fp254x8, Fp254>.Mul(x, q254b, out x); return x; }
}
