using System.Runtime.CompilerServices;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Pairing;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT ⊂ Fp12 of a BN or BLS12 curve described by
/// <typeparamref name="TCurve"/>: a Miller loop in projective coordinates followed by the final
/// exponentiation. The result equals ffjavascript 0.3.1's and @noble/curves' <c>pairing</c> exactly
/// (tests/oracle/vectors/pairing.json), which is the reduced pairing raised to a fixed power coprime
/// to r (see <see cref="IPairingCurve{TFp, TTower}.FinalExponentiationHardPart"/>).
/// <para>
/// Variable time: the inputs of a pairing (proof and transcript points) are public. Points are not
/// validated here; decoders check them on the curve and in the subgroup first.
/// </para>
/// </summary>
public static class OptimalAtePairing<TFp, TTower, TCurve>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
    where TCurve : IPairingCurve<TFp, TTower>
{
    private static readonly TFp TwoInverse = ComputeTwoInverse();

    /// <summary>Below this many pairs a pairing product runs on one thread.</summary>
    private const int ParallelThreshold = 2;

    /// <summary>e(P, Q) for affine P = (px, py) in G1 and Q = (qx, qy) in G2 (neither at infinity).</summary>
    public static Fp12<TFp, TTower> Pair(in TFp px, in TFp py, in Fp2<TFp> qx, in Fp2<TFp> qy)
    {
        var f = MillerLoop(new PairingG1Input<TFp>(px, py), new PairingG2Input<TFp>(qx, qy));
        return FinalExponentiation(f);
    }

    /// <summary>e(P, Q); 1 when either point is at infinity.</summary>
    public static Fp12<TFp, TTower> Pair(in PairingG1Input<TFp> p, in PairingG2Input<TFp> q) =>
        FinalExponentiation(MillerLoop(p, q));

    /// <summary>The Miller loop f_{loop,Q}(P) alone (1 when either point is at infinity).</summary>
    public static Fp12<TFp, TTower> MillerLoop(in PairingG1Input<TFp> p, in PairingG2Input<TFp> q) =>
        MillerLoop(new ReadOnlySpan<PairingG1Input<TFp>>(in p), new ReadOnlySpan<PairingG2Input<TFp>>(in q));

    /// <summary>
    /// The product of the Miller loops of all pairs, sharing the squarings of the accumulator
    /// (one thread). Pairs with a point at infinity contribute 1.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Fp12<TFp, TTower> MillerLoop(ReadOnlySpan<PairingG1Input<TFp>> ps, ReadOnlySpan<PairingG2Input<TFp>> qs)
    {
        CheckLengths(ps.Length, qs.Length);

        // Keep only the pairs without infinity; the rest contribute 1.
        int n = 0;
        var live = ps.Length <= 16 ? stackalloc int[ps.Length] : new int[ps.Length];
        for (int i = 0; i < ps.Length; i++)
        {
            if (!ps[i].IsInfinity && !qs[i].IsInfinity)
            {
                live[n++] = i;
            }
        }

        if (n == 0)
        {
            return Fp12<TFp, TTower>.One;
        }

        var t = new G2Projective<TFp>[n];
        for (int j = 0; j < n; j++)
        {
            t[j] = new G2Projective<TFp>(qs[live[j]].X, qs[live[j]].Y);
        }

        var f = Fp12<TFp, TTower>.One;
        var digits = TCurve.LoopDigits;
        for (int i = 1; i < digits.Length; i++)
        {
            if (i > 1)
            {
                Fp12<TFp, TTower>.Square(f, out f);
            }

            for (int j = 0; j < n; j++)
            {
                ref readonly var p = ref ps[live[j]];
                DoublingStep(ref t[j], p, ref f);
            }

            int digit = digits[i];
            if (digit != 0)
            {
                for (int j = 0; j < n; j++)
                {
                    ref readonly var p = ref ps[live[j]];
                    ref readonly var q = ref qs[live[j]];
                    if (digit > 0)
                    {
                        AdditionStep(ref t[j], q.X, q.Y, p, ref f);
                    }
                    else
                    {
                        Fp2<TFp>.Neg(q.Y, out var negY);
                        AdditionStep(ref t[j], q.X, negY, p, ref f);
                    }
                }
            }
        }

        if (TCurve.LoopCountIsNegative)
        {
            // f_{−u,Q} = 1/f_{u,Q} up to a vertical line (killed by the final exponentiation);
            // conjugation is the inverse once the final exponentiation has run.
            Fp12<TFp, TTower>.Conjugate(f, out f);
        }

        if (TCurve.AddsFrobeniusLines)
        {
            // BN: f · l_{T,ψ(Q)}(P) · l_{T+ψ(Q),−ψ²(Q)}(P) with ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)).
            for (int j = 0; j < n; j++)
            {
                ref readonly var p = ref ps[live[j]];
                ref readonly var q = ref qs[live[j]];
                Psi(q.X, q.Y, out var q1x, out var q1y);
                Psi(q1x, q1y, out var q2x, out var q2y);
                Fp2<TFp>.Neg(q2y, out var negQ2y);
                AdditionStep(ref t[j], q1x, q1y, p, ref f);
                AdditionStep(ref t[j], q2x, negQ2y, p, ref f);
            }
        }

        return f;
    }

    /// <summary>
    /// The final exponentiation f^(s·(p¹²−1)/r): easy part f^((p⁶−1)(p²+1)) then the curve's hard part.
    /// The Miller loop output is never zero for valid inputs; a zero input gives zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Fp12<TFp, TTower> FinalExponentiation(in Fp12<TFp, TTower> f)
    {
        Fp12<TFp, TTower>.Conjugate(f, out var t0);           // f^(p⁶)
        Fp12<TFp, TTower>.InverseVartime(f, out var t1);      // f^(−1)
        Fp12<TFp, TTower>.Mul(t0, t1, out var t2);             // f^(p⁶−1)
        Fp12<TFp, TTower>.Frobenius(t2, 2, out t0);
        Fp12<TFp, TTower>.Mul(t0, t2, out t1);                 // f^((p⁶−1)(p²+1)), now in the cyclotomic subgroup
        TCurve.FinalExponentiationHardPart(t1, out var r);
        return r;
    }

    /// <summary>
    /// True when e(P₁, Q₁)·…·e(Pₙ, Qₙ) = 1 (pairs with a point at infinity contribute 1): one final
    /// exponentiation for the whole product; the Miller loops run on all cores when there are several pairs.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static bool PairingProductIsOne(ReadOnlySpan<PairingG1Input<TFp>> ps, ReadOnlySpan<PairingG2Input<TFp>> qs)
    {
        var f = MultiMillerLoop(ps, qs);
        var e = FinalExponentiation(f);
        return Fp12<TFp, TTower>.IsOneMask(e) != 0;
    }

    /// <summary>
    /// snarkjs' <c>sameRatio(g1s, g1sx, g2s, g2sx)</c>: true when e(g1s, g2sx) = e(g1sx, g2s), i.e. the
    /// discrete-log ratio g1sx/g1s in G1 equals g2sx/g2s in G2 (the powers-of-tau and zkey consistency checks).
    /// Computed as e(g1s, g2sx)·e(−g1sx, g2s) = 1 with one final exponentiation. As in snarkjs
    /// (<c>src/misc.js</c>), false when any of the four points is at infinity.
    /// </summary>
    public static bool SameRatio(in PairingG1Input<TFp> g1s, in PairingG1Input<TFp> g1sx, in PairingG2Input<TFp> g2s, in PairingG2Input<TFp> g2sx)
    {
        if (g1s.IsInfinity || g1sx.IsInfinity || g2s.IsInfinity || g2sx.IsInfinity)
        {
            return false;
        }

        TFp.Neg(g1sx.Y, out var negY);
        var negG1sx = new PairingG1Input<TFp>(g1sx.X, negY);

        ReadOnlySpan<PairingG1Input<TFp>> ps = [g1s, negG1sx];
        ReadOnlySpan<PairingG2Input<TFp>> qs = [g2sx, g2s];
        return PairingProductIsOne(ps, qs);
    }

    /// <summary>e(P₁, Q₁)·…·e(Pₙ, Qₙ) with one final exponentiation, Miller loops in parallel.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static Fp12<TFp, TTower> PairingProduct(ReadOnlySpan<PairingG1Input<TFp>> ps, ReadOnlySpan<PairingG2Input<TFp>> qs) =>
        FinalExponentiation(MultiMillerLoop(ps, qs));

    /// <summary>The product of the Miller loops of all pairs, split over the cores when there are several pairs.</summary>
    public static Fp12<TFp, TTower> MultiMillerLoop(ReadOnlySpan<PairingG1Input<TFp>> ps, ReadOnlySpan<PairingG2Input<TFp>> qs)
    {
        CheckLengths(ps.Length, qs.Length);
        int n = ps.Length;
        int chunks = Math.Min(Environment.ProcessorCount, n);
        if (n < ParallelThreshold || chunks < 2)
        {
            return MillerLoop(ps, qs);
        }

        // Public data: plain arrays so that the worker lambdas can capture them.
        var pArray = ps.ToArray();
        var qArray = qs.ToArray();
        var partial = new Fp12<TFp, TTower>[chunks];
        Parallel.For(0, chunks, c =>
        {
            int start = (int)((long)n * c / chunks);
            int end = (int)((long)n * (c + 1) / chunks);
            partial[c] = MillerLoop(pArray.AsSpan(start, end - start), qArray.AsSpan(start, end - start));
        });

        var f = partial[0];
        for (int c = 1; c < chunks; c++)
        {
            Fp12<TFp, TTower>.Mul(f, partial[c], out f);
        }

        return f;
    }

    /// <summary>
    /// T ← 2T and f ← f·ℓ(P), ℓ the tangent at T: Costello-Lange-Naehrig / Aranha et al. ("Faster explicit
    /// formulas for computing pairings over ordinary curves", Eurocrypt 2011, eq. 10), as arkworks'
    /// <c>G2HomProjective::double_in_place</c>. The line is scaled by a factor in Fp2, killed by the final exponentiation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DoublingStep(ref G2Projective<TFp> t, in PairingG1Input<TFp> p, ref Fp12<TFp, TTower> f)
    {
        Fp2<TFp>.Mul(t.X, t.Y, out var xy);
        Fp2<TFp>.MulByBase(xy, TwoInverse, out var a);       // XY/2
        Fp2<TFp>.Square(t.Y, out var b);                      // Y²
        Fp2<TFp>.Square(t.Z, out var c);                      // Z²
        var b3 = TCurve.TwistB3;
        Fp2<TFp>.Mul(c, b3, out var e);                       // 3b'Z²
        Fp2<TFp>.Double(e, out var e2);
        Fp2<TFp>.Add(e2, e, out var f3);                      // 9b'Z²
        Fp2<TFp>.Add(b, f3, out var s);
        Fp2<TFp>.MulByBase(s, TwoInverse, out var g);         // (Y² + 9b'Z²)/2
        Fp2<TFp>.Add(t.Y, t.Z, out s);
        Fp2<TFp>.Square(s, out var yz2);
        Fp2<TFp>.Add(b, c, out s);
        Fp2<TFp>.Sub(yz2, s, out var h);                      // 2YZ
        Fp2<TFp>.Sub(e, b, out var i);                        // 3b'Z² − Y²
        Fp2<TFp>.Square(t.X, out var j);                      // X²
        Fp2<TFp>.Square(e, out var eSq);

        Fp2<TFp>.Sub(b, f3, out s);
        Fp2<TFp>.Mul(a, s, out var x3);
        Fp2<TFp>.Square(g, out var gSq);
        Fp2<TFp>.Double(eSq, out s);
        Fp2<TFp>.Add(s, eSq, out var eSq3);
        Fp2<TFp>.Sub(gSq, eSq3, out var y3);
        Fp2<TFp>.Mul(b, h, out var z3);
        t.X = x3;
        t.Y = y3;
        t.Z = z3;

        // Line coefficients: −h·yP, 3X²·xP, i (D-type at 0, 3, 4) or i, 3X²·xP, −h·yP (M-type at 0, 1, 4).
        Fp2<TFp>.Double(j, out s);
        Fp2<TFp>.Add(s, j, out var j3);
        Fp2<TFp>.MulByBase(j3, p.X, out var lx);
        Fp2<TFp>.Neg(h, out s);
        Fp2<TFp>.MulByBase(s, p.Y, out var ly);
        if (TCurve.TwistIsDType)
        {
            Fp12<TFp, TTower>.MulBy034(f, ly, lx, i, out f);
        }
        else
        {
            Fp12<TFp, TTower>.MulBy014(f, i, lx, ly, out f);
        }
    }

    /// <summary>
    /// T ← T + Q (Q affine) and f ← f·ℓ(P), ℓ the line through T and Q: Aranha et al. eq. 11 /
    /// arkworks' <c>G2HomProjective::add_in_place</c>. Valid when T ≠ ±Q, which holds inside the loop
    /// for points of order r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AdditionStep(ref G2Projective<TFp> t, in Fp2<TFp> qx, in Fp2<TFp> qy, in PairingG1Input<TFp> p, ref Fp12<TFp, TTower> f)
    {
        Fp2<TFp>.Mul(qy, t.Z, out var s);
        Fp2<TFp>.Sub(t.Y, s, out var theta);                  // Y − yQ·Z
        Fp2<TFp>.Mul(qx, t.Z, out s);
        Fp2<TFp>.Sub(t.X, s, out var lambda);                 // X − xQ·Z
        Fp2<TFp>.Square(theta, out var c);
        Fp2<TFp>.Square(lambda, out var d);
        Fp2<TFp>.Mul(lambda, d, out var e);
        Fp2<TFp>.Mul(t.Z, c, out var ff);
        Fp2<TFp>.Mul(t.X, d, out var g);
        Fp2<TFp>.Add(e, ff, out s);
        Fp2<TFp>.Double(g, out var g2);
        Fp2<TFp>.Sub(s, g2, out var h);                       // e + f − 2g
        Fp2<TFp>.Mul(lambda, h, out var x3);
        Fp2<TFp>.Sub(g, h, out s);
        Fp2<TFp>.Mul(theta, s, out var u);
        Fp2<TFp>.Mul(e, t.Y, out var v);
        Fp2<TFp>.Sub(u, v, out var y3);
        Fp2<TFp>.Mul(t.Z, e, out var z3);
        t.X = x3;
        t.Y = y3;
        t.Z = z3;

        // j = θ·xQ − λ·yQ; line coefficients λ·yP, −θ·xP, j (D-type at 0, 3, 4) or j, −θ·xP, λ·yP (M-type at 0, 1, 4).
        Fp2<TFp>.Mul(theta, qx, out u);
        Fp2<TFp>.Mul(lambda, qy, out v);
        Fp2<TFp>.Sub(u, v, out var j);
        Fp2<TFp>.Neg(theta, out s);
        Fp2<TFp>.MulByBase(s, p.X, out var lx);
        Fp2<TFp>.MulByBase(lambda, p.Y, out var ly);
        if (TCurve.TwistIsDType)
        {
            Fp12<TFp, TTower>.MulBy034(f, ly, lx, j, out f);
        }
        else
        {
            Fp12<TFp, TTower>.MulBy014(f, j, lx, ly, out f);
        }
    }

    /// <summary>ψ(x, y) = (x̄·ξ^((p−1)/3), ȳ·ξ^((p−1)/2)), the untwist-Frobenius-twist endomorphism of a D-type twist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Psi(in Fp2<TFp> x, in Fp2<TFp> y, out Fp2<TFp> rx, out Fp2<TFp> ry)
    {
        Fp2<TFp>.Conjugate(x, out var cx);
        Fp2<TFp>.Conjugate(y, out var cy);
        Fp2<TFp>.Mul(cx, TowerFrobenius<TFp, TTower>.PsiX, out rx);
        Fp2<TFp>.Mul(cy, TowerFrobenius<TFp, TTower>.PsiY, out ry);
    }

    private static void CheckLengths(int g1Count, int g2Count)
    {
        if (g1Count != g2Count)
        {
            throw new ArgumentException($"pairing product: {g1Count} G1 points but {g2Count} G2 points; pass one G2 point per G1 point.");
        }
    }

    private static TFp ComputeTwoInverse()
    {
        TFp.InverseVartime(TFp.FromUInt64(2), out var r);
        return r;
    }
}
