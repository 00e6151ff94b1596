namespace PowersOfTau.Attestation.Verification;

/// <summary>The verdict; the CLI exits with the number.</summary>
public enum VerificationOutcome
{
    /// <summary>Every check that could run passed (see <see cref="VerificationResult.Skipped"/> for those that could not).</summary>
    Valid = 0,
    /// <summary>At least one check failed; <see cref="VerificationResult.Failures"/> names each.</summary>
    Invalid = 1,
    /// <summary>The message, or a file to compare with, could not be read at all.</summary>
    Unreadable = 2,
}
