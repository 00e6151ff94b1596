using System.Security.Cryptography;

namespace PowersOfTau.Crypto.Tests.Hashing;

/// <summary>
/// The test-data generator of tests/oracle/gen-hashing-vectors.js, rebuilt here:
/// data(label, n) = first n bytes of SHA-256(utf8(label) || u32be(0)) || SHA-256(utf8(label) || u32be(1)) || ...
/// </summary>
internal static class SeededTestData
{
    public static byte[] Bytes(string label, int length)
    {
        var output = new byte[length];
        var labelBytes = System.Text.Encoding.UTF8.GetBytes(label);
        var input = new byte[labelBytes.Length + 4];
        labelBytes.CopyTo(input, 0);
        Span<byte> block = stackalloc byte[32];
        for (int i = 0, offset = 0; offset < length; i++, offset += 32)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(labelBytes.Length), (uint)i);
            SHA256.HashData(input, block);
            block[..Math.Min(32, length - offset)].CopyTo(output.AsSpan(offset));
        }
        return output;
    }
}
