using System.Numerics;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// wasmcurves' <c>g1m_subAffine</c> followed by <c>batchToAffine</c> and <c>LEMtoU</c>, emulated bit for bit on
/// arbitrary (unreduced, off-curve) Montgomery coordinates. Only needed for snarkjs's hash of the "point" that
/// <c>zkey new</c> reads past the end of ptau section 2 (spec/zkey.md §2): there the coordinates are whatever bytes
/// follow the section, often ≥ q, and wasmcurves' field addition and subtraction wrap modulo 2^(8·n8) without
/// staying congruent mod q, so no ordinary field arithmetic reproduces the hash. Public data only (BigInteger).
/// </summary>
internal static class WasmcurvesSubAffine
{
    /// <summary>
    /// U(p1 − p2) as wasmcurves computes it, for p1 = (x1, y1), p2 = (x2, y2) raw little-endian Montgomery coordinates
    /// of <paramref name="n8"/> bytes each (p2 a valid reduced point), over the prime <paramref name="q"/>.
    /// </summary>
    public static byte[] Uncompressed(ReadOnlySpan<byte> p1, ReadOnlySpan<byte> p2, BigInteger q, int n8)
    {
        var field = new Field(q, n8);
        BigInteger Read(ReadOnlySpan<byte> b) => new(b, isUnsigned: true);
        BigInteger x1 = Read(p1[..n8]), y1 = Read(p1[n8..(2 * n8)]);
        BigInteger x2 = Read(p2[..n8]), y2 = field.Sub(0, Read(p2[n8..(2 * n8)]));   // negAffine

        var output = new byte[2 * n8];
        if (x1.IsZero && y1.IsZero) return Affine(field, x2, y2, field.One, output);
        if (x1 == x2) throw new NotSupportedException("the bytes after section 2 have the x of the subtracted point");

        // addAffine (build_curve_jacobian_a0.js), step by step.
        var h = field.Sub(x2, x1);
        var y2MinusY1 = field.Sub(y2, y1);
        var hh = field.Mul(h, h);
        var i = field.Add(hh, hh);
        i = field.Add(i, i);
        var j = field.Mul(h, i);
        var r = field.Add(y2MinusY1, y2MinusY1);
        var v = field.Mul(x1, i);
        var r2 = field.Mul(r, r);
        var v2 = field.Add(v, v);
        var x3 = field.Sub(field.Sub(r2, j), v2);
        var y1J2 = field.Mul(y1, j);
        y1J2 = field.Add(y1J2, y1J2);
        var y3 = field.Sub(field.Mul(field.Sub(v, x3), r), y1J2);
        var z3 = field.Add(h, h);
        return Affine(field, x3, y3, z3, output);
    }

    /// <summary>batchToAffine then LEMtoU: multiplications only, so plain field values suffice from here.</summary>
    private static byte[] Affine(Field f, BigInteger x, BigInteger y, BigInteger z, byte[] output)
    {
        BigInteger xv = f.Value(x), yv = f.Value(y), zv = f.Value(z);
        if (zv.IsZero) return output;   // wasmcurves writes the identity as zeros
        var zInverse = BigInteger.ModPow(zv, f.Q - 2, f.Q);
        var z2 = zInverse * zInverse % f.Q;
        Write(xv * z2 % f.Q, output.AsSpan(0, f.N8));
        Write(yv * z2 % f.Q * zInverse % f.Q, output.AsSpan(f.N8, f.N8));
        return output;
    }

    private static void Write(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        value.TryWriteBytes(destination[(destination.Length - value.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>build_f1m.js's add, sub, mul on n8-byte integers, with their exact wrap-around behaviour.</summary>
    private sealed class Field(BigInteger q, int n8)
    {
        public BigInteger Q { get; } = q;
        public int N8 { get; } = n8;
        private readonly BigInteger _r = BigInteger.One << (8 * n8);
        private readonly BigInteger _rInverse = BigInteger.ModPow(BigInteger.One << (8 * n8), q - 2, q);
        private readonly BigInteger _qInverseNegated = (BigInteger.One << (8 * n8)) - ModInverse(q, BigInteger.One << (8 * n8));

        public BigInteger One => _r % Q;

        /// <summary>The field element a raw Montgomery integer stands for: a·R⁻¹ mod q.</summary>
        public BigInteger Value(BigInteger a) => a * _rInverse % Q;

        public BigInteger Add(BigInteger x, BigInteger y)
        {
            var s = x + y;
            if (s >= _r) return Mod(s - _r - Q);       // carry out: subtract q from the truncated sum
            return s >= Q ? s - Q : s;
        }

        public BigInteger Sub(BigInteger x, BigInteger y)
        {
            var d = x - y;
            return d < 0 ? Mod(d + _r + Q) : d;        // borrow: add q to the wrapped difference
        }

        public BigInteger Mul(BigInteger x, BigInteger y)
        {
            var t = x * y;
            var m = t % _r * _qInverseNegated % _r;
            var u = (t + m * Q) / _r;
            return u >= _r || u >= Q ? u - Q : u;
        }

        private BigInteger Mod(BigInteger a)
        {
            var m = a % _r;
            return m < 0 ? m + _r : m;
        }

        private static BigInteger ModInverse(BigInteger a, BigInteger modulus)
        {
            BigInteger t = 0, newT = 1, r = modulus, newR = a % modulus;
            while (!newR.IsZero)
            {
                var quotient = r / newR;
                (t, newT) = (newT, t - quotient * newT);
                (r, newR) = (newR, r - quotient * newR);
            }
            return t < 0 ? t + modulus : t;
        }
    }
}
