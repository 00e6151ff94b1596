using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Fft;

/// <summary>
/// What <see cref="Radix2Fft"/> needs of the values it transforms: a commutative group (Add, Sub) with
/// multiplication by a scalar of the field <typeparamref name="TScalar"/> whose roots of unity are used.
/// The operations are static so the JIT specialises the transform per implementing struct (no boxing,
/// no virtual calls), the same pattern as <see cref="IField{T}"/>.
/// <para>
/// Implementations: <see cref="ScalarFieldFftGroup{TFr}"/> (the field acting on itself: ffjavascript
/// <c>Fr.fft</c>/<c>Fr.ifft</c>). Curve points plug in the same way for snarkjs <c>G1.ifft</c>/<c>G2.ifft</c>
/// (prepare phase2, spec/ptau.md §10): write an empty struct, e.g.
/// <c>struct G1JacobianFftGroup : IFftGroup&lt;G1Jacobian, Fr254&gt;</c>, whose Add/Sub are point
/// addition/subtraction (complete formulas, or handling the identity) and whose MulByScalar is a
/// scalar multiplication (variable time is fine: the inputs of prepare phase2 are public); transform in
/// Jacobian/projective form and convert to affine once at the end (batch inversion), as ffjavascript does.
/// </para>
/// </summary>
/// <typeparam name="TElement">The transformed values (field elements or curve points).</typeparam>
/// <typeparam name="TScalar">The scalar field supplying the roots of unity and 1/n.</typeparam>
public interface IFftGroup<TElement, TScalar>
    where TElement : unmanaged
    where TScalar : unmanaged, IPrimeField<TScalar>
{
    /// <summary>r = a + b. <paramref name="r"/> never aliases an input.</summary>
    static abstract void Add(in TElement a, in TElement b, out TElement r);

    /// <summary>r = a − b. <paramref name="r"/> never aliases an input.</summary>
    static abstract void Sub(in TElement a, in TElement b, out TElement r);

    /// <summary>r = s·a. <paramref name="r"/> never aliases an input.</summary>
    static abstract void MulByScalar(in TElement a, in TScalar s, out TElement r);

    /// <summary>
    /// Fewest butterflies per stage worth spreading over threads: a few thousand for field elements,
    /// tens for curve points (one scalar multiplication each).
    /// </summary>
    static abstract int ParallelMinButterflies { get; }
}
