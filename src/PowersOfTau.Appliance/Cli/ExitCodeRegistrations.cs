using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Envelope;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Verification;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Crypto.Hashing;
using PowersOfTau.Entropy;
using PowersOfTau.Entropy.Sources;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Pins;
using Tomlyn;

namespace PowersOfTau.Appliance.Cli;

/// <summary>
/// Every room's exception type and its exit code (ARCHITECTURE.md §3: 1 verification failed, 2 bad usage or
/// bad input, 3 a token or device failed), registered once at startup.
/// </summary>
public static class ExitCodeRegistrations
{
    /// <summary>Registers the whole table with <see cref="ErrorReporter"/>; calling it again changes nothing.</summary>
    public static void RegisterAll()
    {
        // Ceremony: unreadable files are bad input (2), inconsistent transcripts fail verification (1).
        ErrorReporter.Map<CeremonyFormatException>(e => e.Category == CeremonyErrorCategory.Unreadable ? ExitCodes.BadInput : ExitCodes.VerificationFailed);
        ErrorReporter.Map<OutputFileException>(_ => OutputFileException.ExitCode);
        ErrorReporter.Map<PointDecodingException>(ExitCodes.BadInput);
        ErrorReporter.Map<InvalidPartialHashException>(ExitCodes.BadInput);

        // Tokens and entropy devices.
        ErrorReporter.Map<TokenException>(TokenException.DeviceFailedExitCode);
        ErrorReporter.Map<TerminalException>(ExitCodes.DeviceFailed);
        ErrorReporter.Map<EntropyException>(EntropyException.DeviceFailedExitCode);
        ErrorReporter.Map<SecretMemoryException>(ExitCodes.DeviceFailed);
        ErrorReporter.Map<EntropySpecException>(_ => ExitCodes.BadInput);
        ErrorReporter.Map<Pkcs11UriException>(Pkcs11UriException.BadUsageExitCode);

        // Attestation: a key or chain that cannot sign is a token problem; unreadable inputs are bad input.
        ErrorReporter.Map<AttestationSignerException>(ExitCodes.DeviceFailed);
        ErrorReporter.Map<InvalidClaimsException>(ExitCodes.BadInput);
        ErrorReporter.Map<ClaimsFormatException>(ExitCodes.BadInput);
        ErrorReporter.Map<AttestationUnreadableException>(ExitCodes.BadInput);
        ErrorReporter.Map<TrustedRootException>(ExitCodes.BadInput);

        // Configuration files.
        ErrorReporter.Map<TomlException>(ExitCodes.BadInput);
    }
}
