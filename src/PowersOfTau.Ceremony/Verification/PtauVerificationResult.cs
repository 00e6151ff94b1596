using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Verification;

/// <summary>One verified contribution, as snarkjs verify lists it.</summary>
/// <param name="Index">1-based position in section 7.</param>
/// <param name="Name">The stored name, or null.</param>
/// <param name="Type">Normal or beacon.</param>
/// <param name="ResponseHash">The contribution hash snarkjs prints (responseHash).</param>
public sealed record VerifiedContribution(int Index, string? Name, ContributionType Type, byte[] ResponseHash);

/// <summary>The outcome of a successful <see cref="PtauVerifier.Verify"/>.</summary>
/// <param name="Contributions">Every contribution, oldest first.</param>
/// <param name="NextChallengeChecked">True when the points were hashed and matched the last nextChallenge (power = ceremonyPower).</param>
/// <param name="Phase2Checked">True when sections 12..15 were present and checked.</param>
public sealed record PtauVerificationResult(IReadOnlyList<VerifiedContribution> Contributions, bool NextChallengeChecked, bool Phase2Checked);
