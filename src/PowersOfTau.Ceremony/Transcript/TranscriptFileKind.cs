namespace PowersOfTau.Ceremony.Transcript;

/// <summary>The two Zcash-compatible transcript files (spec/ptau.md §5, §9); neither has a binfile container.</summary>
public enum TranscriptFileKind
{
    /// <summary>prevResponseHash(64) ‖ U(tauG1, tauG2, alphaTauG1, betaTauG1, betaG2).</summary>
    Challenge,

    /// <summary>challengeHash(64) ‖ C(the same point list) ‖ U(public key: 6 G1, 3 G2).</summary>
    Response,
}
