using PowersOfTau.Attestation.Show;

namespace PowersOfTau.Attestation.Verification;

/// <summary>
/// The verdict on one attestation: the outcome, each failure named in one line, the checks that passed,
/// the checks that could not run (no root given, no file given), and the decoded attestation when it was readable.
/// </summary>
public sealed record VerificationResult
{
    public required VerificationOutcome Outcome { get; init; }

    /// <summary>Every failed check; empty exactly when <see cref="Outcome"/> is <see cref="VerificationOutcome.Valid"/>.</summary>
    public IReadOnlyList<VerificationFailure> Failures { get; init; } = [];

    /// <summary>What was checked and held, one line each.</summary>
    public IReadOnlyList<string> Passed { get; init; } = [];

    /// <summary>Checks that could not run and why, one line each; a valid outcome says nothing about these.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The decoded attestation, or null when the message was unreadable.</summary>
    public DecodedAttestation? Attestation { get; init; }

    /// <summary>The CLI's exit code: 0 valid, 1 invalid, 2 unreadable.</summary>
    public int ExitCode => (int)Outcome;

    /// <summary>True when a failure with this reason was found.</summary>
    public bool Has(FailureReason reason) => Failures.Any(f => f.Reason == reason);
}
