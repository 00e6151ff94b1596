using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Uri;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Tokens.Sessions;

/// <summary>
/// A read-only session on one token, chosen by PKCS#11 URI: login, random bytes, key and certificate lookup.
/// Not thread-safe (a PKCS#11 session is not); the signing key serialises its own use.
/// Disposing closes the session; the token logs out when its last session in this process closes.
/// </summary>
public sealed class TokenSession : IDisposable
{
    private readonly ISession _session;
    private bool _disposed;

    private TokenSession(Pkcs11Module module, ISlot slot, ISession session, ITokenInfo token)
    {
        Module = module;
        Slot = slot;
        _session = session;
        Device = TokenSelector.Identify(module, token);
        HasRng = token.TokenFlags.Rng;
        LoginRequired = token.TokenFlags.LoginRequired;
    }

    /// <summary>The module that reached the token.</summary>
    public Pkcs11Module Module { get; }
    /// <summary>Who the token says it is.</summary>
    public DeviceIdentity Device { get; }
    /// <summary>CKF_RNG: the token has a random number generator.</summary>
    public bool HasRng { get; }
    /// <summary>CKF_LOGIN_REQUIRED.</summary>
    public bool LoginRequired { get; }
    /// <summary>True once <see cref="Login"/> succeeded in this session.</summary>
    public bool LoggedIn { get; private set; }

    internal ISlot Slot { get; }
    internal ISession Session { get { ObjectDisposedException.ThrowIf(_disposed, this); return _session; } }
    internal Pkcs11InteropFactories Factories => Module.Factories;

    /// <summary>
    /// Opens a session on the single token <paramref name="uri"/> names. When <paramref name="pin"/> is given
    /// (or the URI has a pin-source) it logs in as the user.
    /// </summary>
    /// <exception cref="TokenException">Module, token or login failed (exit code 3).</exception>
    /// <exception cref="Pkcs11UriException">The URI's pin-source has an unsupported form.</exception>
    public static TokenSession Open(Pkcs11Uri uri, PinSource? pin = null, string? defaultModulePath = null)
    {
        var module = TokenSelector.ResolveModule(uri, defaultModulePath);
        var slot = TokenSelector.SelectSlot(module, uri);
        ISession session;
        ITokenInfo token;
        try
        {
            token = slot.GetTokenInfo();
            session = slot.OpenSession(SessionType.ReadOnly);
        }
        catch (Pkcs11Exception e)
        {
            throw TokenErrors.From(e, e.Method, $"token in module '{module.Path}'");
        }
        var result = new TokenSession(module, slot, session, token);
        try
        {
            var source = pin ?? PinSource.FromUri(uri);
            if (source is not null) result.Login(source);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>
    /// C_Login as the user with a PIN read from <paramref name="pin"/>. The PIN goes from secret memory
    /// straight to the module (no managed copy) and is wiped right after the call.
    /// </summary>
    /// <exception cref="TokenException">Wrong PIN (with what the token reports about tries left), locked PIN, or another CKR_*.</exception>
    public void Login(PinSource pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        CKR rv;
        using (SecretBuffer secret = pin.ReadPin(Device.Label))
            rv = Module.Functions.Login(Session.SessionId, CKU.CKU_USER, secret);
        switch (rv)
        {
            case CKR.CKR_OK:
            case CKR.CKR_USER_ALREADY_LOGGED_IN: // login state is per token and process: another session did it
                LoggedIn = true;
                return;
            case CKR.CKR_PIN_INCORRECT:
                throw TokenErrors.WrongPin(Device.Label, ReadPinStatus());
            case CKR.CKR_PIN_LOCKED:
                throw TokenErrors.PinLocked(Device.Label);
            default:
                throw TokenErrors.FromReturnValue(rv, "C_Login", $"token '{Device.Label}'");
        }
    }

    /// <summary>The token's current user-PIN retry flags (re-read from CK_TOKEN_INFO).</summary>
    public TokenPinStatus ReadPinStatus()
    {
        try { return TokenPinStatus.From(Slot.GetTokenInfo().TokenFlags); }
        catch (Pkcs11Exception) { return default; }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> (secret memory) with C_GenerateRandom, writing straight into it.
    /// Asks in chunks of at most <paramref name="chunkBytes"/> bytes (tpm2-pkcs11 itself splits into the
    /// TPM's 64-byte TPM2_GetRandom answers).
    /// </summary>
    /// <exception cref="TokenException">The token has no RNG or the call failed.</exception>
    public void GenerateRandom(Span<byte> destination, int chunkBytes = 1024)
    {
        if (!HasRng)
            throw new TokenException($"token {Device.Label}: it has no random number generator (CKF_RNG not set)", nameof(CKR.CKR_RANDOM_NO_RNG));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkBytes);
        for (int offset = 0; offset < destination.Length; offset += chunkBytes)
        {
            var chunk = destination.Slice(offset, Math.Min(chunkBytes, destination.Length - offset));
            CKR rv = Module.Functions.GenerateRandom(Session.SessionId, chunk);
            if (rv != CKR.CKR_OK)
                throw TokenErrors.FromReturnValue(rv, "C_GenerateRandom", $"token '{Device.Label}'");
        }
    }

    /// <summary>A new secret buffer of <paramref name="count"/> bytes from the token's RNG.</summary>
    /// <exception cref="TokenException">The token has no RNG or the call failed.</exception>
    public SecretBuffer GenerateRandom(int count)
    {
        var buffer = new SecretBuffer(count);
        try
        {
            GenerateRandom(buffer.Reveal());
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Every X.509 certificate object on the token that matches the URI's object/id attributes.</summary>
    /// <exception cref="TokenException">A certificate object cannot be read or parsed.</exception>
    public IReadOnlyList<TokenCertificate> ReadCertificates(Pkcs11Uri? filter = null) => TokenObjects.ReadCertificates(this, filter);

    /// <summary>Closes the session.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try { _session.CloseSession(); }
        catch (Pkcs11Exception) { /* the module may already be gone; nothing to release */ }
    }

    /// <inheritdoc/>
    public override string ToString() => $"session on token {Device}";
}
