using System.Formats.Cbor;

namespace PowersOfTau.Attestation.Cbor;

/// <summary>A map key as COSE and EAT use them: an integer or a text string.</summary>
internal readonly record struct CborLabel(long? Int, string? Text)
{
    public static implicit operator CborLabel(int value) => new(value, null);
    public static implicit operator CborLabel(string value) => new(null, value);

    public override string ToString() => Int is long i ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "\"" + Text + "\"";

    /// <summary>Reads an int or text key; anything else is a <see cref="CborContentException"/>.</summary>
    public static CborLabel Read(CborReader r) => r.PeekState() switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => new(r.ReadInt64(), null),
        CborReaderState.TextString => new(null, r.ReadTextString()),
        var s => throw new CborContentException($"a map key must be an integer or a text string, found {s}"),
    };

    /// <summary>Decodes one encoded label (an array element of crit).</summary>
    public static CborLabel Read1(ReadOnlyMemory<byte> encoded) => Read(new CborReader(encoded, CborConformanceMode.Lax));

    public void Write(CborWriter w)
    {
        if (Int is long i) w.WriteInt64(i); else w.WriteTextString(Text!);
    }
}
