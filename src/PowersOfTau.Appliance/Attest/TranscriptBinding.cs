using PowersOfTau.Attestation.Claims;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Appliance.Attest;

/// <summary>
/// `tau attest verify --transcript F.ptau`: ties an attestation to a contribution record inside a phase-1 transcript.
/// The record is found by recomputing each stored contribution's response hash (partialHash resumed with U(pubkey),
/// spec/ptau.md §4-5: never a hash the file claims about itself); the attested contribution hash must be one of them,
/// at the attested position (1-based; 0 = unknown, as for `challenge contribute`), with the attested public key.
/// </summary>
public static class TranscriptBinding
{
    /// <summary>One line for the report and whether the transcript holds the attested contribution.</summary>
    /// <exception cref="Ceremony.Errors.CeremonyFormatException">The transcript is unreadable.</exception>
    public static (bool Holds, string Line) Check(ContributionClaims claims, string transcriptPath)
    {
        if (claims.Ceremony.Kind == ContributionKind.Zkey)
            return (false, "transcript: --transcript takes a .ptau; zkey contributions are checked with `tau zkey verify`, which prints their contribution hashes");
        using var ptau = PtauFile.Open(transcriptPath);
        if (ptau.Header.Curve.Name != claims.Ceremony.Curve)
            return (false, $"transcript: {transcriptPath} is a {ptau.Header.Curve.Name} transcript; the attestation is for {claims.Ceremony.Curve}");
        var transcoder = CryptoPointTranscoder.For(ptau.Header.Curve, checkSubgroup: false);
        for (int i = 0; i < ptau.Contributions.Count; i++)
        {
            var record = ptau.Contributions[i];
            byte[] responseHash = PtauHashes.ResponseHash(record, transcoder, ptau.Header.CeremonyPower);
            if (!responseHash.AsSpan().SequenceEqual(claims.ContributionHash)) continue;
            int position = i + 1;
            if (claims.Ceremony.Index != 0 && claims.Ceremony.Index != (ulong)position)
                return (false, $"transcript: the attested contribution is record {position} of {transcriptPath}, the attestation says {claims.Ceremony.Index}");
            byte[] publicKey = [.. record.PublicKey.PointsInOrder().SelectMany(point => point)];
            if (!publicKey.AsSpan().SequenceEqual(claims.PublicKey))
                return (false, $"transcript: record {position} of {transcriptPath} has the attested contribution hash but another public key");
            return (true, $"transcript: record {position} of {transcriptPath} is the attested contribution (response hash recomputed, public key equal)");
        }
        return (false, $"transcript: none of the {ptau.Contributions.Count} contributions in {transcriptPath} has the attested contribution hash");
    }
}
