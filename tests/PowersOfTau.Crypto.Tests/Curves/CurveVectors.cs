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

    /// <summary>A field element from canonical coefficients (one for Fp; c0, c1 for Fp2).</summary>
    public static TF Element<TF>(IReadOnlyList<string> coefficients) where TF : unmanaged, PowersOfTau.Crypto.Fields.IField<TF>
    {
        int n8 = TF.ByteLength / coefficients.Count;
        var buf = new byte[TF.ByteLength];
        for (int i = 0; i < coefficients.Count; i++)
            Assert.True(Integer(coefficients[i]).TryWriteBytes(buf.AsSpan(i * n8, n8), out _, isUnsigned: true));
        Assert.True(TF.TryReadCanonicalLE(buf, out TF r));
        return r;
    }

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
