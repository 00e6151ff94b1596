using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>A key that verified: its circuit hash and the contributions, as <c>zkey verify</c> lists them.</summary>
public sealed record ZkeyVerifyResult(CurveDescriptor Curve, byte[] CsHash, IReadOnlyList<ZkeyVerifiedContribution> Contributions);

/// <summary>One verified contribution: 1-based index, name, hash, and for a beacon its parameters.</summary>
public sealed record ZkeyVerifiedContribution(int Index, string? Name, byte[] ContributionHash, ContributionType Type,
    byte[]? BeaconHash, int? NumIterationsExp);
