using System.Security.Cryptography.X509Certificates;
using PowersOfTau.Attestation.Claims;

namespace PowersOfTau.Attestation.Show;

/// <summary>
/// An attestation as decoded, checked or not: the header fields and the claims, for a person to read
/// (<see cref="AttestationRenderer"/>). A field that is missing or malformed is null. Decoding proves nothing;
/// only <see cref="Verification.AttestationVerifier"/> says whether it is valid.
/// </summary>
public sealed record DecodedAttestation
{
    /// <summary>SHA-256 of the whole message file (what the appliance shows as a QR code).</summary>
    public required byte[] MessageSha256 { get; init; }
    /// <summary>The CBOR tag in front of the message (18 for COSE_Sign1), null when untagged.</summary>
    public ulong? Tag { get; init; }
    /// <summary>The COSE alg from the protected bucket (-7 or -35 in the profile).</summary>
    public long? Algorithm { get; init; }
    /// <summary>"ES256", "ES384", or the number for anything else.</summary>
    public string? AlgorithmName { get; init; }
    public string? Typ { get; init; }
    public byte[]? Kid { get; init; }
    /// <summary>x5chain: leaf first.</summary>
    public IReadOnlyList<X509Certificate2> Certificates { get; init; } = [];
    /// <summary>x5t's hash value (SHA-256 of the leaf) when x5t is [-16, bstr].</summary>
    public byte[]? X5tSha256 { get; init; }
    /// <summary>CWT iss: the contributor.</summary>
    public string? Issuer { get; init; }
    /// <summary>CWT sub: the contribution.</summary>
    public string? Subject { get; init; }
    /// <summary>CWT iat: when the appliance says it signed.</summary>
    public DateTimeOffset? IssuedAt { get; init; }
    public byte[]? Cti { get; init; }
    /// <summary>Labels listed in crit, if any.</summary>
    public IReadOnlyList<string> Critical { get; init; } = [];
    /// <summary>Labels present in the unprotected bucket.</summary>
    public IReadOnlyList<string> UnprotectedLabels { get; init; } = [];
    /// <summary>The payload claims, or null when they could not be decoded (<see cref="ClaimsError"/> says why).</summary>
    public ContributionClaims? Claims { get; init; }
    public string? ClaimsError { get; init; }
    public required byte[] Signature { get; init; }
}
