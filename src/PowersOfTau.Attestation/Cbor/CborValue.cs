using System.Formats.Cbor;

namespace PowersOfTau.Attestation.Cbor;

/// <summary>Reads single encoded values of an expected type; a wrong type is a <see cref="CborContentException"/>.</summary>
internal static class CborValue
{
    public static CborReader Reader(ReadOnlyMemory<byte> encoded) => new(encoded, CborConformanceMode.Lax);

    public static string Text(ReadOnlyMemory<byte> encoded) => Reader(encoded).ReadTextString();

    public static byte[] Bytes(ReadOnlyMemory<byte> encoded) => Reader(encoded).ReadByteString();

    public static long Int(ReadOnlyMemory<byte> encoded) => Reader(encoded).ReadInt64();

    public static ulong UInt(ReadOnlyMemory<byte> encoded) => Reader(encoded).ReadUInt64();

    public static bool Bool(ReadOnlyMemory<byte> encoded) => Reader(encoded).ReadBoolean();

    /// <summary>Reads a definite-length array and returns each element's encoded bytes.</summary>
    public static List<ReadOnlyMemory<byte>> Array(ReadOnlyMemory<byte> encoded)
    {
        var r = Reader(encoded);
        int? n = r.ReadStartArray();
        if (n is null) throw new CborContentException("indefinite-length arrays are not allowed");
        var items = new List<ReadOnlyMemory<byte>>(n.Value);
        for (int i = 0; i < n; i++) items.Add(r.ReadEncodedValue());
        r.ReadEndArray();
        return items;
    }

    public static CborReaderState Peek(ReadOnlyMemory<byte> encoded) => Reader(encoded).PeekState();
}
