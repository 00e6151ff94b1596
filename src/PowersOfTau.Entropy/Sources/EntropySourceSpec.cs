using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Pins;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// Parses <c>--entropy-source SPEC</c>: <c>os</c>, <c>hwrng</c>, <c>operator</c>, <c>tpm</c>,
/// <c>tpm:pkcs11:&lt;uri&gt;</c>, <c>pkcs11:&lt;RFC 7512 URI&gt;</c>, <c>beacon:&lt;hex&gt;</c>.
/// </summary>
public static class EntropySourceSpec
{
    /// <summary>Builds the source a spec names (nothing is opened yet).</summary>
    /// <exception cref="EntropySpecException">Unknown spec or malformed URI/hex (bad usage, exit 2).</exception>
    public static IEntropySource Parse(string spec, NoEchoTerminal? terminal = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            return spec switch
            {
                "os" => new OsEntropySource(),
                "hwrng" => new HwrngEntropySource(),
                "operator" => new OperatorEntropySource(terminal),
                "tpm" => new TpmEntropySource(),
                _ when spec.StartsWith("tpm:pkcs11:", StringComparison.Ordinal) => new TpmEntropySource(Pkcs11Uri.Parse(spec["tpm:".Length..])),
                _ when spec.StartsWith("pkcs11:", StringComparison.Ordinal) => new Pkcs11EntropySource(Pkcs11Uri.Parse(spec)),
                _ when spec.StartsWith("beacon:", StringComparison.Ordinal) => new BeaconEntropySource(ParseHex(spec["beacon:".Length..])),
                _ => throw new EntropySpecException($"unknown entropy source '{spec}'; use os, hwrng, operator, tpm, tpm:pkcs11:<uri>, pkcs11:<uri> or beacon:<hex>"),
            };
        }
        catch (Pkcs11UriException e)
        {
            throw new EntropySpecException($"entropy source: {e.Message}");
        }
    }

    private static byte[] ParseHex(string hex)
    {
        try { return Convert.FromHexString(hex); }
        catch (FormatException) { throw new EntropySpecException("beacon:<hex> needs an even number of hex digits"); }
    }
}
