using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Envelope;
using static PowersOfTau.Attestation.AttestationProfile;

namespace PowersOfTau.Attestation.Signing;

/// <summary>
/// Makes profile-v1 attestations: a tagged COSE_Sign1 with the claims embedded, signed by any <see cref="ECDsa"/>
/// (a software key, or a token-backed subclass whose private key never leaves the token) and carrying the key's
/// X.509 chain. Protected header: alg, typ, kid, x5chain (leaf first, no root), x5t, CWT claims (iss, sub, iat,
/// optional cti). The unprotected header is empty. notes/attestation.md §1.8, §2.
/// </summary>
public sealed class AttestationSigner
{
    private readonly ECDsa _key;
    private readonly X509Certificate2[] _chain;
    private readonly ProfileAlgorithm _algorithm;

    /// <summary>
    /// Checks the key and chain before anything is signed: the key is P-256 or P-384; the chain is not empty,
    /// its leaf holds an EC public key of the same curve and, when the key can export its public part, the same
    /// point; the leaf is not a CA and its key usage, if any, allows digitalSignature; each certificate is issued
    /// by the next; no self-signed root after the leaf (auditors pin the root).
    /// </summary>
    /// <param name="key">The signing key. Only <c>SignHash</c>, <c>KeySize</c> and (optionally) <c>ExportParameters(false)</c> are used.</param>
    /// <param name="chain">The leaf certificate of <paramref name="key"/> first, then its intermediates, without the root.</param>
    /// <exception cref="AttestationSignerException">The key or chain cannot make a profile-v1 attestation.</exception>
    public AttestationSigner(ECDsa key, IReadOnlyList<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count == 0) throw new AttestationSignerException("the certificate chain is empty: give the signing key's certificate first, then its intermediates");
        _key = key;
        _chain = chain.ToArray();

        var leaf = _chain[0];
        using var leafKey = leaf.GetECDsaPublicKey()
            ?? throw new AttestationSignerException($"the first certificate ({leaf.Subject}) does not hold an EC public key: it must be the signing key's certificate");
        var leafPublic = leafKey.ExportParameters(false);
        _algorithm = ProfileAlgorithm.FromCurve(leafPublic.Curve)
            ?? throw new AttestationSignerException($"the certificate's key is on {ProfileAlgorithm.Describe(leafPublic.Curve)}; the profile allows only P-256 (ES256) or P-384 (ES384)");

        if (LeafCertificatePolicy.WhyNotForSigning(leaf).FirstOrDefault() is string why) throw new AttestationSignerException(why);

        ECParameters? keyPublic = TryExportPublic(key);
        if (keyPublic is ECParameters kp)
        {
            var keyAlgorithm = ProfileAlgorithm.FromCurve(kp.Curve)
                ?? throw new AttestationSignerException($"the signing key is on {ProfileAlgorithm.Describe(kp.Curve)}; the profile allows only P-256 (ES256) or P-384 (ES384)");
            if (keyAlgorithm != _algorithm || !SamePoint(kp.Q, leafPublic.Q))
                throw new AttestationSignerException($"the certificate ({leaf.Subject}) is not the signing key's: its public key differs from the key's");
        }
        else if (key.KeySize != _algorithm.KeyBits)
        {
            throw new AttestationSignerException($"the signing key is {key.KeySize} bits but its certificate is {_algorithm.CurveName}: they are not the same key");
        }

        for (int i = 0; i + 1 < _chain.Length; i++)
        {
            if (!_chain[i].IssuerName.RawData.AsSpan().SequenceEqual(_chain[i + 1].SubjectName.RawData))
                throw new AttestationSignerException($"certificate {i} ({_chain[i].Subject}) is not issued by certificate {i + 1} ({_chain[i + 1].Subject}): order the chain leaf first");
            if (_chain[i + 1].SubjectName.RawData.AsSpan().SequenceEqual(_chain[i + 1].IssuerName.RawData))
                throw new AttestationSignerException($"certificate {i + 1} ({_chain[i + 1].Subject}) is a self-signed root: leave the root out, auditors pin it");
        }
    }

    /// <summary>The COSE algorithm this signer uses: -7 (ES256, P-256) or -35 (ES384, P-384).</summary>
    public int Algorithm => _algorithm.CoseId;

    /// <summary>The kid written in the header: SHA-256 of the leaf's DER SubjectPublicKeyInfo.</summary>
    public byte[] KeyId => SHA256.HashData(_chain[0].PublicKey.ExportSubjectPublicKeyInfo());

    /// <summary>
    /// Encodes the claims canonically and signs them. The message is decoded and its signature checked
    /// against the leaf's key before it is returned, so a token that returns a short or foreign signature
    /// is caught here and not by an auditor.
    /// </summary>
    /// <returns>The tagged COSE_Sign1 bytes (first byte 0xD2).</returns>
    /// <exception cref="InvalidClaimsException">A claim or header claim breaks the profile.</exception>
    /// <exception cref="AttestationSignerException">The key produced a signature the certificate does not verify.</exception>
    public byte[] Sign(ContributionClaims claims, CwtHeaderClaims header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (string.IsNullOrEmpty(header.Issuer)) throw new InvalidClaimsException("iss: the contributor URI must not be empty");
        if (string.IsNullOrEmpty(header.Subject)) throw new InvalidClaimsException("sub: the contribution URI must not be empty");
        if (header.Cti is not null && header.Cti.Length != 16) throw new InvalidClaimsException($"cti: must be 16 bytes, got {header.Cti.Length}");
        byte[] payload = ClaimsEncoder.Encode(claims);

        var protectedHeaders = new CoseHeaderMap
        {
            { new CoseHeaderLabel(HeaderLabel.Typ), Typ },
            { CoseHeaderLabel.KeyIdentifier, KeyId },
            { new CoseHeaderLabel(HeaderLabel.X5Chain), CoseHeaderValue.FromEncodedValue(EncodeX5Chain(_chain)) },
            { new CoseHeaderLabel(HeaderLabel.X5T), CoseHeaderValue.FromEncodedValue(EncodeX5T(_chain[0])) },
            { new CoseHeaderLabel(HeaderLabel.CwtClaims), CoseHeaderValue.FromEncodedValue(EncodeCwtClaims(header)) },
        };
        // .NET writes alg (1) itself, first, from the hash name; the curve pin was checked in the constructor.
        var signer = new CoseSigner(_key, _algorithm.Hash, protectedHeaders, new CoseHeaderMap());
        byte[] message;
        try
        {
            message = CoseSign1Message.SignEmbedded(payload, signer);
        }
        catch (ArgumentException e)
        {
            throw new AttestationSignerException($"the signing key returned a signature that is not {_algorithm.SignatureLength}-byte r||s ({e.Message})");
        }
        SelfCheck(message);
        return message;
    }

    private void SelfCheck(byte[] message)
    {
        CoseSign1Envelope envelope;
        try
        {
            envelope = CoseSign1Envelope.Decode(message);
        }
        catch (AttestationUnreadableException e)
        {
            throw new AttestationSignerException("the signing key returned a malformed signature (a short r||s?): " + e.Message);
        }
        if (envelope.TrailingBytes != 0 || envelope.Signature.Length != _algorithm.SignatureLength)
            throw new AttestationSignerException($"the signing key returned a signature that is not {_algorithm.SignatureLength}-byte r||s");
        using var leafKey = _chain[0].GetECDsaPublicKey()!;
        byte[] toBeSigned = SigStructure.ForSign1(envelope.ProtectedBytes.Span, envelope.Payload!.Value.Span);
        if (!leafKey.VerifyData(toBeSigned, envelope.Signature.Span, _algorithm.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            throw new AttestationSignerException("the signature does not verify under the certificate's key: the certificate is not the signing key's");
    }

    /// <summary>COSE_X509: one certificate as a bare bstr, two or more as an array (RFC 9360 §2).</summary>
    internal static byte[] EncodeX5Chain(IReadOnlyList<X509Certificate2> chain)
    {
        var w = new CborWriter(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: true);
        if (chain.Count == 1)
        {
            w.WriteByteString(chain[0].RawData);
        }
        else
        {
            w.WriteStartArray(chain.Count);
            foreach (var c in chain) w.WriteByteString(c.RawData);
            w.WriteEndArray();
        }
        return w.Encode();
    }

    /// <summary>COSE_CertHash [-16, SHA-256(leaf DER)] (RFC 9360 §2).</summary>
    internal static byte[] EncodeX5T(X509Certificate2 leaf)
    {
        var w = new CborWriter(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: true);
        w.WriteStartArray(2);
        w.WriteInt32(DigestAlgorithm.Sha256);
        w.WriteByteString(SHA256.HashData(leaf.RawData));
        w.WriteEndArray();
        return w.Encode();
    }

    internal static byte[] EncodeCwtClaims(CwtHeaderClaims header)
    {
        var w = new CborWriter(CborConformanceMode.Canonical, convertIndefiniteLengthEncodings: true);
        w.WriteStartMap(null);
        w.WriteInt32(CwtClaim.Iss); w.WriteTextString(header.Issuer);
        w.WriteInt32(CwtClaim.Sub); w.WriteTextString(header.Subject);
        w.WriteInt32(CwtClaim.Iat); w.WriteInt64(header.IssuedAt.ToUnixTimeSeconds());
        if (header.Cti is not null) { w.WriteInt32(CwtClaim.Cti); w.WriteByteString(header.Cti); }
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>The key's public part, or null for a key that cannot export it (some token-backed subclasses).</summary>
    private static ECParameters? TryExportPublic(ECDsa key)
    {
        try
        {
            return key.ExportParameters(false);
        }
        catch (Exception e) when (e is NotSupportedException or CryptographicException or NotImplementedException)
        {
            return null;
        }
    }

    private static bool SamePoint(ECPoint a, ECPoint b) =>
        a.X is not null && a.Y is not null && b.X is not null && b.Y is not null
        && a.X.AsSpan().SequenceEqual(b.X) && a.Y.AsSpan().SequenceEqual(b.Y);
}
