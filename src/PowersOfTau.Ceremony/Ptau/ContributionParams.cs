using System.Text;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// The optional parameters of a contribution (spec/ptau.md §4; the same encoding is used by .zkey
/// contributions): tag 1 = name, tag 2 = numIterationsExp, tag 3 = beacon hash, written in that order.
/// Raw bytes are kept so that a parsed record serialises back byte for byte.
/// </summary>
public sealed class ContributionParams
{
    /// <summary>Tag of the name parameter: length byte + UTF-8.</summary>
    public const byte NameTag = 1;
    /// <summary>Tag of the beacon's numIterationsExp: one byte.</summary>
    public const byte NumIterationsExpTag = 2;
    /// <summary>Tag of the beacon hash: length byte + bytes.</summary>
    public const byte BeaconHashTag = 3;

    /// <summary>snarkjs keeps the first 64 UTF-16 code units of a name (JS substring(0, 64)).</summary>
    public const int MaxNameCodeUnits = 64;

    /// <summary>No parameters (paramsLength = 0).</summary>
    public static ContributionParams None { get; } = new();

    /// <summary>The stored name bytes (UTF-8, up to 255 bytes), or null when tag 1 is absent.</summary>
    public byte[]? NameUtf8 { get; init; }

    /// <summary>numIterationsExp of a beacon, or null when tag 2 is absent.</summary>
    public byte? NumIterationsExp { get; init; }

    /// <summary>The beacon hash (up to 255 bytes), or null when tag 3 is absent.</summary>
    public byte[]? BeaconHash { get; init; }

    /// <summary>
    /// The name decoded as UTF-8 the way snarkjs's TextDecoder does (invalid sequences become U+FFFD), or null.
    /// </summary>
    public string? Name => NameUtf8 is null ? null : Encoding.UTF8.GetString(NameUtf8);

    /// <summary>
    /// The bytes snarkjs stores for <paramref name="name"/>: its first 64 UTF-16 code units (even if that
    /// splits a surrogate pair), UTF-8 encoded with lone surrogates replaced by U+FFFD — like JS
    /// <c>new TextEncoder().encode(name.substring(0, 64))</c>. Null for an empty name (snarkjs omits it).
    /// At most 192 bytes, so the length always fits the one-byte length field.
    /// </summary>
    public static byte[]? EncodeName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return null;
        string kept = name.Length > MaxNameCodeUnits ? name[..MaxNameCodeUnits] : name;
        // Encoding.UTF8 replaces a lone surrogate with EF BF BD, as TextEncoder does.
        return Encoding.UTF8.GetBytes(kept);
    }

    /// <summary>Parameters of a normal contribution with the given name (omitted when empty).</summary>
    public static ContributionParams ForContribution(string? name) => new() { NameUtf8 = EncodeName(name) };

    /// <summary>Parameters of a beacon contribution (spec/ptau.md §8).</summary>
    public static ContributionParams ForBeacon(string? name, byte numIterationsExp, ReadOnlySpan<byte> beaconHash)
    {
        if (beaconHash.Length is 0 or > 255)
            throw new ArgumentOutOfRangeException(nameof(beaconHash), "a beacon hash is 1 to 255 bytes");
        return new() { NameUtf8 = EncodeName(name), NumIterationsExp = numIterationsExp, BeaconHash = beaconHash.ToArray() };
    }

    /// <summary>Encoded length (the paramsLength word).</summary>
    public int EncodedLength =>
        (NameUtf8 is null ? 0 : 2 + NameUtf8.Length)
        + (NumIterationsExp is null ? 0 : 2)
        + (BeaconHash is null ? 0 : 2 + BeaconHash.Length);

    /// <summary>Writes the parameters (without the paramsLength word), tags ascending.</summary>
    /// <exception cref="InvalidOperationException">A name or beacon hash is longer than 255 bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        int at = 0;
        if (NameUtf8 is not null) WriteBytes(NameTag, NameUtf8, destination, ref at);
        if (NumIterationsExp is { } exp)
        {
            destination[at++] = NumIterationsExpTag;
            destination[at++] = exp;
        }
        if (BeaconHash is not null) WriteBytes(BeaconHashTag, BeaconHash, destination, ref at);
    }

    private static void WriteBytes(byte tag, byte[] value, Span<byte> destination, ref int at)
    {
        if (value.Length > 255) throw new InvalidOperationException($"parameter {tag} is {value.Length} bytes; at most 255 fit");
        destination[at++] = tag;
        destination[at++] = (byte)value.Length;
        value.CopyTo(destination[at..]);
        at += value.Length;
    }
}
