namespace PowersOfTau.Tokens.Modules;

/// <summary>PKCS#11 fixed-width strings are space-padded, and tpm2-pkcs11 pads some with NULs (tokens.md finding 5).</summary>
internal static class Pkcs11Text
{
    internal static string Trim(string? s) => (s ?? "").Trim(' ', '\0');
}
