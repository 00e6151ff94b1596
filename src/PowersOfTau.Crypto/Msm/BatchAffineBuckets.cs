using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Msm;

/// <summary>
/// One Pippenger window with affine buckets: additions are queued in batches (at most one per bucket per batch),
/// and each batch shares one inversion (Montgomery's trick), so an addition costs about 6M instead of the 11M of a
/// mixed Jacobian addition. A point whose bucket is already busy in the current batch waits for the next one.
/// The identity is an affine (0, 0); P + P and P + (−P) are handled (doubling, or the bucket becomes empty).
/// Public data only (variable time).
/// </summary>
internal static class BatchAffineBuckets<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    private const int BatchSize = 256;

    public static JacobianPoint<TF, TCurve> WindowSum(ReadOnlySpan<AffinePoint<TF, TCurve>> points, short[] digits, int windows, int w, int c)
    {
        int bucketCount = 1 << (c - 1);
        var state = new State(bucketCount);
        for (int i = 0; i < points.Length; i++)
        {
            int d = digits[i * windows + w];
            if (d == 0) continue;
            var q = points[i];
            if (q.IsInfinity) continue;
            if (d < 0) AffinePoint<TF, TCurve>.Negate(q, out q);
            state.Schedule(Math.Abs(d) - 1, q);
        }
        state.Flush();

        // Σ_b (b+1)·(bucket[b] + overflow[b]) by running sums from the top bucket down.
        var running = JacobianPoint<TF, TCurve>.Infinity;
        var sum = JacobianPoint<TF, TCurve>.Infinity;
        for (int b = bucketCount - 1; b >= 0; b--)
        {
            JacobianPoint<TF, TCurve>.AddMixedVartime(running, state.Buckets[b], out running);
            JacobianPoint<TF, TCurve>.AddVartime(running, state.Overflow[b], out running);
            JacobianPoint<TF, TCurve>.AddVartime(sum, running, out sum);
        }
        return sum;
    }

    private sealed class State
    {
        public readonly AffinePoint<TF, TCurve>[] Buckets;
        public readonly JacobianPoint<TF, TCurve>[] Overflow;
        private readonly bool[] _busy;
        private readonly int[] _pendingBucket = new int[BatchSize];
        private readonly AffinePoint<TF, TCurve>[] _pendingPoint = new AffinePoint<TF, TCurve>[BatchSize];
        private readonly TF[] _denominator = new TF[BatchSize];
        private readonly TF[] _prefix = new TF[BatchSize];
        private readonly byte[] _kind = new byte[BatchSize]; // 0 add, 1 double, 2 cancel
        private int _count;

        public State(int bucketCount)
        {
            Buckets = new AffinePoint<TF, TCurve>[bucketCount];
            Overflow = new JacobianPoint<TF, TCurve>[bucketCount];
            Overflow.AsSpan().Fill(JacobianPoint<TF, TCurve>.Infinity);
            _busy = new bool[bucketCount];
        }

        public void Schedule(int b, in AffinePoint<TF, TCurve> q)
        {
            if (_busy[b])
            {
                JacobianPoint<TF, TCurve>.AddMixedVartime(Overflow[b], q, out Overflow[b]);
                return;
            }
            if (Buckets[b].IsInfinity) { Buckets[b] = q; return; }
            _busy[b] = true;
            _pendingBucket[_count] = b;
            _pendingPoint[_count] = q;
            _count++;
            if (_count == BatchSize) Flush();
        }

        public void Flush()
        {
            int n = _count;
            if (n == 0) return;
            TF acc = TF.One;
            for (int j = 0; j < n; j++)
            {
                ref readonly var a = ref Buckets[_pendingBucket[j]];
                ref readonly var q = ref _pendingPoint[j];
                TF den;
                if (TF.EqualMask(a.X, q.X) != 0)
                {
                    if (TF.EqualMask(a.Y, q.Y) != 0) { _kind[j] = 1; TF.Double(a.Y, out den); }  // λ = 3x^2 / 2y
                    else { _kind[j] = 2; den = TF.One; }                                         // a = −q
                }
                else
                {
                    _kind[j] = 0;
                    TF.Sub(q.X, a.X, out den);
                }
                _denominator[j] = den;
                _prefix[j] = acc;
                TF.Mul(acc, den, out TF next);
                acc = next;
            }
            TF.InverseVartime(acc, out TF inv);
            for (int j = n - 1; j >= 0; j--)
            {
                int b = _pendingBucket[j];
                TF.Mul(inv, _prefix[j], out TF denInv);
                TF.Mul(inv, _denominator[j], out TF nextInv);
                inv = nextInv;
                ref var a = ref Buckets[b];
                ref readonly var q = ref _pendingPoint[j];
                _busy[b] = false;
                if (_kind[j] == 2) { a = default; continue; }
                TF lambda;
                if (_kind[j] == 1)
                {
                    TF.Square(a.X, out TF x2);
                    TF.Double(x2, out TF x2d);
                    TF.Add(x2d, x2, out TF x23);
                    TF.Mul(x23, denInv, out lambda);
                }
                else
                {
                    TF.Sub(q.Y, a.Y, out TF dy);
                    TF.Mul(dy, denInv, out lambda);
                }
                TF.Square(lambda, out TF l2);
                TF.Sub(l2, a.X, out TF t);
                TF.Sub(t, q.X, out TF x3);
                TF.Sub(a.X, x3, out TF dx);
                TF.Mul(lambda, dx, out TF ly);
                TF.Sub(ly, a.Y, out TF y3);
                a = new AffinePoint<TF, TCurve>(x3, y3);
            }
            _count = 0;
        }
    }
}
