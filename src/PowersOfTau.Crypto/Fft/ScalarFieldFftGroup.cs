using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Fft;

/// <summary>The scalar field as an FFT group over itself: MulByScalar is field multiplication.</summary>
public readonly struct ScalarFieldFftGroup<TFr> : IFftGroup<TFr, TFr> where TFr : unmanaged, IPrimeField<TFr>
{
    /// <inheritdoc />
    public static void Add(in TFr a, in TFr b, out TFr r) => TFr.Add(a, b, out r);

    /// <inheritdoc />
    public static void Sub(in TFr a, in TFr b, out TFr r) => TFr.Sub(a, b, out r);

    /// <inheritdoc />
    public static void MulByScalar(in TFr a, in TFr s, out TFr r) => TFr.Mul(a, s, out r);

    /// <inheritdoc />
    public static int ParallelMinButterflies => 1 << 12;
}
