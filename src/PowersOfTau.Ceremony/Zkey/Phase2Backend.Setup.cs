using System.Buffers.Binary;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.R1cs;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Ceremony.Zkey;

internal sealed partial class Phase2Backend<TFq, TFr, TTower, TG1, TG2, TPair>
{
    private enum Base : byte { TauG1, AlphaTauG1, BetaTauG1 }

    /// <summary>One summand k·L_c of a composed point: Lagrange index c, which Lagrange section, coefficient k (plain).</summary>
    private readonly record struct Term(int Lagrange, Base Base, R1csCoefficient Coefficient);

    private readonly record struct CoefficientEntry(uint Matrix, uint Constraint, uint Signal, R1csCoefficient Value);

    /// <summary>snarkjs zkey_new.js hashes the H points in chunks of this many (spec/zkey.md §2).</summary>
    private const int HashHChunk = 1 << 14;

    public override byte[] Setup(R1csFile r1cs, PtauFile ptau, Stream output, int cirPower,
        IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken)
    {
        var header = r1cs.Header;
        int n = 1 << cirPower;
        int nPublic = (int)header.Public;
        int nVars = (int)header.Wires;
        int nConstraints = (int)header.Constraints;
        string pf = ptau.FileName;

        // ---- the constraints, as lists of terms per signal (spec/zkey.md §2) ----
        progress?.Report(new("Reading r1cs", 0, nConstraints));
        var a = new List<Term>?[nVars];
        var b1 = new List<Term>?[nVars];
        var b2 = new List<Term>?[nVars];
        var ic = new List<Term>?[nPublic + 1];
        var c = new List<Term>?[nVars - nPublic - 1];
        var coefficients = new List<CoefficientEntry>();
        void Add(List<Term>?[] lists, uint s, Term t) => (lists[s] ??= []).Add(t);
        void AddK(uint s, Term t)
        {
            if (s <= nPublic) Add(ic, s, t);
            else Add(c, s - (uint)nPublic - 1, t);
        }
        int constraint = 0;
        foreach (var cs in r1cs.ReadConstraints(cancellationToken))
        {
            foreach (var t in cs.A)
            {
                Add(a, t.Wire, new(constraint, Base.TauG1, t.Coefficient));
                AddK(t.Wire, new(constraint, Base.BetaTauG1, t.Coefficient));
                coefficients.Add(new(0, (uint)constraint, t.Wire, t.Coefficient));
            }
            foreach (var t in cs.B)
            {
                Add(b1, t.Wire, new(constraint, Base.TauG1, t.Coefficient));
                Add(b2, t.Wire, new(constraint, Base.TauG1, t.Coefficient));
                AddK(t.Wire, new(constraint, Base.AlphaTauG1, t.Coefficient));
                coefficients.Add(new(1, (uint)constraint, t.Wire, t.Coefficient));
            }
            foreach (var t in cs.C) AddK(t.Wire, new(constraint, Base.TauG1, t.Coefficient));
            constraint++;
        }
        for (uint s = 0; s <= nPublic; s++)
        {
            Add(a, s, new(nConstraints + (int)s, Base.TauG1, R1csCoefficient.One));
            Add(ic, s, new(nConstraints + (int)s, Base.BetaTauG1, R1csCoefficient.One));
            coefficients.Add(new(0, (uint)(nConstraints + s), s, R1csCoefficient.One));
        }

        // ---- the Lagrange blocks of size n (ptau sections 12..15 from point n−1; spec/ptau.md §10) ----
        progress?.Report(new("Reading Lagrange points", 0, 4));
        var tauG1 = ReadG1Points(ptau, 12, n - 1, n);
        var tauG2 = ReadG2Points(ptau, 13, n - 1, n);
        var alphaTauG1 = ReadG1Points(ptau, 14, n - 1, n);
        var betaTauG1 = ReadG1Points(ptau, 15, n - 1, n);
        AffinePoint<TFq, TG1>[][] g1Bases = [tauG1, alphaTauG1, betaTauG1];

        // ---- header and hash ----
        var curve = Curve;
        var alpha1Lem = ReadRaw(ptau, 4, 0, 1, curve.G1Size);
        var beta1Lem = ReadRaw(ptau, 5, 0, 1, curve.G1Size);
        var beta2Lem = ReadRaw(ptau, 6, 0, 1, curve.G2Size);
        var alpha1 = DecodeG1(alpha1Lem, pf, 4, "point 0");
        var beta1 = DecodeG1(beta1Lem, pf, 5, "point 0");
        var beta2 = DecodeG2(beta2Lem, pf, 6, "point 0");
        var zkeyHeader = new ZkeyHeader
        {
            Curve = curve, NVars = (uint)nVars, NPublic = (uint)nPublic, DomainSize = (uint)n,
            AlphaG1 = alpha1Lem, BetaG1 = beta1Lem, BetaG2 = beta2Lem,
            GammaG2 = Lem(G2Generator), DeltaG1 = Lem(G1Generator), DeltaG2 = Lem(G2Generator),
        };
        var hasher = new Blake2b();
        try
        {
            HashU(ref hasher, alpha1);
            HashU(ref hasher, beta1);
            HashU(ref hasher, beta2);
            HashU(ref hasher, G2Generator);
            HashU(ref hasher, G1Generator);
            HashU(ref hasher, G2Generator);

            // ---- the file, in zkey_new.js's section order 1, 2, 4, 3, 9, 8, 5, 6, 7, 10. The hash takes IC, the H
            // basis, C, A, B1, B2 in the same order, so each section is composed, written and hashed a chunk of
            // signals at a time: memory holds the Lagrange blocks and the term lists, never the whole key. ----
            var writer = new BinFileWriter(output, BinFileFormat.ZkeyMagic, 1, ZkeySections.Count);
            Span<byte> word = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(word, 1);
            writer.WriteSection(ZkeySections.Protocol, word);
            writer.WriteSection(ZkeySections.Groth16Header, zkeyHeader.ToBytes());
            WriteCoefficients(writer, coefficients);
            ComposeWriteHashG1(writer, ref hasher, ZkeySections.IC, ic, g1Bases, progress, cancellationToken);
            WriteHSection(writer, ptau, cirPower, n, cancellationToken);
            HashHPoints(ref hasher, ptau, n, cancellationToken);
            ComposeWriteHashG1(writer, ref hasher, ZkeySections.L, c, g1Bases, progress, cancellationToken);
            ComposeWriteHashG1(writer, ref hasher, ZkeySections.A, a, g1Bases, progress, cancellationToken);
            ComposeWriteHashG1(writer, ref hasher, ZkeySections.B1, b1, g1Bases, progress, cancellationToken);
            ComposeWriteHashG2(writer, ref hasher, ZkeySections.B2, b2, tauG2, progress, cancellationToken);
            var csHash = new byte[64];
            hasher.Finish(csHash);
            writer.WriteSection(ZkeySections.Contributions, new ZkeyMpcParams(csHash, []).ToBytes());
            writer.Complete();
            return csHash;
        }
        finally
        {
            hasher.Dispose();
        }
    }

    private static byte[] ReadRaw(PtauFile ptau, int id, long first, int count, int pointSize)
    {
        var bytes = new byte[(long)count * pointSize];
        ptau.Container.ReadSection(ptau.Section(id), first * pointSize, bytes);
        return bytes;
    }

    private AffinePoint<TFq, TG1>[] ReadG1Points(PtauFile ptau, int id, long first, int count)
    {
        var points = new AffinePoint<TFq, TG1>[count];
        DecodeManyG1(ReadRaw(ptau, id, first, count, Curve.G1Size), points, ptau.FileName, id, first);
        return points;
    }

    private AffinePoint<Fp2<TFq>, TG2>[] ReadG2Points(PtauFile ptau, int id, long first, int count)
    {
        var points = new AffinePoint<Fp2<TFq>, TG2>[count];
        DecodeManyG2(ReadRaw(ptau, id, first, count, Curve.G2Size), points, ptau.FileName, id, first);
        return points;
    }

    /// <summary>Signals composed, written and hashed per chunk (memory stays flat in the number of signals).</summary>
    private const int ComposeChunkSignals = 1 << 14;

    private void ComposeWriteHashG1(BinFileWriter writer, ref Blake2b hasher, int id, List<Term>?[] lists,
        AffinePoint<TFq, TG1>[][] bases, IProgress<ZkeyProgress>? progress, CancellationToken ct)
    {
        HashLength(ref hasher, lists.Length);
        var body = writer.BeginSection(id, (long)lists.Length * Curve.G1Size);
        for (int first = 0; first < lists.Length; first += ComposeChunkSignals)
        {
            progress?.Report(new($"Composing {ZkeySections.Name(id)}", first, lists.Length));
            var points = ComposeG1(lists.AsSpan(first, Math.Min(ComposeChunkSignals, lists.Length - first)).ToArray(), bases, ct);
            var bytes = new byte[points.Length * Curve.G1Size];
            PointEncoding<TFq, TG1>.WriteLemMany(points, bytes);
            body.Write(bytes);
            PointEncoding<TFq, TG1>.WriteUncompressedMany(points, bytes);
            hasher.Update(bytes);
        }
        writer.EndSection();
    }

    private void ComposeWriteHashG2(BinFileWriter writer, ref Blake2b hasher, int id, List<Term>?[] lists,
        AffinePoint<Fp2<TFq>, TG2>[] bases, IProgress<ZkeyProgress>? progress, CancellationToken ct)
    {
        HashLength(ref hasher, lists.Length);
        var body = writer.BeginSection(id, (long)lists.Length * Curve.G2Size);
        for (int first = 0; first < lists.Length; first += ComposeChunkSignals)
        {
            progress?.Report(new($"Composing {ZkeySections.Name(id)}", first, lists.Length));
            var points = ComposeG2(lists.AsSpan(first, Math.Min(ComposeChunkSignals, lists.Length - first)).ToArray(), bases, ct);
            var bytes = new byte[points.Length * Curve.G2Size];
            PointEncoding<Fp2<TFq>, TG2>.WriteLemMany(points, bytes);
            body.Write(bytes);
            PointEncoding<Fp2<TFq>, TG2>.WriteUncompressedMany(points, bytes);
            hasher.Update(bytes);
        }
        writer.EndSection();
    }

    private static AffinePoint<TFq, TG1>[] ComposeG1(List<Term>?[] lists, AffinePoint<TFq, TG1>[][] bases, CancellationToken ct)
    {
        var sums = new JacobianPoint<TFq, TG1>[lists.Length];
        Parallel.For(0, lists.Length, new ParallelOptions { CancellationToken = ct }, s =>
        {
            var terms = lists[s];
            if (terms is null) { sums[s] = JacobianPoint<TFq, TG1>.Infinity; return; }
            var points = new AffinePoint<TFq, TG1>[terms.Count];
            var scalars = new ulong[terms.Count * ScalarLimbs];
            for (int i = 0; i < terms.Count; i++)
            {
                points[i] = bases[(int)terms[i].Base][terms[i].Lagrange];
                ReadLimbs(terms[i].Coefficient, scalars.AsSpan(i * ScalarLimbs, ScalarLimbs));
            }
            sums[s] = SumOfProducts(points, scalars);
        });
        var affine = new AffinePoint<TFq, TG1>[lists.Length];
        JacobianPoint<TFq, TG1>.BatchToAffineVartime(sums, affine);
        return affine;
    }

    private static AffinePoint<Fp2<TFq>, TG2>[] ComposeG2(List<Term>?[] lists, AffinePoint<Fp2<TFq>, TG2>[] bases, CancellationToken ct)
    {
        var sums = new JacobianPoint<Fp2<TFq>, TG2>[lists.Length];
        Parallel.For(0, lists.Length, new ParallelOptions { CancellationToken = ct }, s =>
        {
            var terms = lists[s];
            if (terms is null) { sums[s] = JacobianPoint<Fp2<TFq>, TG2>.Infinity; return; }
            var points = new AffinePoint<Fp2<TFq>, TG2>[terms.Count];
            var scalars = new ulong[terms.Count * ScalarLimbs];
            for (int i = 0; i < terms.Count; i++)
            {
                points[i] = bases[terms[i].Lagrange];
                ReadLimbs(terms[i].Coefficient, scalars.AsSpan(i * ScalarLimbs, ScalarLimbs));
            }
            sums[s] = SumOfProducts(points, scalars);
        });
        var affine = new AffinePoint<Fp2<TFq>, TG2>[lists.Length];
        JacobianPoint<Fp2<TFq>, TG2>.BatchToAffineVartime(sums, affine);
        return affine;
    }

    private static void ReadLimbs(in R1csCoefficient k, Span<ulong> limbs)
    {
        ReadOnlySpan<byte> bytes = k;
        for (int i = 0; i < ScalarLimbs; i++) limbs[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
    }

    private static void HashLength(ref Blake2b hasher, int n)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)n);   // big-endian here (spec/zkey.md §2)
        hasher.Update(word);
    }

    /// <summary>
    /// BE32(n−1), then U(τ^(n+i)·G1 − τ^i·G1) from ptau section 2, in snarkjs's chunks: chunks start at
    /// i = 0, 16384, … below n−1 and each hashes min(n−1, 16384) points (spec/zkey.md §2). For n ≥ 2^15 that hashes
    /// n points, not n−1; when n is also 2^power, the last "τ^(2n−1)" lies past the end of section 2 and snarkjs
    /// reads the next bytes of the file (the following section's header and body) as a Montgomery affine point.
    /// Both quirks are reproduced, since the hash must match (see <see cref="PastEndOfSection2"/>).
    /// </summary>
    private void HashHPoints(ref Blake2b hasher, PtauFile ptau, int n, CancellationToken ct)
    {
        HashLength(ref hasher, n - 1);
        long available = ptau.Section(2).Size / Curve.G1Size;
        for (int i = 0; i < n - 1; i += HashHChunk)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(n - 1, HashHChunk);
            int present = (int)Math.Min(count, available - (i + n));
            var high = new AffinePoint<TFq, TG1>[count];
            ReadG1Points(ptau, 2, i + n, present).CopyTo(high, 0);
            var low = ReadG1Points(ptau, 2, i, count);
            var diff = new JacobianPoint<TFq, TG1>[count];
            Parallel.For(0, present, j =>
            {
                AffinePoint<TFq, TG1>.Negate(low[j], out var minusLow);
                JacobianPoint<TFq, TG1>.AddMixedVartime(high[j].ToJacobian(), minusLow, out diff[j]);
            });
            var affine = new AffinePoint<TFq, TG1>[count];
            JacobianPoint<TFq, TG1>.BatchToAffineVartime(diff.AsSpan(0, present), affine.AsSpan(0, present));
            var u = new byte[count * Curve.G1Size];
            PointEncoding<TFq, TG1>.WriteUncompressedMany(affine.AsSpan(0, present), u.AsSpan(0, present * Curve.G1Size));
            if (present < count) PastEndOfSection2(ptau, low.AsSpan(present), u.AsSpan(present * Curve.G1Size));
            hasher.Update(u);
        }
    }

    /// <summary>
    /// snarkjs's view of the points "after" section 2: the raw bytes that follow it in the file, taken as Montgomery
    /// affine coordinates without any check, minus the matching low point, as wasmcurves computes it
    /// (<see cref="WasmcurvesSubAffine"/>); writes their U encodings to <paramref name="uncompressed"/>.
    /// </summary>
    private void PastEndOfSection2(PtauFile ptau, ReadOnlySpan<AffinePoint<TFq, TG1>> low, Span<byte> uncompressed)
    {
        int g1 = Curve.G1Size;
        var raw = ReadPastSection(ptau, 2, (long)low.Length * g1);
        var lowLem = new byte[g1];
        for (int k = 0; k < low.Length; k++)
        {
            PointEncoding<TFq, TG1>.WriteLem(low[k], lowLem);
            WasmcurvesSubAffine.Uncompressed(raw.AsSpan(k * g1, g1), lowLem, Curve.Q, Curve.N8q).CopyTo(uncompressed[(k * g1)..]);
        }
    }

    /// <summary>The <paramref name="byteCount"/> bytes of the file that follow section <paramref name="id"/>.</summary>
    private static byte[] ReadPastSection(PtauFile ptau, int id, long byteCount)
    {
        var sections = ptau.Container.SectionsInFileOrder;
        var section = ptau.Section(id);
        int index = sections.ToList().IndexOf(section);
        var bytes = new byte[byteCount];
        long filled = 0;
        Span<byte> header = stackalloc byte[12];
        for (int next = index + 1; next < sections.Count && filled < byteCount; next++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)sections[next].Id);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header[4..], (ulong)sections[next].Size);
            int take = (int)Math.Min(12, byteCount - filled);
            header[..take].CopyTo(bytes.AsSpan((int)filled));
            filled += take;
            long body = Math.Min(sections[next].Size, byteCount - filled);
            ptau.Container.ReadSection(sections[next], 0, bytes.AsSpan((int)filled, (int)body));
            filled += body;
        }
        if (filled < byteCount)
            throw Errors.ZkeyErrors.HashPastEndOfFile(ptau.FileName, ptau.Header.Power);
        return bytes;
    }

    private void WriteCoefficients(BinFileWriter writer, List<CoefficientEntry> entries)
    {
        // value·R² mod r, R = 2^256 (spec/zkey.md §1 "double Montgomery").
        var r = TFr.Pow(TFr.FromUInt64(2), [256]);
        var r2 = r * r;
        var body = writer.BeginSection(ZkeySections.Coefficients, 4 + (long)entries.Count * ZkeyFile.Coefficient.Size);
        var entry = new byte[ZkeyFile.Coefficient.Size];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)entries.Count);
        body.Write(entry, 0, 4);
        foreach (var e in entries)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, e.Matrix);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), e.Constraint);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), e.Signal);
            var value = e.Value;
            TFr.TryReadCanonicalLE(value, out var v);
            TFr.WriteCanonicalLE(v * r2, entry.AsSpan(12));
            body.Write(entry);
        }
        writer.EndSection();
    }

    /// <summary>
    /// H: point i = point 2i+1 of the size-2n Lagrange block of ptau section 12 (from index 2n−1), raw bytes; when
    /// the domain is 2^s (s = Fr's 2-adicity) snarkjs takes the n points after the block instead (spec/zkey.md §2).
    /// </summary>
    private void WriteHSection(BinFileWriter writer, PtauFile ptau, int cirPower, int n, CancellationToken ct)
    {
        int g1 = Curve.G1Size;
        var body = writer.BeginSection(ZkeySections.H, (long)n * g1);
        bool oddPoints = cirPower < RootsOfUnity<TFr>.TwoAdicity;
        for (int first = 0; first < n; first += ComposeChunkSignals)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(ComposeChunkSignals, n - first);
            byte[] output;
            if (oddPoints)
            {
                var block = ReadRaw(ptau, 12, 2L * n - 1 + 2L * first, 2 * count, g1);
                output = new byte[count * g1];
                for (int i = 0; i < count; i++) block.AsSpan((2 * i + 1) * g1, g1).CopyTo(output.AsSpan(i * g1));
            }
            else
            {
                output = ReadRaw(ptau, 12, (1L << (cirPower + 1)) - 1 + n + first, count, g1);
            }
            // Checked like every point read from a file (ARCHITECTURE.md §4), then copied unchanged.
            DecodeManyG1(output, new AffinePoint<TFq, TG1>[count], ptau.FileName, 12, 2L * n - 1 + 2L * first);
            body.Write(output);
        }
        writer.EndSection();
    }
}
