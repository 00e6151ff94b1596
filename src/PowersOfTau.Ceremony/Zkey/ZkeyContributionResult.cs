using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// What a <c>zkey contribute</c> / <c>zkey beacon</c> made: the hashes a user reads (snarkjs prints csHash as
/// "Circuit Hash:" and <see cref="ContributionHash"/> as "Contribution Hash:") and what an attestation needs.
/// </summary>
/// <param name="Curve">The key's curve.</param>
/// <param name="CsHash">The circuit hash (section 10).</param>
/// <param name="ContributionHash">BLAKE2b-512 of U(deltaAfter) || U(g1_s) || U(g1_sx) || U(g2_spx) || transcript.</param>
/// <param name="Index">1-based position of this contribution in section 10.</param>
/// <param name="Contribution">The record written (public key points as LEM, transcript, type, parameters).</param>
/// <param name="PublicKeyUncompressed">U(deltaAfter) || U(g1_s) || U(g1_sx) || U(g2_spx): the public key as hashed.</param>
public sealed record ZkeyContributionResult(CurveDescriptor Curve, byte[] CsHash, byte[] ContributionHash, int Index,
    ZkeyContribution Contribution, byte[] PublicKeyUncompressed);
