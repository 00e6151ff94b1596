using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PowersOfTau.Secrets;
using PowersOfTau.Testing;

namespace PowersOfTau.Entropy.Tests.Mixing;

/// <summary>The seeded test data of tests/oracle/gen-entropy-vectors.js, and its vectors.</summary>
internal static class TestData
{
    /// <summary>data(label, n) = first n bytes of SHA-256(label || u32be(0)) || SHA-256(label || u32be(1)) || ...</summary>
    public static byte[] Data(string label, int n)
    {
        var output = new byte[n];
        byte[] prefix = Encoding.UTF8.GetBytes(label);
        for (int i = 0, off = 0; off < n; i++, off += 32)
        {
            byte[] input = new byte[prefix.Length + 4];
            prefix.CopyTo(input, 0);
            BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(prefix.Length), (uint)i);
            SHA256.HashData(input).AsSpan(0, Math.Min(32, n - off)).CopyTo(output.AsSpan(off));
        }
        return output;
    }

    public static EntropySample Sample(string kind, string device, ReadOnlySpan<byte> bytes) =>
        new(new EntropyReport(kind, device, bytes.Length, false), SecretBuffer.CopyOf(bytes));

    public static JsonElement Vectors { get; } = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("entropy.json"))).RootElement;
}
