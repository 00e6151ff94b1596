using System.Globalization;

namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// Every error about a .r1cs file (spec/zkey.md §7), built here like <see cref="CeremonyErrors"/>: one line,
/// "file: section: problem", with the numbers the user can check.
/// </summary>
internal static class R1csErrors
{
    private static CeremonyFormatException Unreadable(string file, string message) =>
        new(file, CeremonyErrorCategory.Unreadable, $"{file}: {message}");

    private static CeremonyFormatException Invalid(string file, string message) =>
        new(file, CeremonyErrorCategory.InvalidTranscript, $"{file}: {message}");

    private const string HeaderLabel = "section 1 (r1cs header)";
    private const string ConstraintsLabel = "section 2 (constraints)";
    private const string MapLabel = "section 3 (wire-to-label map)";

    internal static CeremonyFormatException HeaderTooShort(string file, long size) =>
        Unreadable(file, $"{HeaderLabel} is {size} bytes, too short for n8 and the prime");

    internal static CeremonyFormatException HeaderSize(string file, long size, int expected) =>
        Unreadable(file, $"{HeaderLabel} is {size} bytes, expected {expected} for its n8");

    internal static CeremonyFormatException FieldSize(string file, uint n8) =>
        Unreadable(file, $"{HeaderLabel}: n8 = {n8}, expected 32 (the scalar field of bn128 or bls12381)");

    internal static CeremonyFormatException UnknownPrime(string file, ReadOnlySpan<byte> primeLittleEndian)
    {
        var bigEndian = primeLittleEndian.ToArray();
        Array.Reverse(bigEndian);
        return Unreadable(file, $"{HeaderLabel}: prime 0x{Convert.ToHexStringLower(bigEndian)} is the scalar field of neither bn128 nor bls12381; compile with circom --prime bn128 or --prime bls12381");
    }

    internal static CeremonyFormatException SignalCounts(string file, uint wires, uint outputs, uint publicInputs, uint privateInputs) =>
        Invalid(file, string.Create(CultureInfo.InvariantCulture,
            $"{HeaderLabel}: {outputs} outputs + {publicInputs} public inputs + {privateInputs} private inputs + the constant 1 exceed the {wires} wires"));

    internal static CeremonyFormatException ConstraintsTruncated(string file, long constraint) =>
        Unreadable(file, $"{ConstraintsLabel} ends inside constraint {constraint}; is the file truncated?");

    internal static CeremonyFormatException ConstraintsTrailingBytes(string file, long extra, uint constraints) =>
        Invalid(file, $"{ConstraintsLabel}: {extra} bytes follow the {constraints} constraints the header declares");

    internal static CeremonyFormatException WireOutOfRange(string file, long constraint, char matrix, uint wire, uint wires) =>
        Invalid(file, $"{ConstraintsLabel}: constraint {constraint}, {matrix} term: wire {wire} does not exist (the header declares {wires} wires)");

    internal static CeremonyFormatException CoefficientNotReduced(string file, long constraint, char matrix, uint wire) =>
        Invalid(file, $"{ConstraintsLabel}: constraint {constraint}, {matrix} term of wire {wire}: the coefficient is not below the prime");

    internal static CeremonyFormatException MapSize(string file, long size, uint wires) =>
        Invalid(file, $"{MapLabel} is {size} bytes, expected {8L * wires} (8 per wire, {wires} wires)");

    internal static CeremonyFormatException CustomGates(string file) =>
        Unreadable(file, "sections 4/5 (custom gates) are present: this is a PLONK circuit; Groth16 needs a circuit without custom gates");
}
