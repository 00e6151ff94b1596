using System.Formats.Cbor;

namespace PowersOfTau.Attestation.Cbor;

/// <summary>
/// A definite-length CBOR map read entry by entry, keeping every value's exact encoded bytes and the keys
/// that appear more than once (a reader that folds duplicates into a dictionary would hide them; RFC 9052
/// §3 forbids them in header maps and RFC 8949 §5.6 makes such a map invalid).
/// </summary>
internal sealed class CborMap
{
    private readonly List<KeyValuePair<CborLabel, ReadOnlyMemory<byte>>> _entries = new();
    private readonly List<CborLabel> _duplicates = new();

    public IReadOnlyList<KeyValuePair<CborLabel, ReadOnlyMemory<byte>>> Entries => _entries;

    /// <summary>Keys seen more than once (each listed once per repeat).</summary>
    public IReadOnlyList<CborLabel> Duplicates => _duplicates;

    public int Count => _entries.Count;

    /// <summary>The first value under <paramref name="key"/>, as its encoded bytes.</summary>
    public bool TryGet(CborLabel key, out ReadOnlyMemory<byte> encoded)
    {
        foreach (var e in _entries)
            if (e.Key == key) { encoded = e.Value; return true; }
        encoded = default;
        return false;
    }

    public bool Contains(CborLabel key) => TryGet(key, out _);

    public IEnumerable<CborLabel> Keys => _entries.Select(e => e.Key);

    /// <summary>Reads a map at the reader's position. Throws <see cref="CborContentException"/> if it is not one.</summary>
    public static CborMap Read(CborReader r)
    {
        var map = new CborMap();
        int? n = r.ReadStartMap();
        if (n is null) throw new CborContentException("indefinite-length maps are not allowed");
        var seen = new HashSet<CborLabel>();
        for (int i = 0; i < n; i++)
        {
            var key = CborLabel.Read(r);
            var value = r.ReadEncodedValue();
            if (!seen.Add(key)) map._duplicates.Add(key);
            map._entries.Add(new(key, value));
        }
        r.ReadEndMap();
        return map;
    }

    /// <summary>Decodes <paramref name="encoded"/> as exactly one map with nothing after it.</summary>
    public static CborMap Decode(ReadOnlyMemory<byte> encoded)
    {
        var r = new CborReader(encoded, CborConformanceMode.Lax);
        var map = Read(r);
        if (r.BytesRemaining != 0) throw new CborContentException($"{r.BytesRemaining} bytes after the map");
        return map;
    }
}
