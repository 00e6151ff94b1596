using System.Runtime.InteropServices;
using System.Text.Json;
using CsCheck;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Secrets;
using PowersOfTau.Testing;

namespace PowersOfTau.Crypto.Tests.Hashing;

/// <summary>
/// BLAKE2b against RFC 7693, and against @noble/hashes 1.8.0 / snarkjs 0.7.6 through
/// tests/oracle/vectors/hashing.json (made by tests/oracle/gen-hashing-vectors.js).
/// </summary>
public class Blake2bTests
{
    private static readonly JsonElement Vectors =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("hashing.json"))).RootElement;

    private static byte[] Hash512(ReadOnlySpan<byte> data)
    {
        var digest = new byte[64];
        Blake2b.Hash(data, digest);
        return digest;
    }

    // RFC 7693 Appendix A: BLAKE2b-512("abc").
    private const string RfcAbc =
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923";

    [Fact]
    public void Rfc7693AppendixA_abc()
    {
        Assert.Equal(RfcAbc, Convert.ToHexStringLower(Hash512("abc"u8)));
        Assert.NotEqual(RfcAbc, Convert.ToHexStringLower(Hash512("abd"u8)));
    }

    [Fact]
    public void EmptyInput_IsTheH0OfSpecPtau5()
    {
        const string h0 = "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce";
        Assert.Equal(h0, Convert.ToHexStringLower(Hash512(ReadOnlySpan<byte>.Empty)));
        Assert.NotEqual(h0, Convert.ToHexStringLower(Hash512(new byte[1])));
    }

    public static TheoryData<string> DigestLabels()
    {
        var d = new TheoryData<string>();
        foreach (var v in Vectors.GetProperty("digests").EnumerateArray()) d.Add(v.GetProperty("label").GetString()!);
        return d;
    }

    private static JsonElement Find(string section, string label) =>
        Vectors.GetProperty(section).EnumerateArray().Single(v => v.GetProperty("label").GetString() == label);

    [Theory]
    [MemberData(nameof(DigestLabels))]
    public void OneShot_MatchesNoble(string label)
    {
        var v = Find("digests", label);
        var data = SeededTestData.Bytes(label, v.GetProperty("length").GetInt32());
        var expected = v.GetProperty("digest").GetString();
        Assert.Equal(expected, Convert.ToHexStringLower(Hash512(data)));

        // Tampered twin: one flipped bit (or one extra byte for the empty input) changes the digest.
        var tampered = data.Length == 0 ? new byte[] { 0 } : (byte[])data.Clone();
        if (data.Length != 0) tampered[data.Length / 2] ^= 0x01;
        Assert.NotEqual(expected, Convert.ToHexStringLower(Hash512(tampered)));
    }

    [Theory]
    [MemberData(nameof(DigestLabels))]
    public void ByteAtATime_MatchesNoble(string label)
    {
        var v = Find("digests", label);
        var data = SeededTestData.Bytes(label, v.GetProperty("length").GetInt32());
        var hasher = new Blake2b();
        foreach (var b in data) hasher.Update([b]);
        var digest = new byte[64];
        hasher.Finish(digest);
        Assert.Equal(v.GetProperty("digest").GetString(), Convert.ToHexStringLower(digest));
    }

    [Fact]
    public async Task HashAsync_OfAStream_MatchesNoble()
    {
        var v = Find("digests", "blake2b-100000");
        var data = SeededTestData.Bytes("blake2b-100000", 100000);
        Assert.Equal(v.GetProperty("digest").GetString(), Convert.ToHexStringLower(await Blake2bStream.HashAsync(new MemoryStream(data))));
        data[^1] ^= 0x80;
        Assert.NotEqual(v.GetProperty("digest").GetString(), Convert.ToHexStringLower(await Blake2bStream.HashAsync(new MemoryStream(data))));
    }

    public static TheoryData<string> OptionLabels()
    {
        var d = new TheoryData<string>();
        foreach (var v in Vectors.GetProperty("options").EnumerateArray()) d.Add(v.GetProperty("label").GetString()!);
        return d;
    }

    private static byte[] OptionalHex(JsonElement v, string name) =>
        v.TryGetProperty(name, out var p) ? Convert.FromHexString(p.GetString()!) : [];

    [Theory]
    [MemberData(nameof(OptionLabels))]
    public void KeySaltPersonalization_MatchNoble(string label)
    {
        var v = Find("options", label);
        var data = SeededTestData.Bytes(label, v.GetProperty("length").GetInt32());
        int outputLength = v.GetProperty("outputLength").GetInt32();
        byte[] key = OptionalHex(v, "key"), salt = OptionalHex(v, "salt"), personalization = OptionalHex(v, "personalization");

        byte[] Run(byte[] k)
        {
            var hasher = new Blake2b(outputLength, k, salt, personalization);
            hasher.Update(data);
            var digest = new byte[outputLength];
            hasher.Finish(digest);
            return digest;
        }

        Assert.Equal(v.GetProperty("digest").GetString(), Convert.ToHexStringLower(Run(key)));
        // Tampered twin: a different key (or a key where there was none) changes the digest.
        var otherKey = key.Length == 0 ? new byte[] { 1 } : key.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray();
        Assert.NotEqual(v.GetProperty("digest").GetString(), Convert.ToHexStringLower(Run(otherKey)));
    }

    [Fact]
    public void Property_AnySplitIntoUpdates_EqualsOneShot()
    {
        Gen.Byte.Array[0, 1200].SelectMany(data => Gen.Int[0, 64].Array[0, 12].Select(cuts => (data, cuts)))
            .Sample(t =>
            {
                var (data, cuts) = t;
                var hasher = new Blake2b();
                int offset = 0;
                foreach (var cut in cuts)
                {
                    int n = Math.Min(cut * 7, data.Length - offset);
                    hasher.Update(data.AsSpan(offset, n));
                    offset += n;
                }
                hasher.Update(data.AsSpan(offset));
                var digest = new byte[64];
                hasher.Finish(digest);
                return digest.AsSpan().SequenceEqual(Hash512(data));
            }, iter: 300);
    }

    public static TheoryData<string> PartialLabels()
    {
        var d = new TheoryData<string>();
        foreach (var v in Vectors.GetProperty("partials").EnumerateArray()) d.Add(v.GetProperty("label").GetString()!);
        return d;
    }

    private static Blake2b AbsorbChunks(JsonElement v, string label, int extraBytesInLastChunk = 0)
    {
        var chunks = v.GetProperty("chunks").EnumerateArray().Select(c => c.GetInt32()).ToArray();
        var all = SeededTestData.Bytes(label, chunks.Sum() + extraBytesInLastChunk);
        var hasher = new Blake2b();
        int offset = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            int n = chunks[i] + (i == chunks.Length - 1 ? extraBytesInLastChunk : 0);
            hasher.Update(all.AsSpan(offset, n));
            offset += n;
        }
        if (chunks.Length == 0) hasher.Update(all);
        return hasher;
    }

    [Theory]
    [MemberData(nameof(PartialLabels))]
    public void ExportPartialHash_EqualsSnarkjsToPartialHash(string label)
    {
        var v = Find("partials", label);
        var hasher = AbsorbChunks(v, label);
        var partial = new byte[Blake2b.PartialHashLength];
        hasher.ExportPartialHash(partial);
        Assert.Equal(v.GetProperty("partialHash").GetString(), Convert.ToHexStringLower(partial));

        // Tampered twin: one more absorbed byte gives a different state.
        var other = AbsorbChunks(v, label, extraBytesInLastChunk: 1);
        other.ExportPartialHash(partial);
        Assert.NotEqual(v.GetProperty("partialHash").GetString(), Convert.ToHexStringLower(partial));
    }

    [Theory]
    [MemberData(nameof(PartialLabels))]
    public void FromPartialHash_ThenContinue_EqualsOneShot(string label)
    {
        var v = Find("partials", label);
        var partial = Convert.FromHexString(v.GetProperty("partialHash").GetString()!);
        var tail = SeededTestData.Bytes(label + "-tail", v.GetProperty("tailLength").GetInt32());
        string expected = v.GetProperty("digestWithTail").GetString()!;

        var resumed = Blake2b.FromPartialHash(partial);
        var reExported = new byte[Blake2b.PartialHashLength];
        resumed.ExportPartialHash(reExported);
        Assert.Equal(partial, reExported);
        resumed.Update(tail);
        var digest = new byte[64];
        resumed.Finish(digest);
        Assert.Equal(expected, Convert.ToHexStringLower(digest));

        // Tampered twin: one flipped bit of the chaining value h[0] changes the final digest.
        partial[128] ^= 0x01;
        var tampered = Blake2b.FromPartialHash(partial);
        tampered.Update(tail);
        tampered.Finish(digest);
        Assert.NotEqual(expected, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void FromPartialHash_RejectsImpossibleStates()
    {
        var valid = Convert.FromHexString(Find("partials", "partial-64-1000").GetProperty("partialHash").GetString()!);
        Assert.NotNull(Blake2b.FromPartialHash(valid).ToString());

        Assert.Throws<ArgumentException>(() => Blake2b.FromPartialHash(valid.AsSpan(0, 215)));

        var badPos = (byte[])valid.Clone();
        badPos[200] = 129;
        Assert.Contains("exceeds", Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(badPos)).Message);

        var badT = (byte[])valid.Clone();
        badT[192] ^= 1;
        Assert.Contains("multiple of 128", Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(badT)).Message);

        var emptyAfterBlocks = (byte[])valid.Clone();
        emptyAfterBlocks.AsSpan(200, 8).Clear();
        Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(emptyAfterBlocks));

        // Bytes 208..215 (old blake2b-wasm digest length) are ignored.
        var withLength = (byte[])valid.Clone();
        withLength[208] = 64;
        var a = new byte[64];
        var b = new byte[64];
        Blake2b.FromPartialHash(valid).Finish(a);
        Blake2b.FromPartialHash(withLength).Finish(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void PartialHash_Above4GiB_Snarkjs076Truncation_ExportAndRepair()
    {
        // A state whose t is 2^32 + 384 (crafted: hashing 4 GiB in a unit test is too slow).
        var valid = Convert.FromHexString(Find("partials", "partial-64-1000").GetProperty("partialHash").GetString()!);
        ulong pos = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(valid.AsSpan(200));
        ulong bigT = (1UL << 32) + 384;
        var full = (byte[])valid.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(full.AsSpan(192), bigT);

        var state = Blake2b.FromPartialHash(full);
        var exported = new byte[Blake2b.PartialHashLength];
        state.ExportPartialHash(exported);
        Assert.Equal(full, exported);
        state.ExportPartialHash(exported, truncateCounterLikeSnarkjs076: true);
        Assert.Equal(384UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(exported.AsSpan(192)));
        Assert.Equal(full.AsSpan(0, 192).ToArray(), exported.AsSpan(0, 192).ToArray());

        // Repair with the known absorbed count: resumes exactly like the untruncated state.
        var expectedDigest = new byte[64];
        Blake2b.FromPartialHash(full).Finish(expectedDigest);
        var repaired = Blake2b.FromPartialHash(exported, absorbedBytes: bigT + pos);
        var digest = new byte[64];
        repaired.Finish(digest);
        Assert.Equal(expectedDigest, digest);
        // Without the repair the truncated state hashes differently (what snarkjs 0.7.6 itself would compute).
        Blake2b.FromPartialHash(exported).Finish(digest);
        Assert.NotEqual(expectedDigest, digest);
        // Tampered twin: a count that disagrees is refused.
        Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(exported, absorbedBytes: bigT + pos + 128));
        Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(full, absorbedBytes: pos - 1));
        // Below 4 GiB the count simply has to match.
        Assert.NotNull(Blake2b.FromPartialHash(valid, absorbedBytes: 1064).ToString());
        Assert.Throws<InvalidPartialHashException>(() => Blake2b.FromPartialHash(valid, absorbedBytes: 1065));
    }

    [Fact]
    public void PartialHash_OfSpecExample_HasTAndPos()
    {
        // spec/ptau.md §4 example: 64 + 49184 bytes absorbed give t = 49152, pos = 96.
        var v = Find("partials", "partial-64-49184");
        var partial = Convert.FromHexString(v.GetProperty("partialHash").GetString()!);
        Assert.Equal(49152UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(partial.AsSpan(192)));
        Assert.Equal(96UL, System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(partial.AsSpan(200)));
    }

    [Fact]
    public void UseAfterFinish_DefaultInstance_Throw()
    {
        var hasher = new Blake2b();
        hasher.Update("x"u8);
        var digest = new byte[64];
        hasher.Finish(digest);
        Assert.Throws<InvalidOperationException>(() => hasher.Update("y"u8));
        Assert.Throws<InvalidOperationException>(() => hasher.Finish(digest));
        var partial = new byte[Blake2b.PartialHashLength];
        Assert.Throws<InvalidOperationException>(() => hasher.ExportPartialHash(partial));
        Assert.Throws<InvalidOperationException>(() => default(Blake2b).Update("y"u8));

        var fresh = new Blake2b();
        Assert.Throws<ArgumentException>(() => fresh.Finish(new byte[63]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2b(65));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2b(64, new byte[65]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Blake2b(64, default, new byte[15]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Blake2b.Hash("abc"u8, new byte[65]));
    }

    [Fact]
    public void FinishAndWipe_ZeroTheWholeState()
    {
        var hasher = new Blake2b(64, new byte[] { 1, 2, 3 });
        hasher.Update(SeededTestData.Bytes("wipe", 300));
        Assert.Contains(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref hasher, 1)).ToArray(), b => b != 0);
        hasher.Wipe();
        Assert.All(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref hasher, 1)).ToArray(), b => Assert.Equal(0, b));

        var finished = new Blake2b();
        finished.Update("secret"u8);
        finished.Finish(new byte[64]);
        Assert.All(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref finished, 1)).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void StateCanLiveInASecretBuffer()
    {
        using var secret = new SecretBuffer(System.Runtime.CompilerServices.Unsafe.SizeOf<Blake2b>());
        ref var hasher = ref secret.RevealAs<Blake2b>();
        hasher = new Blake2b();
        hasher.Update("abc"u8);
        var digest = new byte[64];
        hasher.Finish(digest);
        Assert.Equal(RfcAbc, Convert.ToHexStringLower(digest));
        Assert.All(secret.Reveal().ToArray(), b => Assert.Equal(0, b));
    }
}
