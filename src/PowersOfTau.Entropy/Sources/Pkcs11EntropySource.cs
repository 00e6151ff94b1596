using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Sessions;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// C_GenerateRandom of the PKCS#11 token a URI names (<c>--entropy-source pkcs11:token=…?module-path=…</c>),
/// written straight into secret memory. A login happens only when the URI has a pin-source.
/// ykcs11 is refused: its C_GenerateRandom is host OpenSSL, not the YubiKey (tokens.md §3).
/// </summary>
public sealed class Pkcs11EntropySource(Pkcs11Uri uri, string? defaultModulePath = null) : IEntropySource
{
    /// <inheritdoc/>
    public string Kind => EntropyKinds.Pkcs11;

    /// <summary>The URI this source draws from.</summary>
    public Pkcs11Uri Uri => uri;

    /// <inheritdoc/>
    public EntropySample Draw(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        try
        {
            using var session = TokenSession.Open(uri, defaultModulePath: defaultModulePath);
            if (session.Module.Manufacturer.StartsWith("Yubico", StringComparison.Ordinal))
                throw new EntropyException($"pkcs11 entropy: module '{session.Module.Path}' is ykcs11, whose C_GenerateRandom is host OpenSSL, not the YubiKey; use the yubikey source (OpenPGP GET CHALLENGE)");
            var bytes = session.GenerateRandom(byteCount);
            return new EntropySample(new EntropyReport(Kind, Describe(session.Device), byteCount, IsHardware(session.Module, session.Device)), bytes);
        }
        catch (TokenException e)
        {
            throw new EntropyException($"pkcs11 entropy source {uri}: {e.Message}", e);
        }
    }

    internal static string Describe(DeviceIdentity d) => $"{d.Manufacturer} {d.Model} '{d.Label}' serial {d.Serial}";

    /// <summary>SoftHSM draws from host OpenSSL; every other token is taken at its word.</summary>
    private static bool IsHardware(Pkcs11Module module, DeviceIdentity device) =>
        !(module.Manufacturer == "SoftHSM" || device.Manufacturer == "SoftHSM project");
}
