namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// Every error about a .zkey file or a phase-2 operation (spec/zkey.md), built here like
/// <see cref="CeremonyErrors"/>: one line, "file: place: problem", numbers the user can check, no secrets.
/// Unreadable (exit 2) when the bytes cannot be interpreted or an input is unusable; invalid (exit 1) when
/// the file parses but does not verify.
/// </summary>
internal static class ZkeyErrors
{
    private static CeremonyFormatException Unreadable(string file, string message) =>
        new(file, CeremonyErrorCategory.Unreadable, $"{file}: {message}");

    private static CeremonyFormatException Invalid(string file, string message) =>
        new(file, CeremonyErrorCategory.InvalidTranscript, $"{file}: {message}");

    private static string Label(int id) => CeremonyErrors.SectionLabel(id, Zkey.ZkeySections.Name(id));

    // ---- reading (spec/zkey.md §1) ----

    internal static CeremonyFormatException UnexpectedSection(string file, int id) =>
        Invalid(file, $"section {id} is not a Groth16 zkey section (expected ids 1 to 10); the key must hold exactly what Groth16 needs");

    internal static CeremonyFormatException DeclaredCount(string file, uint declared) =>
        Invalid(file, $"the header declares {declared} sections, a Groth16 zkey has 10");

    internal static CeremonyFormatException NotGroth16(string file, uint protocol) =>
        Unreadable(file, $"{Label(1)}: protocol {protocol} is not groth16 (1){(protocol == 2 ? "; this is a PLONK key" : protocol == 10 ? "; this is an FFLONK key" : "")}");

    internal static CeremonyFormatException SectionSize(string file, int id, long size, long expected, string why) =>
        Invalid(file, $"{Label(id)} is {size} bytes, expected {expected} ({why})");

    internal static CeremonyFormatException HeaderField(string file, string problem) =>
        Unreadable(file, $"{Label(2)}: {problem}");

    internal static CeremonyFormatException CoefficientsCount(string file, long count, long size) =>
        Invalid(file, $"{Label(4)} declares {count} coefficients, which do not fill its {size} bytes (44 each + 4)");

    internal static CeremonyFormatException MpcTruncated(string file, int index, string field) =>
        Unreadable(file, index == 0 ? $"{Label(10)} ends before {field}" : $"{Label(10)}: contribution {index} ends inside its {field}");

    internal static CeremonyFormatException MpcUnknownType(string file, int index, uint type) =>
        Invalid(file, $"{Label(10)}: contribution {index} has type {type}, expected 0 (normal) or 1 (beacon)");

    internal static CeremonyFormatException MpcParam(string file, int index, string problem) =>
        Unreadable(file, $"{Label(10)}: contribution {index}: {problem}");

    internal static CeremonyFormatException MpcTrailing(string file, long extra, int count) =>
        Invalid(file, $"{Label(10)}: {extra} bytes follow the {count} contributions it declares");

    internal static CeremonyFormatException BadPoint(string file, int id, string place, FormatException cause) =>
        new(file, CeremonyErrorCategory.InvalidTranscript, $"{file}: {Label(id)} {place}: {PointReason(cause)}", cause);

    private static string PointReason(FormatException cause) => cause is Crypto.Encoding.PointDecodingException p
        ? p.Reason switch
        {
            Crypto.Encoding.PointDecodingError.NonCanonical => "a coordinate is not below the field modulus",
            Crypto.Encoding.PointDecodingError.NotOnCurve => "not on the curve",
            Crypto.Encoding.PointDecodingError.NotInSubgroup => "not in the prime-order subgroup",
            _ => "invalid encoding",
        }
        : cause.Message;

    // ---- setup (spec/zkey.md §2) ----

    internal static CeremonyFormatException CurveMismatch(string file, string fileCurve, string ptau, string ptauCurve) =>
        Unreadable(file, $"it is for {fileCurve} but {ptau} is a {ptauCurve} ceremony; use files of one curve (circom --prime {ptauCurve}, or a {fileCurve} ptau)");

    internal static CeremonyFormatException PtauNotPrepared(string ptau) =>
        Unreadable(ptau, "it has no phase-2 sections (12 to 15); run powersoftau prepare phase2 on it first");

    internal static CeremonyFormatException PtauTooSmall(string ptau, int power, int needed, long m) =>
        Unreadable(ptau, $"power {power} is too small for this circuit: constraints + public signals + 1 = {m} need a domain of 2^{needed}; use a ptau of power {needed} or more");

    internal static CeremonyFormatException HashPastEndOfFile(string ptau, int power) =>
        Unreadable(ptau, $"for a domain of 2^{power} snarkjs hashes bytes that follow section 2 (spec/zkey.md §2), but this file ends there; use a ptau of power {power + 1} or one with its sections in snarkjs's order");

    internal static CeremonyFormatException CircuitTooBig(string r1cs, int needed, int maximum, string curve) =>
        Unreadable(r1cs, $"the circuit needs a domain of 2^{needed}, more than {curve}'s maximum 2^{maximum}");

    // ---- contribute / beacon (spec/zkey.md §3, §4) ----

    internal static ArgumentException BeaconHashLength(int length) =>
        new($"the beacon hash is {length} bytes; it must be 1 to 255 bytes", "beaconHash");

    internal static ArgumentException BeaconExponent(int exponent) =>
        new($"numIterationsExp is {exponent}; it must be between 10 and 63", "numIterationsExp");

    // ---- verify (spec/zkey.md §5) ----

    internal static CeremonyFormatException VerifyFailed(string file, string reason) => Invalid(file, reason);
}
