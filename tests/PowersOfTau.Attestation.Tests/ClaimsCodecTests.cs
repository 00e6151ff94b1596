using System.Formats.Cbor;
using System.Text;
using CsCheck;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Attestation.Tests.Support;

namespace PowersOfTau.Attestation.Tests;

/// <summary>The payload encoding: canonical, round-tripping, strict on the way back in.</summary>
public sealed class ClaimsCodecTests
{
    [Fact]
    public void Encoding_is_canonical_with_map_keys_sorted_length_first_and_shortest_integers()
    {
        using var sample = new SampleClaims();
        byte[] payload = ClaimsEncoder.Encode(sample.Claims());
        Assert.Equal(payload, ClaimsEncoder.Encode(sample.Claims()));
        // The strict canonical reader refuses anything that is not RFC 7049 canonical (order, lengths, ints).
        var r = new CborReader(payload, CborConformanceMode.Canonical);
        r.SkipValue();
        Assert.Equal(0, r.BytesRemaining);

        var top = new CborReader(payload);
        int n = top.ReadStartMap()!.Value;
        var keys = new List<string>();
        for (int i = 0; i < n; i++)
        {
            keys.Add(top.PeekState() == CborReaderState.TextString ? top.ReadTextString() : top.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            top.SkipValue();
        }
        Assert.Equal(["256", "265", "266", "270", "271", "input", "output", "pubkey", "entropy", "ceremony", "contribution-hash", "insecure-test-randomness"], keys);
    }

    [Fact]
    public void Python_cbor2_canonical_encoding_of_the_decoded_payload_gives_the_same_bytes()
    {
        // An independent canonical encoder (cbor2, RFC 7049 §3.9 length-first key order) must reproduce our bytes.
        using var sample = new SampleClaims();
        var claims = sample.Claims(ContributionKind.Zkey) with { Ceremony = sample.Claims().Ceremony with { Kind = ContributionKind.Zkey, R1cs = ContentDigester.Compute("r1cs"u8) } };
        string file = Path.Combine(sample.Folder, "payload.cbor");
        File.WriteAllBytes(file, ClaimsEncoder.Encode(claims));
        var (code, output) = PythonVerifier.RunCode(
            "import cbor2, sys; p = open(sys.argv[1], 'rb').read(); print(cbor2.dumps(cbor2.loads(p), canonical=True) == p)", file);
        Assert.True(code == 0, output);
        Assert.Equal("True", output.Trim());

        // Negative twin: the same map with two keys swapped is not what cbor2 produces.
        byte[] payload = File.ReadAllBytes(file);
        var r = new CborReader(payload);
        int n = r.ReadStartMap()!.Value;
        var entries = Enumerable.Range(0, n).Select(_ => (r.ReadEncodedValue().ToArray(), r.ReadEncodedValue().ToArray())).ToList();
        (entries[0], entries[1]) = (entries[1], entries[0]);
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(n);
        foreach (var (k, v) in entries) { w.WriteEncodedValue(k); w.WriteEncodedValue(v); }
        w.WriteEndMap();
        File.WriteAllBytes(file, w.Encode());
        Assert.Equal("False", PythonVerifier.RunCode(
            "import cbor2, sys; p = open(sys.argv[1], 'rb').read(); print(cbor2.dumps(cbor2.loads(p), canonical=True) == p)", file).Output.Trim());
    }

    [Fact]
    public void Every_kind_round_trips_and_a_zkey_carries_its_r1cs_digests()
    {
        using var sample = new SampleClaims();
        foreach (var kind in Enum.GetValues<ContributionKind>())
        {
            var claims = sample.Claims(kind);
            if (kind == ContributionKind.Zkey)
                claims = claims with { Ceremony = claims.Ceremony with { Power = null, R1cs = ContentDigester.Compute("r1cs"u8) } };
            var back = ClaimsDecoder.Decode(ClaimsEncoder.Encode(claims));
            Assert.Equal(kind, back.Ceremony.Kind);
            Assert.Equal(ClaimsEncoder.Encode(claims), ClaimsEncoder.Encode(back));
            Assert.Equal(kind == ContributionKind.Zkey, back.Ceremony.R1cs is not null);
        }
    }

    [Fact]
    public void Arbitrary_claims_round_trip()
    {
        var genBytes = (int n) => Gen.Byte.Array[n];
        var gen = Gen.Select(Gen.String[1, 40], Gen.ULong, Gen.Int[0, 3], Gen.Bool, genBytes(32), genBytes(64), Gen.Byte.Array[1, 300],
            Gen.Select(Gen.String[1, 20], Gen.String.Null(), Gen.ULong, Gen.Bool, (k, d, b, h) => new EntropySourceClaim(k, d, b, h)).List[1, 5]);
        gen.Sample((id, index, kind, insecure, sha, b2, pub, entropy) =>
        {
            var claims = new ContributionClaims
            {
                Ceremony = new CeremonyClaims(id, (ContributionKind)kind, CeremonyCurve.Bls12381, index, Power: 20,
                    R1cs: (ContributionKind)kind == ContributionKind.Zkey ? new DigestSet(sha, b2) : null),
                Input = new DigestSet(sha, b2),
                Output = new DigestSet(sha, null),
                ContributionHash = b2,
                PublicKey = pub,
                Entropy = entropy,
                Signer = new TokenIdentity("s", "pkcs11", OemId: 41482),
                InsecureTestRandomness = insecure,
            };
            byte[] encoded = ClaimsEncoder.Encode(claims);
            var back = ClaimsDecoder.Decode(encoded);
            return encoded.AsSpan().SequenceEqual(ClaimsEncoder.Encode(back)) && back.Ceremony.Id == id && back.Entropy.Count == entropy.Count
                   && back.InsecureTestRandomness == insecure && back.Output.Blake2b512 is null;
        }, iter: 200);
    }

    [Fact]
    public void The_decoder_refuses_unknown_keys_missing_claims_and_wrong_sizes()
    {
        using var sample = new SampleClaims();
        byte[] good = ClaimsEncoder.Encode(sample.Claims());
        Assert.NotNull(ClaimsDecoder.Decode(good));

        Assert.Contains("not in profile v1", Assert.Throws<ClaimsFormatException>(() => ClaimsDecoder.Decode(WithExtra(good, "operator", "x"))).Message, StringComparison.Ordinal);
        Assert.Contains("entropy: missing", Assert.Throws<ClaimsFormatException>(() => ClaimsDecoder.Decode(Without(good, "entropy"))).Message, StringComparison.Ordinal);
        Assert.Throws<ClaimsFormatException>(() => ClaimsDecoder.Decode(Encoding.ASCII.GetBytes("not cbor")));
        Assert.Throws<ClaimsFormatException>(() => ClaimsDecoder.Decode(new byte[] { 0xA0 }));
        byte[] shortHash = ClaimsEncoder.Encode(sample.Claims()).ToArray();
        var claims = sample.Claims();
        // Rewrite the SHA-256 length prefix of the input digest (0x58 0x20 -> 0x58 0x1f) and drop a byte.
        int at = shortHash.AsSpan().IndexOf(claims.Input.Sha256) - 2;
        byte[] tampered = [.. shortHash[..at], 0x58, 0x1F, .. shortHash[(at + 2)..(at + 2 + 31)], .. shortHash[(at + 2 + 32)..]];
        Assert.Contains("input", Assert.Throws<ClaimsFormatException>(() => ClaimsDecoder.Decode(tampered)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_digests_match_the_published_test_vectors_and_do_not_depend_on_chunking()
    {
        // FIPS 180-2 B.1 and RFC 7693 Appendix A, both over "abc".
        var abc = ContentDigester.Compute("abc"u8);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Convert.ToHexStringLower(abc.Sha256));
        Assert.Equal("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923", Convert.ToHexStringLower(abc.Blake2b512!));

        byte[] big = Enumerable.Range(0, (3 << 20) + 17).Select(i => (byte)(i * 31 + (i >> 9))).ToArray();
        var streamed = ContentDigester.Compute(new MemoryStream(big));
        var oneShot = ContentDigester.Compute(big.AsSpan());
        Assert.Equal(oneShot.Sha256, streamed.Sha256);
        Assert.Equal(oneShot.Blake2b512, streamed.Blake2b512);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(big), streamed.Sha256);
    }

    private static byte[] WithExtra(byte[] payload, string key, string value) => Rewrite(payload, (w, count) => count + 1, w => { w.WriteTextString(key); w.WriteTextString(value); }, null);

    private static byte[] Without(byte[] payload, string key) => Rewrite(payload, (w, count) => count - 1, null, key);

    private static byte[] Rewrite(byte[] payload, Func<CborWriter, int, int> newCount, Action<CborWriter>? append, string? skip)
    {
        var r = new CborReader(payload);
        int n = r.ReadStartMap()!.Value;
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(newCount(w, n));
        for (int i = 0; i < n; i++)
        {
            var k = r.ReadEncodedValue();
            var v = r.ReadEncodedValue();
            if (skip is not null && new CborReader(k).PeekState() == CborReaderState.TextString && new CborReader(k).ReadTextString() == skip) continue;
            w.WriteEncodedValue(k.Span); w.WriteEncodedValue(v.Span);
        }
        append?.Invoke(w);
        w.WriteEndMap();
        return w.Encode();
    }
}
