using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Encoding;

/// <summary>
/// The three point encodings of snarkjs 0.7.6 (spec/ptau.md §2), for any of the four groups:
/// <list type="bullet">
/// <item><b>LEM</b> (.ptau/.zkey sections): affine x || y, each coordinate little-endian Montgomery
/// (Fp2: c0 || c1); the identity is all zeros. <see cref="LemSize"/> bytes.</item>
/// <item><b>Uncompressed</b> (challenge files, hash inputs): x || y, each coordinate the big-endian canonical integer
/// (the whole little-endian buffer reversed, so Fp2 is c1 || c0). The writer emits all zeros for the identity.
/// <see cref="UncompressedSize"/> bytes.</item>
/// <item><b>Compressed</b> (response files): big-endian canonical x with flags in the first byte: 0x80 = y is
/// "negative" (ffjavascript isNegative), 0x40 = identity (all other bits zero). No "compressed" flag, for both
/// curves. <see cref="CompressedSize"/> bytes.</item>
/// </list>
/// Every decoder returns only points that are valid group elements: coordinates canonical (&lt; p), flags as
/// listed, on the curve, and — unless the caller passes checkSubgroup = false — in the prime-order subgroup.
/// The identity is accepted (it is in every subgroup). Decoders are variable time (points are public).
/// </summary>
public static class PointEncoding<TF, TCurve>
    where TF : unmanaged, IField<TF>
    where TCurve : ICurve<TF, TCurve>
{
    private const byte NegativeFlag = 0x80;
    private const byte InfinityFlag = 0x40;

    /// <summary>Bytes of a LEM point: 2·n8 (G1) or 4·n8 (G2).</summary>
    public static int LemSize => 2 * TF.ByteLength;

    /// <summary>Bytes of an uncompressed point: the same as <see cref="LemSize"/>.</summary>
    public static int UncompressedSize => 2 * TF.ByteLength;

    /// <summary>Bytes of a compressed point: n8 (G1) or 2·n8 (G2).</summary>
    public static int CompressedSize => TF.ByteLength;

    // ---------------- LEM ----------------

    /// <summary>Writes p (affine; the identity as all zeros) in LEM form to dst[..LemSize].</summary>
    public static void WriteLem(in AffinePoint<TF, TCurve> p, Span<byte> dst)
    {
        int n = TF.ByteLength;
        CheckLength(dst.Length, 2 * n);
        TF.WriteMontgomeryLE(p.X, dst[..n]);
        TF.WriteMontgomeryLE(p.Y, dst.Slice(n, n));
    }

    /// <summary>
    /// Decodes a LEM point. Checks: exact length; each coordinate's Montgomery value &lt; p (NonCanonical); all zeros
    /// is the identity; otherwise on the curve (NotOnCurve) and, when <paramref name="checkSubgroup"/>, in the
    /// subgroup (NotInSubgroup). Returns <see cref="PointDecodingError.None"/> on success.
    /// </summary>
    public static PointDecodingError TryReadLem(ReadOnlySpan<byte> src, out AffinePoint<TF, TCurve> p, bool checkSubgroup = true)
    {
        p = default;
        int n = TF.ByteLength;
        if (src.Length != 2 * n) return PointDecodingError.WrongLength;
        if (!TF.TryReadMontgomeryLE(src[..n], out TF x) || !TF.TryReadMontgomeryLE(src.Slice(n, n), out TF y))
            return PointDecodingError.NonCanonical;
        return Validate(new AffinePoint<TF, TCurve>(x, y), out p, checkSubgroup);
    }

    /// <summary>Decodes a LEM point (see <see cref="TryReadLem"/> for what is checked).</summary>
    /// <exception cref="PointDecodingException">The encoding is invalid; <see cref="PointDecodingException.Reason"/> says why.</exception>
    public static AffinePoint<TF, TCurve> ReadLem(ReadOnlySpan<byte> src, bool checkSubgroup = true) =>
        Throw(TryReadLem(src, out var p, checkSubgroup), "LEM", p);

    // ---------------- Uncompressed ----------------

    /// <summary>Writes p uncompressed (big-endian canonical x || y; the identity as all zeros, as snarkjs writes it).</summary>
    public static void WriteUncompressed(in AffinePoint<TF, TCurve> p, Span<byte> dst)
    {
        int n = TF.ByteLength;
        CheckLength(dst.Length, 2 * n);
        WriteBigEndian(p.X, dst[..n]);
        WriteBigEndian(p.Y, dst.Slice(n, n));
    }

    /// <summary>
    /// Decodes an uncompressed point. Checks: exact length; flag bits of the first byte: 0x40 means the identity and
    /// then every other bit must be zero (BadFlags), 0x80 is never allowed (BadFlags); coordinates &lt; p
    /// (NonCanonical); all zeros is the identity; otherwise on the curve (NotOnCurve) and, when
    /// <paramref name="checkSubgroup"/>, in the subgroup (NotInSubgroup).
    /// </summary>
    public static PointDecodingError TryReadUncompressed(ReadOnlySpan<byte> src, out AffinePoint<TF, TCurve> p, bool checkSubgroup = true)
    {
        p = default;
        int n = TF.ByteLength;
        if (src.Length != 2 * n) return PointDecodingError.WrongLength;
        byte flags = (byte)(src[0] & (NegativeFlag | InfinityFlag));
        if ((flags & NegativeFlag) != 0) return PointDecodingError.BadFlags;
        if (flags == InfinityFlag)
            return IsZeroAfterFirstByte(src, InfinityFlag) ? PointDecodingError.None : PointDecodingError.BadFlags;
        if (!TryReadBigEndian(src[..n], out TF x) || !TryReadBigEndian(src.Slice(n, n), out TF y))
            return PointDecodingError.NonCanonical;
        return Validate(new AffinePoint<TF, TCurve>(x, y), out p, checkSubgroup);
    }

    /// <summary>Decodes an uncompressed point (see <see cref="TryReadUncompressed"/>).</summary>
    /// <exception cref="PointDecodingException">The encoding is invalid.</exception>
    public static AffinePoint<TF, TCurve> ReadUncompressed(ReadOnlySpan<byte> src, bool checkSubgroup = true) =>
        Throw(TryReadUncompressed(src, out var p, checkSubgroup), "uncompressed", p);

    // ---------------- Compressed ----------------

    /// <summary>Writes p compressed: big-endian x, 0x80 when y is negative; the identity as 0x40 then zeros.</summary>
    public static void WriteCompressed(in AffinePoint<TF, TCurve> p, Span<byte> dst)
    {
        int n = TF.ByteLength;
        CheckLength(dst.Length, n);
        if (p.IsInfinity)
        {
            dst.Clear();
            dst[0] = InfinityFlag;
            return;
        }
        WriteBigEndian(p.X, dst);
        if (TF.IsNegative(p.Y)) dst[0] |= NegativeFlag;
    }

    /// <summary>
    /// Decodes a compressed point. Checks: exact length; 0x40 means the identity, and then every other bit must be
    /// zero (BadFlags); x (with the two flag bits cleared) &lt; p (NonCanonical); x^3 + b is a square (NotOnCurve);
    /// y is the root whose negativity matches 0x80; when <paramref name="checkSubgroup"/>, in the subgroup
    /// (NotInSubgroup).
    /// </summary>
    public static PointDecodingError TryReadCompressed(ReadOnlySpan<byte> src, out AffinePoint<TF, TCurve> p, bool checkSubgroup = true)
    {
        p = default;
        int n = TF.ByteLength;
        if (src.Length != n) return PointDecodingError.WrongLength;
        byte first = src[0];
        if ((first & InfinityFlag) != 0)
            return IsZeroAfterFirstByte(src, InfinityFlag) ? PointDecodingError.None : PointDecodingError.BadFlags;
        bool negative = (first & NegativeFlag) != 0;
        Span<byte> le = stackalloc byte[n];
        for (int i = 0; i < n; i++) le[i] = src[n - 1 - i];
        le[n - 1] &= 0x3F;
        if (!TF.TryReadCanonicalLE(le, out TF x)) return PointDecodingError.NonCanonical;
        if (!PointSampling.TryLiftX(x, negative, out AffinePoint<TF, TCurve> q)) return PointDecodingError.NotOnCurve;
        if (checkSubgroup && !TCurve.IsInSubgroupVartime(q)) return PointDecodingError.NotInSubgroup;
        p = q;
        return PointDecodingError.None;
    }

    /// <summary>Decodes a compressed point (see <see cref="TryReadCompressed"/>).</summary>
    /// <exception cref="PointDecodingException">The encoding is invalid.</exception>
    public static AffinePoint<TF, TCurve> ReadCompressed(ReadOnlySpan<byte> src, bool checkSubgroup = true) =>
        Throw(TryReadCompressed(src, out var p, checkSubgroup), "compressed", p);

    // ---------------- bulk ----------------

    /// <summary>Encodes points back to back in LEM form (parallel for large arrays).</summary>
    public static void WriteLemMany(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<byte> dst) =>
        BulkWrite(points, dst, LemSize, static (in AffinePoint<TF, TCurve> p, Span<byte> d) => WriteLem(p, d));

    /// <summary>Encodes points back to back uncompressed (parallel for large arrays).</summary>
    public static void WriteUncompressedMany(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<byte> dst) =>
        BulkWrite(points, dst, UncompressedSize, static (in AffinePoint<TF, TCurve> p, Span<byte> d) => WriteUncompressed(p, d));

    /// <summary>Encodes points back to back compressed (parallel for large arrays).</summary>
    public static void WriteCompressedMany(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<byte> dst) =>
        BulkWrite(points, dst, CompressedSize, static (in AffinePoint<TF, TCurve> p, Span<byte> d) => WriteCompressed(p, d));

    /// <summary>Decodes back-to-back LEM points with every check of <see cref="TryReadLem"/>, in parallel for large arrays.</summary>
    /// <exception cref="PointDecodingException">The first invalid point (lowest index), with its index and reason.</exception>
    public static void ReadLemMany(ReadOnlySpan<byte> src, Span<AffinePoint<TF, TCurve>> points, bool checkSubgroup = true) =>
        BulkRead(src, points, LemSize, "LEM", checkSubgroup, static (ReadOnlySpan<byte> s, out AffinePoint<TF, TCurve> p, bool c) => TryReadLem(s, out p, c));

    /// <summary>Decodes back-to-back uncompressed points (checks of <see cref="TryReadUncompressed"/>), in parallel.</summary>
    /// <exception cref="PointDecodingException">The first invalid point (lowest index), with its index and reason.</exception>
    public static void ReadUncompressedMany(ReadOnlySpan<byte> src, Span<AffinePoint<TF, TCurve>> points, bool checkSubgroup = true) =>
        BulkRead(src, points, UncompressedSize, "uncompressed", checkSubgroup, static (ReadOnlySpan<byte> s, out AffinePoint<TF, TCurve> p, bool c) => TryReadUncompressed(s, out p, c));

    /// <summary>Decodes back-to-back compressed points (checks of <see cref="TryReadCompressed"/>), in parallel.</summary>
    /// <exception cref="PointDecodingException">The first invalid point (lowest index), with its index and reason.</exception>
    public static void ReadCompressedMany(ReadOnlySpan<byte> src, Span<AffinePoint<TF, TCurve>> points, bool checkSubgroup = true) =>
        BulkRead(src, points, CompressedSize, "compressed", checkSubgroup, static (ReadOnlySpan<byte> s, out AffinePoint<TF, TCurve> p, bool c) => TryReadCompressed(s, out p, c));

    // ---------------- helpers ----------------

    private delegate void Writer(in AffinePoint<TF, TCurve> p, Span<byte> dst);
    private delegate PointDecodingError Reader(ReadOnlySpan<byte> src, out AffinePoint<TF, TCurve> p, bool checkSubgroup);

    private const int ParallelThreshold = 1024;
    private const int Chunk = 512;

    private static unsafe void BulkWrite(ReadOnlySpan<AffinePoint<TF, TCurve>> points, Span<byte> dst, int size, Writer write)
    {
        if (dst.Length != (long)points.Length * size) throw new ArgumentException($"destination must be {points.Length} × {size} bytes", nameof(dst));
        if (points.Length < ParallelThreshold)
        {
            for (int i = 0; i < points.Length; i++) write(points[i], dst.Slice(i * size, size));
            return;
        }
        fixed (AffinePoint<TF, TCurve>* pp = points)
        fixed (byte* pd = dst)
        {
            nint ps = (nint)pp, ds = (nint)pd;
            int count = points.Length;
            Parallel.For(0, (count + Chunk - 1) / Chunk, c =>
            {
                int end = Math.Min(count, (c + 1) * Chunk);
                for (int i = c * Chunk; i < end; i++)
                    write(((AffinePoint<TF, TCurve>*)ps)[i], new Span<byte>((byte*)ds + (long)i * size, size));
            });
        }
    }

    private static unsafe void BulkRead(ReadOnlySpan<byte> src, Span<AffinePoint<TF, TCurve>> points, int size, string encoding, bool checkSubgroup, Reader read)
    {
        if (src.Length != (long)points.Length * size)
            throw new PointDecodingException(TCurve.Name, encoding, PointDecodingError.WrongLength);
        long firstBad = long.MaxValue;
        PointDecodingError firstReason = PointDecodingError.None;
        var gate = new object();
        fixed (byte* ps = src)
        fixed (AffinePoint<TF, TCurve>* pp = points)
        {
            nint s = (nint)ps, d = (nint)pp;
            int count = points.Length;
            // Decode and check the curve equation point by point, then the subgroup for the whole chunk at once
            // (the BLS12-381 groups check eight points per AVX-512 instruction stream).
            void DecodeChunk(int c)
            {
                int start = c * Chunk, end = Math.Min(count, (c + 1) * Chunk);
                var chunk = new Span<AffinePoint<TF, TCurve>>((AffinePoint<TF, TCurve>*)d + start, end - start);
                long bad = long.MaxValue;
                PointDecodingError reason = PointDecodingError.None;
                for (int i = start; i < end; i++)
                {
                    var e = read(new ReadOnlySpan<byte>((byte*)s + (long)i * size, size), out chunk[i - start], checkSubgroup: false);
                    if (e != PointDecodingError.None) { bad = i; reason = e; break; }
                }
                if (checkSubgroup)
                {
                    int checkedCount = (int)(Math.Min(bad, end) - start);
                    Span<bool> ok = checkedCount <= 1024 ? stackalloc bool[checkedCount] : new bool[checkedCount];
                    TCurve.AreInSubgroupVartime(chunk[..checkedCount], ok);
                    int firstOff = ok.IndexOf(false);
                    if (firstOff >= 0) { bad = start + firstOff; reason = PointDecodingError.NotInSubgroup; }
                }
                if (reason == PointDecodingError.None) return;
                lock (gate)
                {
                    if (bad < firstBad) { firstBad = bad; firstReason = reason; }
                }
            }
            int chunks = (count + Chunk - 1) / Chunk;
            if (count < ParallelThreshold)
                for (int c = 0; c < chunks; c++) DecodeChunk(c);
            else
                Parallel.For(0, chunks, DecodeChunk);
        }
        if (firstReason != PointDecodingError.None) throw new PointDecodingException(TCurve.Name, encoding, firstReason, firstBad);
    }

    private static PointDecodingError Validate(in AffinePoint<TF, TCurve> q, out AffinePoint<TF, TCurve> p, bool checkSubgroup)
    {
        p = default;
        if (q.IsInfinity) return PointDecodingError.None;
        if (!q.IsOnCurve()) return PointDecodingError.NotOnCurve;
        if (checkSubgroup && !TCurve.IsInSubgroupVartime(q)) return PointDecodingError.NotInSubgroup;
        p = q;
        return PointDecodingError.None;
    }

    private static AffinePoint<TF, TCurve> Throw(PointDecodingError e, string encoding, in AffinePoint<TF, TCurve> p) =>
        e == PointDecodingError.None ? p : throw new PointDecodingException(TCurve.Name, encoding, e);

    private static bool IsZeroAfterFirstByte(ReadOnlySpan<byte> src, byte expectedFirst)
    {
        if (src[0] != expectedFirst) return false;
        return !src[1..].ContainsAnyExcept((byte)0);
    }

    private static void WriteBigEndian(in TF a, Span<byte> dst)
    {
        TF.WriteCanonicalLE(a, dst);
        dst.Reverse();
    }

    private static bool TryReadBigEndian(ReadOnlySpan<byte> src, out TF a)
    {
        Span<byte> le = stackalloc byte[src.Length];
        src.CopyTo(le);
        le.Reverse();
        return TF.TryReadCanonicalLE(le, out a);
    }

    private static void CheckLength(int actual, int expected)
    {
        if (actual != expected) throw new ArgumentException($"destination must be exactly {expected} bytes");
    }
}
