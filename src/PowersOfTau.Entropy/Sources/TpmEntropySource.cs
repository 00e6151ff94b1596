using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Sessions;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// TPM2_GetRandom through tpm2-pkcs11's C_GenerateRandom. The TPM answers at most 64 bytes per
/// TPM2_GetRandom (TPM2_PT_MAX_DIGEST, tokens.md §2), so this asks in 64-byte calls. The TPM is reached the
/// way tpm2-pkcs11 is configured: TPM2_PKCS11_TCTI (device:/dev/tpmrm0 in production, swtpm:… in tests)
/// and TPM2_PKCS11_STORE, both in the native process environment before the first use.
/// </summary>
public sealed class TpmEntropySource(Pkcs11Uri? tokenUri = null, string modulePath = TpmEntropySource.DefaultModulePath) : IEntropySource
{
    /// <summary>Debian's tpm2-pkcs11 module.</summary>
    public const string DefaultModulePath = "/usr/lib/x86_64-linux-gnu/pkcs11/libtpm2_pkcs11.so";

    /// <summary>Largest TPM2_GetRandom answer.</summary>
    public const int MaxBytesPerCall = 64;

    /// <inheritdoc/>
    public string Kind => EntropyKinds.Tpm;

    /// <inheritdoc/>
    public EntropySample Draw(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        var uri = tokenUri ?? Pkcs11Uri.Parse("pkcs11:");
        try
        {
            using var session = TokenSession.Open(uri, defaultModulePath: modulePath);
            if (session.Module.Description != "TPM2.0 Cryptoki")
                throw new EntropyException($"tpm entropy: module '{session.Module.Path}' is '{session.Module.Description}', not tpm2-pkcs11");
            var bytes = new Secrets.SecretBuffer(byteCount);
            try
            {
                session.GenerateRandom(bytes.Reveal(), chunkBytes: MaxBytesPerCall);
            }
            catch
            {
                bytes.Dispose();
                throw;
            }
            var d = session.Device;
            // swtpm reports the vendor string "SW   TPM": a software TPM, not a hardware RNG.
            bool hardware = !d.Model.Replace(" ", "", StringComparison.Ordinal).StartsWith("SWTPM", StringComparison.Ordinal);
            return new EntropySample(new EntropyReport(Kind, $"TPM {d.Manufacturer} '{d.Model}' firmware {d.Firmware} (tpm2-pkcs11 token '{d.Label}')", byteCount, hardware), bytes);
        }
        catch (TokenException e)
        {
            throw new EntropyException($"tpm entropy: {e.Message} (is TPM2_PKCS11_TCTI/TPM2_PKCS11_STORE set and the TPM reachable?)", e);
        }
    }
}
