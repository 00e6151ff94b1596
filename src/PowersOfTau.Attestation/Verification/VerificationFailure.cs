namespace PowersOfTau.Attestation.Verification;

/// <summary>One failed check: its reason and a one-line detail a person can act on.</summary>
public sealed record VerificationFailure(FailureReason Reason, string Detail)
{
    public override string ToString() => $"{Reason}: {Detail}";
}
