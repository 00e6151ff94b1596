namespace PowersOfTau.Entropy;

/// <summary>The <c>kind</c> strings of the attestation's EntropySource (shared notes attestation.md §1.8).</summary>
public static class EntropyKinds
{
    /// <summary>The kernel CSPRNG through getrandom(2); always mixed.</summary>
    public const string Os = "os-getrandom";
    /// <summary>The kernel's hardware RNG device /dev/hwrng.</summary>
    public const string Hwrng = "hwrng";
    /// <summary>C_GenerateRandom of a PKCS#11 token.</summary>
    public const string Pkcs11 = "pkcs11-rng";
    /// <summary>TPM2_GetRandom, through tpm2-pkcs11's C_GenerateRandom.</summary>
    public const string Tpm = "tpm2-getrandom";
    /// <summary>Text typed by the operator at the terminal, without echo.</summary>
    public const string Operator = "operator-keyboard";
    /// <summary>
    /// Text given on the command line (<c>-e TEXT</c>): typed by someone, but it passed through argv, shell
    /// history and a .NET string, so the attestation marks it apart from <see cref="Operator"/>.
    /// </summary>
    public const string CommandLineText = "operator-command-line";
    /// <summary>A public beacon value (beacon verbs); not secret at all.</summary>
    public const string Beacon = "beacon";

    /// <summary>True for typed text (not mixed; appended after the seed as snarkjs appends its text, spec/ptau.md §6).</summary>
    public static bool IsTypedText(string kind) => kind is Operator or CommandLineText;
}
