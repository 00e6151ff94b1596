namespace PowersOfTau.Attestation.Claims;

/// <summary>What operation made the attested output; written as the text in <c>ceremony.kind</c>.</summary>
public enum ContributionKind
{
    /// <summary>"ptau": a phase-1 contribution to a .ptau file (snarkjs powersoftau contribute).</summary>
    Ptau,
    /// <summary>"challenge": a phase-1 response to a challenge file (powersoftau challenge contribute).</summary>
    Challenge,
    /// <summary>"beacon": a public-randomness beacon contribution (powersoftau beacon / zkey beacon).</summary>
    Beacon,
    /// <summary>"zkey": a phase-2 contribution to a Groth16 .zkey (zkey contribute).</summary>
    Zkey,
}

/// <summary>The profile's text form of <see cref="ContributionKind"/>.</summary>
public static class ContributionKindNames
{
    /// <summary>The CBOR text for a kind: "ptau", "challenge", "beacon" or "zkey".</summary>
    public static string ToText(this ContributionKind kind) => kind switch
    {
        ContributionKind.Ptau => "ptau",
        ContributionKind.Challenge => "challenge",
        ContributionKind.Beacon => "beacon",
        ContributionKind.Zkey => "zkey",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown contribution kind"),
    };

    /// <summary>Parses the CBOR text; false for anything but the four profile names (case-sensitive).</summary>
    public static bool TryParse(string text, out ContributionKind kind)
    {
        switch (text)
        {
            case "ptau": kind = ContributionKind.Ptau; return true;
            case "challenge": kind = ContributionKind.Challenge; return true;
            case "beacon": kind = ContributionKind.Beacon; return true;
            case "zkey": kind = ContributionKind.Zkey; return true;
            default: kind = default; return false;
        }
    }
}
