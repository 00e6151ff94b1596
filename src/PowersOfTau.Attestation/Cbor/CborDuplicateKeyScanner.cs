using System.Formats.Cbor;

namespace PowersOfTau.Attestation.Cbor;

/// <summary>Walks one encoded item and lists every map key that repeats, with where it sits (e.g. "ceremony.id").</summary>
internal static class CborDuplicateKeyScanner
{
    /// <summary>The repeated keys as paths; empty when there are none. Throws <see cref="CborContentException"/> on malformed CBOR.</summary>
    public static List<string> Find(ReadOnlyMemory<byte> encoded, string root)
    {
        var found = new List<string>();
        Walk(new CborReader(encoded, CborConformanceMode.Lax), root, found);
        return found;
    }

    private static void Walk(CborReader r, string path, List<string> found)
    {
        switch (r.PeekState())
        {
            case CborReaderState.StartMap:
                var map = CborMap.Read(r);
                foreach (var d in map.Duplicates) found.Add(Join(path, d.ToString()));
                foreach (var e in map.Entries) Walk(new CborReader(e.Value, CborConformanceMode.Lax), Join(path, e.Key.ToString()), found);
                break;
            case CborReaderState.StartArray:
                int? n = r.ReadStartArray();
                for (int i = 0; n is null ? r.PeekState() != CborReaderState.EndArray : i < n; i++) Walk(r, $"{path}[{i}]", found);
                r.ReadEndArray();
                break;
            case CborReaderState.Tag:
                r.ReadTag();
                Walk(r, path, found);
                break;
            default:
                r.SkipValue();
                break;
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
