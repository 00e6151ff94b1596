using System.Buffers.Binary;
using PowersOfTau.Ceremony.Binfile;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Ceremony.R1cs;

/// <summary>
/// A .r1cs file as circom writes it (spec/zkey.md §7; r1csfile 0.0.48), opened for streaming: the header is
/// parsed and checked up front, the constraints are read one at a time by <see cref="ReadConstraints"/>.
/// </summary>
/// <remarks>
/// <see cref="Open"/> checks: the binfile container (magic "r1cs", version 1); sections 1, 2, 3 each present
/// once, and no custom-gate sections (4/5: PLONK-only circuits); n8 = 32 and the prime is r of bn128 or
/// bls12381 (which decides <see cref="R1csHeader.Curve"/>); outputs + inputs + 1 ≤ wires; section 3 holds
/// 8 bytes per wire. <see cref="ReadConstraints"/> checks, as it goes: every wire id is below nWires, every
/// coefficient is below r, the section holds exactly nConstraints constraints. Unreadable and invalid
/// files throw <see cref="CeremonyFormatException"/> naming the file and section.
/// </remarks>
public sealed class R1csFile : IDisposable
{
    private const int FieldSize = ScalarField.N8r;

    private R1csFile(BinFileReader container, R1csHeader header)
    {
        Container = container;
        Header = header;
    }

    /// <summary>The indexed container.</summary>
    public BinFileReader Container { get; }

    /// <summary>The file name used in messages.</summary>
    public string FileName => Container.FileName;

    /// <summary>The checked header.</summary>
    public R1csHeader Header { get; }

    /// <summary>Opens and checks <paramref name="path"/> (see the class remarks).</summary>
    /// <exception cref="CeremonyFormatException">The file is unreadable or invalid.</exception>
    public static R1csFile Open(string path, string? displayName = null)
    {
        var container = BinFileReader.Open(path, R1csSections.Magic, 1, R1csSections.Name, displayName);
        try
        {
            return new R1csFile(container, ReadHeader(container));
        }
        catch
        {
            container.Dispose();
            throw;
        }
    }

    private static R1csHeader ReadHeader(BinFileReader container)
    {
        string file = container.FileName;
        if (container.HasSection(R1csSections.CustomGatesList) || container.HasSection(R1csSections.CustomGatesUses))
            throw R1csErrors.CustomGates(file);
        var section = container.GetSingleSection(R1csSections.Header);
        container.GetSingleSection(R1csSections.Constraints);
        var map = container.GetSingleSection(R1csSections.WireToLabelMap);

        if (section.Size < 4) throw R1csErrors.HeaderTooShort(file, section.Size);
        Span<byte> n8Bytes = stackalloc byte[4];
        container.ReadSection(section, 0, n8Bytes);
        uint n8 = BinaryPrimitives.ReadUInt32LittleEndian(n8Bytes);
        if (n8 != FieldSize) throw R1csErrors.FieldSize(file, n8);
        int expectedSize = 4 + FieldSize + 4 * 4 + 8 + 4;
        if (section.Size != expectedSize) throw R1csErrors.HeaderSize(file, section.Size, expectedSize);
        var body = container.ReadWholeSection(section, expectedSize);

        var prime = body.AsSpan(4, FieldSize);
        var curve = ScalarField.CurveOf(prime) ?? throw R1csErrors.UnknownPrime(file, prime);
        int at = 4 + FieldSize;
        uint wires = ReadU32(body, ref at), outputs = ReadU32(body, ref at), publicInputs = ReadU32(body, ref at),
            privateInputs = ReadU32(body, ref at);
        ulong labels = BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(at));
        at += 8;
        uint constraints = ReadU32(body, ref at);

        if (1UL + outputs + publicInputs + privateInputs > wires)
            throw R1csErrors.SignalCounts(file, wires, outputs, publicInputs, privateInputs);
        if (map.Size != 8L * wires) throw R1csErrors.MapSize(file, map.Size, wires);

        return new R1csHeader
        {
            Curve = curve, N8 = FieldSize, Wires = wires, Outputs = outputs, PublicInputs = publicInputs,
            PrivateInputs = privateInputs, Labels = labels, Constraints = constraints,
        };

        static uint ReadU32(byte[] b, ref int at)
        {
            uint v = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
            at += 4;
            return v;
        }
    }

    /// <summary>
    /// Streams the constraints in file order (section 2), checking each term (see the class remarks). The
    /// enumeration reads through a small buffer: memory does not grow with the circuit.
    /// </summary>
    /// <exception cref="CeremonyFormatException">A term is invalid or the section size disagrees with the header.</exception>
    public IEnumerable<R1csConstraint> ReadConstraints(CancellationToken cancellationToken = default)
    {
        var section = Container.GetSingleSection(R1csSections.Constraints);
        using var stream = new BufferedStream(Container.OpenSection(section), 1 << 16);
        var reader = new ConstraintReader(stream, this);
        for (long c = 0; c < Header.Constraints; c++)
        {
            if ((c & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var a = reader.ReadCombination(c, 'A');
            var b = reader.ReadCombination(c, 'B');
            var cc = reader.ReadCombination(c, 'C');
            yield return new R1csConstraint(a, b, cc);
        }
        long extra = section.Size - stream.Position;
        if (extra != 0) throw R1csErrors.ConstraintsTrailingBytes(FileName, extra, Header.Constraints);
    }

    /// <summary>The label id of every wire (section 3).</summary>
    public ulong[] ReadWireToLabelMap()
    {
        var section = Container.GetSingleSection(R1csSections.WireToLabelMap);
        var body = Container.ReadWholeSection(section, 8L * Header.Wires);
        var map = new ulong[Header.Wires];
        for (int i = 0; i < map.Length; i++) map[i] = BinaryPrimitives.ReadUInt64LittleEndian(body.AsSpan(8 * i));
        return map;
    }

    private sealed class ConstraintReader(Stream stream, R1csFile owner)
    {
        private readonly byte[] _term = new byte[4 + FieldSize];

        public R1csTerm[] ReadCombination(long constraint, char matrix)
        {
            Fill(_term.AsSpan(0, 4), constraint);
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(_term);
            // Each term is 36 bytes: a count beyond what is left is a truncation, caught before allocating.
            if (count > (stream.Length - stream.Position) / (4 + FieldSize)) throw R1csErrors.ConstraintsTruncated(owner.FileName, constraint);
            var terms = new R1csTerm[count];
            for (int i = 0; i < terms.Length; i++)
            {
                Fill(_term, constraint);
                uint wire = BinaryPrimitives.ReadUInt32LittleEndian(_term);
                if (wire >= owner.Header.Wires) throw R1csErrors.WireOutOfRange(owner.FileName, constraint, matrix, wire, owner.Header.Wires);
                var value = _term.AsSpan(4, FieldSize);
                if (!ScalarField.IsReduced(value, owner.Header.Curve)) throw R1csErrors.CoefficientNotReduced(owner.FileName, constraint, matrix, wire);
                var coefficient = default(R1csCoefficient);
                value.CopyTo(coefficient);
                terms[i] = new R1csTerm(wire, coefficient);
            }
            return terms;
        }

        private void Fill(Span<byte> destination, long constraint)
        {
            if (stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) != destination.Length)
                throw R1csErrors.ConstraintsTruncated(owner.FileName, constraint);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Container.Dispose();
}
