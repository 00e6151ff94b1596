using System.Formats.Cbor;
using System.Text;
using PowersOfTau.Attestation.Cbor;
using static PowersOfTau.Attestation.AttestationProfile;

namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// Reads a profile-v1 payload back into <see cref="ContributionClaims"/>. It checks: one definite-length
/// map and nothing after it; no repeated key at any level; no key the profile does not define; every
/// required claim present with its CDDL type and size (digests 32/64 bytes, contribution hash 64 bytes,
/// kind and curve among the profile's names, swversion scheme 16384). It does not check the claims
/// against files or the signature: that is <see cref="Verification.AttestationVerifier"/>'s job.
/// </summary>
public static class ClaimsDecoder
{
    /// <exception cref="ClaimsFormatException">The payload breaks the profile; the message names the claim.</exception>
    public static ContributionClaims Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return DecodeCore(payload);
        }
        catch (CborContentException e)
        {
            throw new ClaimsFormatException("payload: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new ClaimsFormatException("payload: " + e.Message);
        }
        catch (OverflowException e)
        {
            throw new ClaimsFormatException("payload: " + e.Message);
        }
    }

    private static ContributionClaims DecodeCore(ReadOnlyMemory<byte> payload)
    {
        var m = Map(payload, "payload");
        Allow(m, "payload", EatClaim.Nonce, EatClaim.Ueid, EatClaim.Profile, EatClaim.Submods, EatClaim.SwName, EatClaim.SwVersion,
            TextClaim.Ceremony, TextClaim.Input, TextClaim.Output, TextClaim.ContributionHash, TextClaim.PublicKey,
            TextClaim.Entropy, TextClaim.InsecureTestRandomness);

        var submods = Map(Required(m, EatClaim.Submods, "submods"), "submods");
        Allow(submods, "submods", TextClaim.Signer);
        var swVersion = CborValue.Array(Required(m, EatClaim.SwVersion, "swversion"));
        if (swVersion.Count != 2 || CborValue.Int(swVersion[1]) != SemVerScheme)
            throw new ClaimsFormatException($"swversion: must be [version, {SemVerScheme}]");

        var claims = new ContributionClaims
        {
            Nonce = Optional(m, EatClaim.Nonce, CborValue.Bytes),
            Ueid = Optional(m, EatClaim.Ueid, CborValue.Bytes),
            Profile = CborValue.Text(Required(m, EatClaim.Profile, "eat_profile")),
            Signer = ReadToken(Required(submods, TextClaim.Signer, "submods.signer")),
            Software = new SoftwareIdentity(CborValue.Text(Required(m, EatClaim.SwName, "swname")), CborValue.Text(swVersion[0])),
            Ceremony = ReadCeremony(Required(m, TextClaim.Ceremony, "ceremony")),
            Input = ReadDigests(Required(m, TextClaim.Input, "input"), "input"),
            Output = ReadDigests(Required(m, TextClaim.Output, "output"), "output"),
            ContributionHash = CborValue.Bytes(Required(m, TextClaim.ContributionHash, "contribution-hash")),
            PublicKey = CborValue.Bytes(Required(m, TextClaim.PublicKey, "pubkey")),
            Entropy = CborValue.Array(Required(m, TextClaim.Entropy, "entropy")).Select(ReadEntropy).ToList(),
            InsecureTestRandomness = CborValue.Bool(Required(m, TextClaim.InsecureTestRandomness, "insecure-test-randomness")),
        };
        try
        {
            claims.Validate();
        }
        catch (InvalidClaimsException e)
        {
            throw new ClaimsFormatException(e.Message);
        }
        return claims;
    }

    private static CeremonyClaims ReadCeremony(ReadOnlyMemory<byte> encoded)
    {
        var c = Map(encoded, "ceremony");
        Allow(c, "ceremony", "id", "kind", "curve", "index", "power", "r1cs");
        string kindText = CborValue.Text(Required(c, "kind", "ceremony.kind"));
        if (!ContributionKindNames.TryParse(kindText, out var kind))
            throw new ClaimsFormatException($"ceremony.kind: \"{kindText}\" is not ptau, challenge, beacon or zkey");
        return new CeremonyClaims(
            CborValue.Text(Required(c, "id", "ceremony.id")),
            kind,
            CborValue.Text(Required(c, "curve", "ceremony.curve")),
            CborValue.UInt(Required(c, "index", "ceremony.index")),
            c.TryGet("power", out var p) ? CborValue.UInt(p) : null,
            c.TryGet("r1cs", out var r1cs) ? ReadDigests(r1cs, "ceremony.r1cs") : null);
    }

    /// <summary>Digests = [+ [alg, value]] with exactly one -16 (SHA-256) and at most one "blake2b-512".</summary>
    internal static DigestSet ReadDigests(ReadOnlyMemory<byte> encoded, string what)
    {
        byte[]? sha256 = null, blake2b = null;
        var pairs = CborValue.Array(encoded);
        if (pairs.Count == 0) throw new ClaimsFormatException($"{what}: no digest");
        foreach (var pair in pairs)
        {
            var items = CborValue.Array(pair);
            if (items.Count != 2) throw new ClaimsFormatException($"{what}: a digest must be [alg, value]");
            var state = CborValue.Peek(items[0]);
            if (state == CborReaderState.NegativeInteger && CborValue.Int(items[0]) == DigestAlgorithm.Sha256 && sha256 is null)
                sha256 = CborValue.Bytes(items[1]);
            else if (state == CborReaderState.TextString && CborValue.Text(items[0]) == DigestAlgorithm.Blake2b512 && blake2b is null)
                blake2b = CborValue.Bytes(items[1]);
            else
                throw new ClaimsFormatException($"{what}: digest algorithm must be -16 or \"blake2b-512\", each once");
        }
        if (sha256 is null) throw new ClaimsFormatException($"{what}: the SHA-256 (-16) digest is required");
        var set = new DigestSet(sha256, blake2b);
        try { set.Validate(what); }
        catch (InvalidClaimsException e) { throw new ClaimsFormatException(e.Message); }
        return set;
    }

    private static EntropySourceClaim ReadEntropy(ReadOnlyMemory<byte> encoded)
    {
        var e = Map(encoded, "entropy[]");
        Allow(e, "entropy[]", "kind", "device", "bytes", "hardware");
        return new EntropySourceClaim(
            CborValue.Text(Required(e, "kind", "entropy[].kind")),
            Optional(e, "device", CborValue.Text),
            CborValue.UInt(Required(e, "bytes", "entropy[].bytes")),
            CborValue.Bool(Required(e, "hardware", "entropy[].hardware")));
    }

    private static TokenIdentity ReadToken(ReadOnlyMemory<byte> encoded)
    {
        var t = Map(encoded, "submods.signer");
        Allow(t, "submods.signer", EatClaim.OemId, EatClaim.HwModel, EatClaim.HwVersion, "serial", "slot", "interface");
        string? hwVersion = null;
        if (t.TryGet(EatClaim.HwVersion, out var hv))
        {
            var items = CborValue.Array(hv);
            if (items.Count is < 1 or > 2) throw new ClaimsFormatException("submods.signer.hwversion: must be [version, ?scheme]");
            hwVersion = CborValue.Text(items[0]);
        }
        return new TokenIdentity(
            CborValue.Text(Required(t, "serial", "submods.signer.serial")),
            CborValue.Text(Required(t, "interface", "submods.signer.interface")),
            t.TryGet(EatClaim.OemId, out var oem) ? CborValue.Int(oem) : null,
            t.TryGet(EatClaim.HwModel, out var model) ? Encoding.UTF8.GetString(CborValue.Bytes(model)) : null,
            hwVersion,
            Optional(t, "slot", CborValue.Text));
    }

    private static CborMap Map(ReadOnlyMemory<byte> encoded, string what)
    {
        var m = CborMap.Decode(encoded);
        if (m.Duplicates.Count > 0) throw new ClaimsFormatException($"{what}: key {m.Duplicates[0]} appears more than once");
        return m;
    }

    private static void Allow(CborMap m, string what, params CborLabel[] allowed)
    {
        foreach (var key in m.Keys)
            if (Array.IndexOf(allowed, key) < 0) throw new ClaimsFormatException($"{what}: key {key} is not in profile v1");
    }

    private static ReadOnlyMemory<byte> Required(CborMap m, CborLabel key, string what) =>
        m.TryGet(key, out var v) ? v : throw new ClaimsFormatException($"{what}: missing");

    private static T? Optional<T>(CborMap m, CborLabel key, Func<ReadOnlyMemory<byte>, T> read) where T : class =>
        m.TryGet(key, out var v) ? read(v) : null;
}
