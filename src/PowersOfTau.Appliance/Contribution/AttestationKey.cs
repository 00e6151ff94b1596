using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Tokens.Signing;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// The attestation key on its token, its certificate chain and the signer built from both, opened and checked
/// before any secret exists: the URI parses, the token answers, the PIN is right, the key is EC P-256/P-384 and
/// may sign, and the chain's leaf holds this key (<see cref="AttestationSigner"/>'s checks).
/// </summary>
public sealed class AttestationKey : IDisposable
{
    private readonly Pkcs11ECDsa _key;
    private readonly X509Certificate2[] _chain;

    private AttestationKey(Pkcs11ECDsa key, X509Certificate2[] chain, AttestationSigner signer)
    {
        _key = key;
        _chain = chain;
        Signer = signer;
    }

    /// <summary>Signs the claims.</summary>
    public AttestationSigner Signer { get; }

    /// <summary>The token, for the claims' submods.signer.</summary>
    public TokenIdentity Identity => new(
        Serial: _key.Device.Serial,
        Interface: "pkcs11",
        HwModel: $"{_key.Device.Manufacturer} {_key.Device.Model}".Trim(),
        HwVersion: _key.Device.Firmware,
        Slot: Convert.ToHexStringLower(_key.KeyId));

    /// <summary>
    /// The key's name, the default contribution name when signing: the certificate's common name, the key
    /// label and the token label (e.g. "Alice (key ec256 on tau-softhsm)"), cut to snarkjs's 64 characters.
    /// </summary>
    public string DisplayName
    {
        get
        {
            string cn = _chain[0].GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            string name = $"{(cn.Length > 0 ? cn + " " : "")}(key {_key.KeyLabel} on {_key.Device.Label})";
            return name.Length <= 64 ? name : name[..64];
        }
    }

    /// <summary>Opens the key <paramref name="signUri"/> names and its chain (token certificate, then <paramref name="chainFile"/>).</summary>
    /// <param name="signUri">RFC 7512 URI with pin-source.</param>
    /// <param name="chainFile">PEM: the key's certificate (optional when the token holds it) and its intermediates, no root.</param>
    /// <param name="wrapKey">Tests only: wraps the token key (fault injection).</param>
    /// <exception cref="PowersOfTau.Tokens.Errors.Pkcs11UriException">The URI is malformed (exit 2).</exception>
    /// <exception cref="PowersOfTau.Tokens.Errors.TokenException">Module, token, PIN or key failed (exit 3).</exception>
    /// <exception cref="AttestationSignerException">The chain does not fit the key (exit 3).</exception>
    /// <exception cref="UserFacingError">No certificate for the key, or an unreadable chain file.</exception>
    public static AttestationKey Open(string signUri, string? chainFile, Func<ECDsa, ECDsa>? wrapKey = null)
    {
        var uri = Pkcs11Uri.Parse(signUri);
        var key = Pkcs11ECDsa.Open(uri);
        try
        {
            var chain = BuildChain(key, chainFile);
            var signer = new AttestationSigner(wrapKey?.Invoke(key) ?? key, chain);
            return new AttestationKey(key, chain, signer);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static X509Certificate2[] BuildChain(Pkcs11ECDsa key, string? chainFile)
    {
        var fromFile = new List<X509Certificate2>();
        if (chainFile is not null)
        {
            var collection = new X509Certificate2Collection();
            try { collection.ImportFromPemFile(chainFile); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new UserFacingError(ExitCodes.BadInput, $"--chain {chainFile}: cannot read PEM certificates: {e.Message}");
            }
            if (collection.Count == 0) throw new UserFacingError(ExitCodes.BadInput, $"--chain {chainFile}: holds no PEM certificate");
            fromFile.AddRange(collection);
        }
        byte[] spki = key.ExportSubjectPublicKeyInfo();
        if (fromFile.Count > 0 && fromFile[0].PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(spki))
            return [.. fromFile];
        var onToken = key.FindCertificate();
        if (onToken is null)
            throw new UserFacingError(ExitCodes.DeviceFailed,
                $"{key}: the token holds no certificate for this key and --chain does not start with one; add the key's certificate to the token (same CKA_ID) or put it first in --chain");
        return [onToken.Certificate, .. fromFile];
    }

    /// <summary>Closes the token session.</summary>
    public void Dispose()
    {
        _key.Dispose();
        foreach (var c in _chain) c.Dispose();
    }
}
