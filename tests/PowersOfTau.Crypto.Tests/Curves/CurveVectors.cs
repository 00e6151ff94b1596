using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowersOfTau.Testing;

namespace PowersOfTau.Crypto.Tests.Curves;

/// <summary>tests/oracle/vectors/curves.json (made by tests/oracle/gen-curve-vectors.js from ffjavascript 0.3.1 and @noble/curves 1.9.7).</summary>
internal static class CurveVectors
{
    private static readonly Lazy<JsonDocument> s_doc = new(() => JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("curves.json"))));

    public static JsonElement Group(string name)
    {
        foreach (var g in s_doc.Value.RootElement.GetProperty("groups").EnumerateArray())
            if (g.GetProperty("group").GetString() == name) return g;
        throw new InvalidOperationException("no vectors for " + name);
    }

    public static byte[] Hex(JsonElement e) => Convert.FromHexString(e.GetString()!);

    public static BigInteger Integer(JsonElement e) => Integer(e.GetString()!);

    public static BigInteger Integer(string s) => s.StartsWith("0x", StringComparison.Ordinal)
        ? BigInteger.Parse("0" + s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
        : BigInteger.Parse(s, CultureInfo.InvariantCulture);

    public static ulong[] Limbs(BigInteger v, int n = 4)
    {
        var r = new ulong[n];
        for (int i = 0; i < n; i++) { r[i] = (ulong)(v & ulong.MaxValue); v >>= 64; }
        if (!v.IsZero) throw new ArgumentOutOfRangeException(nameof(v));
        return r;
    }

    public static BigInteger FromLimbs(ReadOnlySpan<ulong> limbs)
    {
        BigInteger v = 0;
        for (int i = limbs.Length - 1; i >= 0; i--) v = (v << 64) | limbs[i];
        return v;
    }
}
