using System.Globalization;
using System.Text;

namespace PowersOfTau.Ceremony.Errors;

/// <summary>
/// Every <see cref="CeremonyFormatException"/> and <see cref="OutputFileException"/> of the room is built
/// here, so that messages keep one shape: "file: place: problem" on one line, with numbers the user can
/// check, and never secret data (STYLE.md §8).
/// </summary>
internal static class CeremonyErrors
{
    private static CeremonyFormatException Unreadable(string file, string message, Exception? inner = null) =>
        new(file, CeremonyErrorCategory.Unreadable, $"{file}: {message}", inner);

    private static CeremonyFormatException Invalid(string file, string message) =>
        new(file, CeremonyErrorCategory.InvalidTranscript, $"{file}: {message}");

    /// <summary>"section 2 (tauG1)" or "section 9" when the id has no name.</summary>
    internal static string SectionLabel(int id, string? name) =>
        name is null ? $"section {id}" : $"section {id} ({name})";

    private static string Plural(long n, string unit) =>
        n == 1 ? $"1 {unit}" : string.Create(CultureInfo.InvariantCulture, $"{n} {unit}s");

    // ---- container (spec/ptau.md §1) ----

    internal static CeremonyFormatException CannotRead(string file, IOException cause) =>
        Unreadable(file, $"cannot be read: {cause.Message}", cause);

    internal static CeremonyFormatException TooShortForContainerHeader(string file, long length) =>
        Unreadable(file, $"the file has {Plural(length, "byte")}, too short for the 12-byte binfile header; is it truncated?");

    internal static CeremonyFormatException WrongMagic(string file, string expected, ReadOnlySpan<byte> actual)
    {
        var shown = new StringBuilder();
        foreach (byte b in actual) shown.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        return Unreadable(file, $"not a .{expected} file: the magic is \"{shown}\" (0x{Convert.ToHexStringLower(actual)}), expected \"{expected}\"");
    }

    internal static CeremonyFormatException UnsupportedVersion(string file, uint version, uint supported) =>
        Unreadable(file, $"binfile version {version} is not supported (this reader knows version {supported})");

    internal static CeremonyFormatException SectionHeaderPastEnd(string file, long index, uint declared, long offset, long length) =>
        Unreadable(file, $"the header declares {declared} sections but section header {index} would start at byte {offset} of a {length}-byte file; is it truncated?");

    internal static CeremonyFormatException SectionIdOutOfRange(string file, long index, uint id) =>
        Unreadable(file, $"section header {index} has id {id}, out of range");

    internal static CeremonyFormatException SectionBodyPastEnd(string file, int id, string? name, long offset, ulong size, long length) =>
        Unreadable(file, $"{SectionLabel(id, name)} claims {size} bytes from byte {offset}, past the end of the {length}-byte file; is it truncated?");

    internal static CeremonyFormatException TrailingBytes(string file, long count, uint declared) =>
        Unreadable(file, $"{Plural(count, "byte")} follow the last of the {declared} declared sections");

    internal static CeremonyFormatException MissingSection(string file, int id, string? name) =>
        Unreadable(file, $"{SectionLabel(id, name)} is missing");

    internal static CeremonyFormatException DuplicateSection(string file, int id, string? name, int count) =>
        Unreadable(file, $"{SectionLabel(id, name)} appears {count} times, expected once");

    internal static CeremonyFormatException SectionTooLargeToLoad(string file, int id, string? name, long size, long limit) =>
        Unreadable(file, $"{SectionLabel(id, name)} is {size} bytes, more than the {limit} bytes this reader loads into memory");

    internal static CeremonyFormatException FileChangedWhileReading(string file, int id, string? name) =>
        Unreadable(file, $"{SectionLabel(id, name)} ended early while being read; did the file change?");

    // ---- .ptau model (spec/ptau.md §3, §4) ----

    private const string HeaderLabel = "section 1 (header)";
    private const string ContributionsLabel = "section 7 (contributions)";

    internal static CeremonyFormatException HeaderSize(string file, int actual, int? expected) =>
        Unreadable(file, expected is { } e
            ? $"{HeaderLabel} is {actual} bytes, expected {e} for its n8q"
            : $"{HeaderLabel} is {actual} bytes, too short to hold n8q");

    internal static CeremonyFormatException HeaderFieldSize(string file, uint n8q) =>
        Unreadable(file, $"{HeaderLabel}: n8q = {n8q}, expected 32 (bn128) or 48 (bls12381)");

    internal static CeremonyFormatException UnknownCurve(string file, ReadOnlySpan<byte> qLittleEndian)
    {
        var bigEndian = qLittleEndian.ToArray();
        Array.Reverse(bigEndian);
        return Unreadable(file, $"{HeaderLabel}: q = 0x{Convert.ToHexStringLower(bigEndian)} is the modulus of neither bn128 nor bls12381");
    }

    internal static CeremonyFormatException PowerOutOfRange(string file, string field, uint value, Curves.CurveDescriptor curve) =>
        Unreadable(file, $"{HeaderLabel}: {field} = {value}, expected 1 to {curve.MaxPower} for {curve.Name}");

    internal static CeremonyFormatException PowerAboveCeremonyPower(string file, uint power, uint ceremonyPower) =>
        Unreadable(file, $"{HeaderLabel}: power {power} is larger than ceremonyPower {ceremonyPower}");

    internal static CeremonyFormatException UnexpectedSection(string file, int id) =>
        Unreadable(file, $"section {id} is not a .ptau section (expected ids 1 to 7 and 12 to 15)");

    internal static CeremonyFormatException SectionPointCount(string file, int id, string? name, long bytes, int pointSize, long expectedPoints)
    {
        string holds = bytes % pointSize == 0
            ? $"holds {Plural(bytes / pointSize, "point")}"
            : $"holds {Plural(bytes, "byte")}, not a whole number of {pointSize}-byte points";
        // The container disagrees with its own header: unreadable (exit 2), as the issue's bad-input list asks.
        return Unreadable(file, $"{SectionLabel(id, name)} {holds}, the header says {expectedPoints}");
    }

    internal static CeremonyFormatException IncompleteSectionGroup(string file, string group, int missingId, string? missingName) =>
        Invalid(file, $"{SectionLabel(missingId, missingName)} is missing while other {group} sections are present");

    internal static CeremonyFormatException ContributionCountTooLarge(string file, uint count, int bodySize, int recordSize) =>
        Invalid(file, $"{ContributionsLabel} declares {Plural(count, "contribution")}, which need at least {4L + (long)count * recordSize} bytes; the section has {bodySize}");

    internal static CeremonyFormatException ContributionTruncated(string file, int index, string field) =>
        Unreadable(file, index == 0
            ? $"{ContributionsLabel} ends before {field}"
            : $"{ContributionsLabel}: contribution {index} ends inside its {field}");

    internal static CeremonyFormatException ContributionUnknownType(string file, int index, uint type) =>
        Invalid(file, $"{ContributionsLabel}: contribution {index} has type {type}, expected 0 (normal) or 1 (beacon)");

    internal static CeremonyFormatException ParamUnknownTag(string file, int index, byte tag) =>
        Unreadable(file, $"{ContributionsLabel}: contribution {index} has parameter tag {tag}; known tags are 1 (name), 2 (numIterationsExp), 3 (beacon hash)");

    internal static CeremonyFormatException ParamsUnsorted(string file, int index, byte tag, int previous) =>
        Invalid(file, $"{ContributionsLabel}: contribution {index} has parameter tag {tag} after tag {previous}; tags must be strictly increasing");

    internal static CeremonyFormatException ParamOverrun(string file, int index, byte tag) =>
        Unreadable(file, $"{ContributionsLabel}: contribution {index}: the value of parameter {tag} runs past paramsLength");

    internal static CeremonyFormatException ContributionsTrailingBytes(string file, int count, int contributions) =>
        Invalid(file, $"{ContributionsLabel}: {Plural(count, "byte")} follow the {Plural(contributions, "contribution")} it declares");

    internal static CeremonyFormatException NoPointSections(string file) =>
        Unreadable(file, "sections 2 to 6 are absent (made by import response --nopoints?); this needs a file with points");

    internal static CeremonyFormatException ContributionUnusable(string file, int index, string reason) =>
        Invalid(file, $"{ContributionsLabel}: contribution {index}: {reason}");

    internal static CeremonyFormatException ChallengeHashMismatch(string file, ReadOnlySpan<byte> computed, ReadOnlySpan<byte> stored, int contributions) =>
        Invalid(file, $"the points hash to {Convert.ToHexStringLower(computed[..8])}…, but the current challenge " +
            (contributions == 0 ? "(the first challenge)" : $"(nextChallenge of contribution {contributions})") +
            $" is {Convert.ToHexStringLower(stored[..8])}…; the points were altered");

    internal static CeremonyFormatException NotPreparedForPhase2(string file, string operation) =>
        Unreadable(file, $"{operation} needs a file with sections 2 to 7 and 12 to 15; run prepare phase2 on it first");

    internal static CeremonyFormatException TruncatedFileCannotTakeContribution(string file, int power, int ceremonyPower) =>
        Unreadable(file, $"this file was truncated (power {power} of a power-{ceremonyPower} ceremony); use the full ceremony file");

    internal static CeremonyFormatException VerifyFailed(string file, string problem) => Invalid(file, problem);

    // ---- challenge / response files (spec/ptau.md §9) ----

    private static string KindName(Transcript.TranscriptFileKind kind) =>
        kind == Transcript.TranscriptFileKind.Challenge ? "challenge" : "response";

    internal static CeremonyFormatException TranscriptSize(string file, Transcript.TranscriptLayout layout, long size) =>
        Unreadable(file, $"the file has {Plural(size, "byte")}; a {layout.Curve.Name} {KindName(layout.Kind)} file of power {layout.Power} has {layout.FileSize}");

    internal static CeremonyFormatException TranscriptSizeMatchesNoPower(string file, Transcript.TranscriptFileKind kind, Curves.CurveDescriptor curve, long size) =>
        Unreadable(file, $"{Plural(size, "byte")} is not the size of a {curve.Name} {KindName(kind)} file of any power; wrong curve or truncated?");

    internal static CeremonyFormatException TranscriptChangedWhileReading(string file) =>
        Unreadable(file, "the file ended early while being read; did it change?");

    internal static CeremonyFormatException ResponseForAnotherChallenge(string response, string ptau, ReadOnlySpan<byte> answered, ReadOnlySpan<byte> current) =>
        Invalid(response, $"it answers the challenge {Convert.ToHexStringLower(answered[..8])}…, but the current challenge of {ptau} is " +
            $"{Convert.ToHexStringLower(current[..8])}…; import it on the file its challenge was exported from");

    internal static CeremonyFormatException BadPublicKey(string file, string reason) =>
        Invalid(file, $"public key: {reason}");

    /// <summary>A point of section <paramref name="id"/> failed to decode; <paramref name="first"/> is the index of
    /// the first point of the span the transcoder was given (a bulk decoder's index is added to it).</summary>
    internal static CeremonyFormatException BadPoint(string file, int id, long first, FormatException cause)
    {
        var (index, reason) = cause is Crypto.Encoding.PointDecodingException p
            ? (first + Math.Max(0, p.Index), p.Reason switch
            {
                Crypto.Encoding.PointDecodingError.NonCanonical => "a coordinate is not below the field modulus",
                Crypto.Encoding.PointDecodingError.BadFlags => "invalid flag bits",
                Crypto.Encoding.PointDecodingError.NotOnCurve => "not on the curve",
                Crypto.Encoding.PointDecodingError.NotInSubgroup => "not in the prime-order subgroup",
                _ => "invalid encoding",
            })
            : (first, cause.Message);
        return new(file, CeremonyErrorCategory.InvalidTranscript,
            $"{file}: {SectionLabel(id, Ptau.PtauSections.Name(id))} point {index}: {reason}", cause);
    }

    // ---- output files (ARCHITECTURE.md §4) ----

    internal static OutputFileException OutputIsInput(string output, string input) =>
        new(output, $"{output}: the output is the input file {input}; write to a new file");

    internal static OutputFileException OutputExists(string output) =>
        new(output, $"{output}: the output file exists; choose a new name or pass --force to replace it");

    internal static OutputFileException OutputIsDirectory(string output) =>
        new(output, $"{output}: the output is a directory");

    internal static OutputFileException OutputDirectoryMissing(string output, string directory, Exception cause) =>
        new(output, $"{output}: the directory {directory} does not exist", cause);

    internal static OutputFileException OutputNotWritable(string output, string directory, Exception cause) =>
        new(output, $"{output}: no permission to create files in {directory}", cause);

    internal static OutputFileException DiskFull(string output, IOException cause) =>
        new(output, $"{output}: no space left on the device while writing; the partial output was removed", cause)
        {
            IsDiskFull = true,
        };
}
