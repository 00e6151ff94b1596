using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Attestation.Verification;

/// <summary>What to verify an attestation against.</summary>
public sealed record VerificationOptions
{
    /// <summary>
    /// The pinned trust anchors (vendor attestation roots, the ceremony CA). The chain is built only to these,
    /// offline, at iat. With none, the chain check is skipped and listed in <see cref="VerificationResult.Skipped"/>.
    /// </summary>
    public IReadOnlyList<X509Certificate2> TrustedRoots { get; init; } = [];

    /// <summary>The file the contribution read; its digests must equal the "input" claim.</summary>
    public string? InputPath { get; init; }

    /// <summary>The file the contribution wrote; its digests must equal the "output" claim.</summary>
    public string? OutputPath { get; init; }

    /// <summary>
    /// Accept a contribution made with a fixed test seed (claim insecure-test-randomness true) as valid, with a
    /// note. Off by default: such a contribution protects nothing, so a ceremony auditor must see it fail.
    /// </summary>
    public bool AcceptInsecureTestRandomness { get; init; }

    /// <summary>The profile URI typ and eat_profile must name.</summary>
    public string ExpectedProfile { get; init; } = AttestationProfile.ProfileUri;
}
