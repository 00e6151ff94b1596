using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Secrets;

namespace PowersOfTau.Crypto.Curves.Batch;

/// <summary>
/// Constant-time scalar multiplication of many G1 points by as many SECRET scalars, eight at a time on AVX-512
/// (performance.md §4): the algorithm of <see cref="ConstantTimeScalarMultiplication"/> (GLV split, signed 5-bit
/// Booth windows, complete projective formulas, full-table masked scans) with one point per 64-bit lane of an
/// <see cref="IBatchField{T,TScalar}"/> (<see cref="Fp254x8"/>, <see cref="Fp381x8"/>), so all eight share one
/// instruction stream. Each lane's sign (part sign XOR digit sign) is applied by a per-lane masked negation;
/// the multiples tables depend only on the public points. G1 (φ, 2 parts) and G2 (ψ, 4 parts).
/// Falls back to the scalar path when AVX-512 is missing. Scalar-dependent stack temporaries are wiped.
/// </summary>
public static class BatchConstantTimeScalarMultiplication
{
    private const int Lanes = 8;
    private const int Window = ConstantTimeScalarMultiplication.Window;
    private const int TableSize = 1 << (Window - 1);
    private const int ScalarLimbs = 4;

    /// <summary>
    /// results[i] = [k_i]points[i] for every i, where k_i = scalars[4i .. 4i+4) (little-endian limbs, k_i &lt; r) and
    /// every point is in the prime-order subgroup (checked by the caller). The time depends only on the count.
    /// </summary>
    /// <typeparam name="TV">The 8-lane field matching <typeparamref name="TF"/> (Fp254x8 for Fp254, Fp381x8 for Fp381).</typeparam>
    /// <exception cref="ArgumentException">Length mismatch, a scalar &gt;= r, or a group without the β endomorphism.</exception>
    public static void MultiplyG1<TV, TF, TCurve>(
        ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
    {
        if (scalars.Length != ScalarLimbs * points.Length || results.Length != points.Length)
            throw new ArgumentException("need 4 scalar limbs and one result per point");
        if (!TV.IsSupported)
        {
            for (int i = 0; i < points.Length; i++)
                ConstantTimeScalarMultiplication.Multiply(points[i], scalars.Slice(ScalarLimbs * i, ScalarLimbs), out results[i]);
            return;
        }
        Run<TV, TF, TCurve, BetaEndomorphism<TV, TF>>(points, scalars, results, new BetaEndomorphism<TV, TF>(TV.Broadcast(Beta<TF, TCurve>())));
    }

    /// <summary>
    /// As <see cref="MultiplyG1{TV,TF,TCurve}"/> for G2 (BN254 or BLS12-381 over Fp2): the GLS split in four parts with
    /// ψ(x, y) = (cx·conj(x), cy·conj(y)), eight points per <see cref="Fp2x8{TV,TFp}"/> batch.
    /// </summary>
    /// <typeparam name="TVp">The 8-lane base field (Fp254x8 or Fp381x8).</typeparam>
    /// <exception cref="ArgumentException">Length mismatch, a scalar &gt;= r, or an endomorphism that is not of that form.</exception>
    public static void MultiplyG2<TVp, TFp, TCurve>(
        ReadOnlySpan<AffinePoint<Fp2<TFp>, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<Fp2<TFp>, TCurve>> results)
        where TVp : unmanaged, IBatchField<TVp, TFp>
        where TFp : unmanaged, IPrimeField<TFp>
        where TCurve : ICurve<Fp2<TFp>, TCurve>
    {
        // cx, cy from ψ(1, 1, 1); then check the model ψ(x, y, z) = (cx·conj(x), cy·conj(y), conj(z)) on a point with c1 != 0.
        Fp2<TFp> cx = Fp2<TFp>.One, cy = Fp2<TFp>.One, cz = Fp2<TFp>.One;
        TCurve.Endomorphism(ref cx, ref cy, ref cz);
        var probe = new Fp2<TFp>(TFp.FromUInt64(3), TFp.FromUInt64(5));
        Fp2<TFp> px = probe, py = probe, pz = probe;
        TCurve.Endomorphism(ref px, ref py, ref pz);
        Fp2<TFp>.Conjugate(probe, out var conj);
        Fp2<TFp>.Mul(conj, cx, out var ex);
        Fp2<TFp>.Mul(conj, cy, out var ey);
        if ((Fp2<TFp>.EqualMask(px, ex) & Fp2<TFp>.EqualMask(py, ey) & Fp2<TFp>.EqualMask(pz, conj)) == 0)
            throw new ArgumentException($"{TCurve.Name}: the endomorphism is not ψ(x, y) = (cx·conj(x), cy·conj(y))");
        var endo = new PsiEndomorphism<TVp, TFp>(Fp2x8<TVp, TFp>.Broadcast(cx), Fp2x8<TVp, TFp>.Broadcast(cy));
        Run<Fp2x8<TVp, TFp>, Fp2<TFp>, TCurve, PsiEndomorphism<TVp, TFp>>(points, scalars, results, endo);
    }

    private static void Run<TV, TF, TCurve, TEndo>(
        ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results, TEndo endo)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TEndo : struct, IBatchEndomorphism<TV, TF>
    {
        if (scalars.Length != ScalarLimbs * points.Length || results.Length != points.Length)
            throw new ArgumentException("need 4 scalar limbs and one result per point");
        if (!TV.IsSupported)
        {
            for (int i = 0; i < points.Length; i++)
                ConstantTimeScalarMultiplication.Multiply(points[i], scalars.Slice(ScalarLimbs * i, ScalarLimbs), out results[i]);
            return;
        }
        TV b3 = TV.Broadcast(TCurve.B3);
        var table = new ProjectivePointX8<TV, TF>[TCurve.Decomposition.Dimension * TableSize]; // public: multiples of public points
        Span<AffinePoint<TF, TCurve>> lanePoints = stackalloc AffinePoint<TF, TCurve>[Lanes];
        Span<ulong> laneScalars = stackalloc ulong[Lanes * ScalarLimbs];
        Span<JacobianPoint<TF, TCurve>> laneResults = stackalloc JacobianPoint<TF, TCurve>[Lanes];
        try
        {
            for (int start = 0; start < points.Length; start += Lanes)
            {
                int count = Math.Min(Lanes, points.Length - start);
                // Padding lanes (public count): the identity times 0.
                lanePoints.Clear();
                laneScalars.Clear();
                points.Slice(start, count).CopyTo(lanePoints);
                scalars.Slice(start * ScalarLimbs, count * ScalarLimbs).CopyTo(laneScalars);
                Multiply8<TV, TF, TCurve, TEndo>(lanePoints, laneScalars, laneResults, table, endo, b3);
                laneResults[..count].CopyTo(results.Slice(start, count));
            }
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(laneScalars));
        }
        ConstantTimeScalarMultiplication.ScrubStack();
    }

    /// <summary>β from the curve's endomorphism applied to (1, 1, 1), which must give (β, 1, 1).</summary>
    private static TF Beta<TF, TCurve>() where TF : unmanaged, IField<TF> where TCurve : ICurve<TF, TCurve>
    {
        TF x = TF.One, y = TF.One, z = TF.One;
        TCurve.Endomorphism(ref x, ref y, ref z);
        TF one = TF.One;
        if ((TF.EqualMask(y, one) & TF.EqualMask(z, one)) == 0 || TF.EqualMask(x, one) != 0)
            throw new ArgumentException($"{TCurve.Name}: the batch multiplication supports only G1 (φ(x, y) = (βx, y))");
        return x;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Multiply8<TV, TF, TCurve, TEndo>(
        ReadOnlySpan<AffinePoint<TF, TCurve>> points, ReadOnlySpan<ulong> scalars, Span<JacobianPoint<TF, TCurve>> results,
        ProjectivePointX8<TV, TF>[] table, TEndo endo, in TV b3)
        where TV : unmanaged, IBatchField<TV, TF>
        where TF : unmanaged, IField<TF>
        where TCurve : ICurve<TF, TCurve>
        where TEndo : struct, IBatchEndomorphism<TV, TF>
    {
        ScalarDecomposition dec = TCurve.Decomposition;
        int d = dec.Dimension;
        int windows = (dec.PartBits + 1 + Window - 1) / Window;
        Span<ulong> parts = stackalloc ulong[Lanes * 4 * ScalarLimbs];
        Span<ulong> negative = stackalloc ulong[Lanes * 4];
        Span<ulong> magnitudes = stackalloc ulong[Lanes];
        Span<ulong> signs = stackalloc ulong[Lanes];
        Span<TF> coordinates = stackalloc TF[3 * Lanes];
        var acc = ProjectivePointX8<TV, TF>.Infinity;
        var sel = acc;
        try
        {
            for (int lane = 0; lane < Lanes; lane++)
            {
                var k = scalars.Slice(lane * ScalarLimbs, ScalarLimbs);
                if (dec.LessThanOrderMask(k) == 0) throw new ArgumentException("a scalar is not reduced (k >= r)", nameof(scalars));
                dec.Decompose(k, parts.Slice(lane * 4 * ScalarLimbs, 4 * ScalarLimbs), negative.Slice(lane * 4, 4));
                ProjectivePoint<TF, TCurve>.FromAffine(points[lane], out var pp);
                coordinates[lane] = pp.X;
                coordinates[Lanes + lane] = pp.Y;
                coordinates[2 * Lanes + lane] = pp.Z;
            }
            var p = new ProjectivePointX8<TV, TF>(
                TV.FromElements(coordinates[..Lanes]), TV.FromElements(coordinates.Slice(Lanes, Lanes)), TV.FromElements(coordinates.Slice(2 * Lanes, Lanes)));

            table[0] = p;
            ProjectivePointX8<TV, TF>.Double(p, b3, out table[1]);
            for (int j = 2; j < TableSize; j++) ProjectivePointX8<TV, TF>.Add(table[j - 1], p, b3, out table[j]);
            for (int i = 1; i < d; i++)
                for (int j = 0; j < TableSize; j++)
                    endo.Apply(table[(i - 1) * TableSize + j], out table[i * TableSize + j]);

            for (int win = windows - 1; win >= 0; win--)
            {
                if (win != windows - 1)
                    for (int s = 0; s < Window; s++) ProjectivePointX8<TV, TF>.Double(acc, b3, out acc);
                for (int i = 0; i < d; i++)
                {
                    for (int lane = 0; lane < Lanes; lane++)
                    {
                        ulong wval = ConstantTimeScalarMultiplication.WindowBits(parts.Slice((lane * 4 + i) * ScalarLimbs, ScalarLimbs), win);
                        ulong signMask = 0 - (wval >> Window);
                        ulong t = (wval + 1) >> 1;
                        magnitudes[lane] = (t & ~signMask) | (((1UL << Window) - t) & signMask);
                        signs[lane] = signMask ^ negative[lane * 4 + i];
                    }
                    var magnitude = Vector512.Create((ReadOnlySpan<ulong>)magnitudes);
                    sel = ProjectivePointX8<TV, TF>.Infinity;
                    for (int j = 0; j < TableSize; j++)
                        ProjectivePointX8<TV, TF>.Select(Vector512.Equals(magnitude, Vector512.Create((ulong)(j + 1))), table[i * TableSize + j], sel, out sel);
                    ProjectivePointX8<TV, TF>.ConditionalNegate(Vector512.Create((ReadOnlySpan<ulong>)signs), sel, out sel);
                    ProjectivePointX8<TV, TF>.Add(acc, sel, b3, out acc);
                }
            }

            TV.ToElements(acc.X, coordinates[..Lanes]);
            TV.ToElements(acc.Y, coordinates.Slice(Lanes, Lanes));
            TV.ToElements(acc.Z, coordinates.Slice(2 * Lanes, Lanes));
            for (int lane = 0; lane < Lanes; lane++)
            {
                var q = new ProjectivePoint<TF, TCurve>(coordinates[lane], coordinates[Lanes + lane], coordinates[2 * Lanes + lane]);
                ProjectivePoint<TF, TCurve>.ToJacobian(q, out results[lane]);
            }
        }
        finally
        {
            ConstantTime.Wipe(MemoryMarshal.AsBytes(parts));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(negative));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(magnitudes));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(signs));
            ConstantTime.Wipe(MemoryMarshal.AsBytes(coordinates));
            ConstantTime.Wipe(ref acc);
            ConstantTime.Wipe(ref sel);
        }
    }
}
