using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Sessions;
using PowersOfTau.Tokens.Uri;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Tokens.Signing;

/// <summary>
/// An <see cref="ECDsa"/> whose private key stays in a PKCS#11 token: <see cref="SignHash(byte[])"/> runs
/// CKM_ECDSA on the token over the digest .NET computed and returns raw r||s (IEEE P1363, the COSE form),
/// checked to be exactly 2·n bytes. Verification and public-key export use the token's public key in
/// software. P-256 and P-384 only. Usable with CoseSigner (KeySize is set, tokens/attestation notes).
/// </summary>
public sealed class Pkcs11ECDsa : ECDsa
{
    private readonly TokenSession _session;
    private readonly bool _ownsSession;
    private readonly IObjectHandle _privateKey;
    private readonly ECParameters _public;
    private readonly Lock _lock = new();

    private Pkcs11ECDsa(TokenSession session, bool ownsSession, IObjectHandle privateKey, EcCurve curve, ECParameters publicKey, string label, byte[] id)
    {
        _session = session;
        _ownsSession = ownsSession;
        _privateKey = privateKey;
        _public = publicKey;
        Curve = curve;
        KeyLabel = label;
        KeyId = id;
        KeySizeValue = curve.KeySizeBits;
        LegalKeySizesValue = [new KeySizes(curve.KeySizeBits, curve.KeySizeBits, 0)];
    }

    /// <summary>The key's curve.</summary>
    public EcCurve Curve { get; }
    /// <summary>CKA_LABEL of the private key.</summary>
    public string KeyLabel { get; }
    /// <summary>CKA_ID of the private key (shared with its public key and certificate).</summary>
    public byte[] KeyId { get; }
    /// <summary>The token holding the key.</summary>
    public DeviceIdentity Device => _session.Device;
    /// <summary>The session this key signs through.</summary>
    public TokenSession Session => _session;

    /// <summary>
    /// Opens the token named by <paramref name="uri"/>, logs in (<paramref name="pin"/> or the URI's pin-source)
    /// and finds the one EC private key the URI's object/id attributes name. The key owns its session.
    /// </summary>
    /// <exception cref="TokenException">No module/token/key, several keys, wrong PIN, not EC P-256/P-384.</exception>
    public static Pkcs11ECDsa Open(Pkcs11Uri uri, PinSource? pin = null, string? defaultModulePath = null)
    {
        var session = TokenSession.Open(uri, pin, defaultModulePath);
        try
        {
            return Open(session, uri, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Finds the key named by <paramref name="keyUri"/> (object/id) in an open, logged-in session it does not own.</summary>
    /// <exception cref="TokenException">As for <see cref="Open(Pkcs11Uri, PinSource?, string?)"/>.</exception>
    public static Pkcs11ECDsa Open(TokenSession session, Pkcs11Uri keyUri) => Open(session, keyUri, ownsSession: false);

    private static Pkcs11ECDsa Open(TokenSession session, Pkcs11Uri uri, bool ownsSession)
    {
        string token = session.Device.Label;
        if (uri.Type is { } t && t != Pkcs11ObjectType.Private)
            throw new TokenException($"the signing key URI says type={t.ToString().ToLowerInvariant()}; it must name a private key (type=private or no type)");
        if (uri.Object is null && uri.Id is null)
            throw new TokenException($"the signing key URI names no key: add object=<label> or id=<CKA_ID> (token '{token}')");
        if (!session.LoggedIn && session.LoginRequired)
            throw new TokenException($"token '{token}' requires a login to use its keys: add pin-source=file:/path to the URI");

        var keys = TokenObjects.Find(session, TokenObjects.Template(session, CKO.CKO_PRIVATE_KEY, uri));
        string wanted = Describe(uri);
        if (keys.Count == 0)
        {
            var all = TokenObjects.Find(session, TokenObjects.Template(session, CKO.CKO_PRIVATE_KEY, null))
                .Select(h => TokenObjects.LabelAndId(session, h)).Select(x => $"'{x.Label}' (id {Convert.ToHexStringLower(x.Id)})");
            string present = string.Join(", ", all);
            throw new TokenException($"no private key matches {wanted} on token '{token}'; present: {(present.Length == 0 ? "none" : present)}");
        }
        if (keys.Count > 1)
            throw new TokenException($"{keys.Count} private keys match {wanted} on token '{token}'; add id= (CKA_ID) to the URI to pick one");

        var key = keys[0];
        var a = TokenObjects.Attributes(session, key, CKA.CKA_KEY_TYPE, CKA.CKA_LABEL, CKA.CKA_ID, CKA.CKA_SIGN);
        string label = a[1].CannotBeRead ? "" : a[1].GetValueAsString() ?? "";
        byte[] id = a[2].CannotBeRead ? [] : a[2].GetValueAsByteArray() ?? [];
        string what = $"token '{token}' key '{label}' (id {Convert.ToHexStringLower(id)})";
        if (a[0].CannotBeRead || a[0].GetValueAsUlong() != (ulong)CKK.CKK_EC)
            throw new TokenException($"{what} is not an EC key (CKA_KEY_TYPE {(a[0].CannotBeRead ? "unreadable" : ((CKK)a[0].GetValueAsUlong()).ToString())}); only EC P-256/P-384 keys can sign");
        if (!a[3].CannotBeRead && !a[3].GetValueAsBool())
            throw new TokenException($"{what} may not sign (CKA_SIGN is false)");

        var (curve, publicKey) = ReadPublicKey(session, key, label, id, what);
        return new Pkcs11ECDsa(session, ownsSession, key, curve, publicKey, label, id);
    }

    /// <summary>
    /// The public half: CKA_EC_PARAMS/CKA_EC_POINT of the public key object with the same CKA_ID (or, without
    /// an id, the same label); failing that, the attributes on the private key object itself.
    /// </summary>
    private static (EcCurve, ECParameters) ReadPublicKey(TokenSession session, IObjectHandle privateKey, string label, byte[] id, string what)
    {
        var f = session.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute> { f.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY), f.Create(CKA.CKA_KEY_TYPE, CKK.CKK_EC) };
        template.Add(id.Length > 0 ? f.Create(CKA.CKA_ID, id) : f.Create(CKA.CKA_LABEL, label));
        var candidates = TokenObjects.Find(session, template);
        if (candidates.Count > 1)
            throw new TokenException($"{what}: {candidates.Count} public keys share its CKA_ID; the token is ambiguous");
        var source = candidates.Count == 1 ? candidates[0] : privateKey;
        var a = TokenObjects.Attributes(session, source, CKA.CKA_EC_PARAMS, CKA.CKA_EC_POINT);
        if (a[0].CannotBeRead || a[1].CannotBeRead || a[1].GetValueAsByteArray() is not { Length: > 0 })
            throw new TokenException($"{what}: no public key object with the same CKA_ID and no CKA_EC_POINT on the key; cannot check signatures");
        var curve = EcCurve.FromEcParams(a[0].GetValueAsByteArray(), what);
        return (curve, curve.PublicParameters(a[1].GetValueAsByteArray(), what));
    }

    private static string Describe(Pkcs11Uri uri)
    {
        var parts = new List<string>();
        if (uri.Object is not null) parts.Add($"object='{uri.Object}'");
        if (uri.Id is not null) parts.Add($"id={Convert.ToHexStringLower(uri.Id.ToArray())}");
        return string.Join(";", parts);
    }

    /// <summary>
    /// Signs <paramref name="hash"/> with CKM_ECDSA on the token. A digest longer than the curve is cut to its
    /// leftmost n bytes first, exactly what ECDSA does (and ykcs11 2.2.0 refuses longer input, tokens.md §3).
    /// </summary>
    /// <returns>r||s, exactly 2·n bytes (64 for P-256, 96 for P-384).</returns>
    /// <exception cref="TokenException">The token failed or returned a signature of the wrong length.</exception>
    public override byte[] SignHash(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (hash.Length == 0) throw new ArgumentException("the digest is empty", nameof(hash));
        byte[] input = hash.Length > Curve.FieldBytes ? hash[..Curve.FieldBytes] : hash;
        byte[] signature;
        lock (_lock)
        {
            try
            {
                signature = _session.Session.Sign(_session.Factories.MechanismFactory.Create(CKM.CKM_ECDSA), _privateKey, input);
            }
            catch (Pkcs11Exception e)
            {
                throw TokenErrors.From(e, "C_Sign(CKM_ECDSA)", $"token '{Device.Label}' key '{KeyLabel}'");
            }
        }
        if (signature.Length != 2 * Curve.FieldBytes)
            throw new TokenException($"token '{Device.Label}' key '{KeyLabel}': CKM_ECDSA returned {signature.Length} bytes, a {Curve.Name} r||s signature has {2 * Curve.FieldBytes}");
        return signature;
    }

    /// <summary>Verifies an r||s signature with the token key's public half, in software.</summary>
    public override bool VerifyHash(byte[] hash, byte[] signature)
    {
        using var verifier = ECDsa.Create(_public);
        return verifier.VerifyHash(hash, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>The public key; the private key never leaves the token.</summary>
    /// <exception cref="CryptographicException"><paramref name="includePrivateParameters"/> is true.</exception>
    public override ECParameters ExportParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters) throw new CryptographicException("the private key stays in the token and cannot be exported");
        return new ECParameters { Curve = _public.Curve, Q = new ECPoint { X = (byte[])_public.Q.X!.Clone(), Y = (byte[])_public.Q.Y!.Clone() } };
    }

    /// <inheritdoc cref="ExportParameters(bool)"/>
    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) =>
        throw new CryptographicException("explicit curve parameters are not exported; use ExportParameters(false)");

    /// <summary>Not supported: the key lives in the token.</summary>
    public override void ImportParameters(ECParameters parameters) => throw new NotSupportedException("a token key cannot be replaced");

    /// <summary>Not supported: generate keys on the token (hsm/ scripts, pkcs11-tool --keypairgen).</summary>
    public override void GenerateKey(ECCurve curve) => throw new NotSupportedException("generate keys on the token itself");

    /// <summary>The DER SubjectPublicKeyInfo of the token key.</summary>
    public override byte[] ExportSubjectPublicKeyInfo()
    {
        using var software = ECDsa.Create(_public);
        return software.ExportSubjectPublicKeyInfo();
    }

    /// <summary>
    /// The token's certificate for this key: the CKO_CERTIFICATE with the same CKA_ID whose public key equals
    /// the token key; null when the token holds no certificate with that id.
    /// </summary>
    /// <exception cref="TokenException">Certificates with this CKA_ID exist but none holds this key.</exception>
    public TokenCertificate? FindCertificate()
    {
        if (KeyId.Length == 0) return null;
        var byId = Pkcs11Uri.Parse("pkcs11:id=" + string.Concat(KeyId.Select(b => $"%{b:X2}")));
        var certificates = _session.ReadCertificates(byId);
        byte[] spki = ExportSubjectPublicKeyInfo();
        TokenCertificate? match = null;
        foreach (var c in certificates)
        {
            if (match is null && c.Certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(spki)) match = c;
            else c.Certificate.Dispose();
        }
        if (match is null && certificates.Count > 0)
            throw new TokenException($"token '{Device.Label}': certificate '{certificates[0].Label}' (id {Convert.ToHexStringLower(KeyId)}) holds a different public key than key '{KeyLabel}'; re-issue it for this key");
        return match;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSession) _session.Dispose();
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Curve.Name} key '{KeyLabel}' (id {Convert.ToHexStringLower(KeyId)}) on token {Device}";
}
