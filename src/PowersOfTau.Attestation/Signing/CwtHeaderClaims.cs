namespace PowersOfTau.Attestation.Signing;

/// <summary>
/// The CWT claims carried in the protected header (label 15, RFC 9597): who contributed, which contribution,
/// when. They live only in the header, never in the payload, so there is nothing to keep equal.
/// </summary>
/// <param name="Issuer">iss: the contributor as a URI (mailto:, https://github.com/&lt;id&gt;, did:…).</param>
/// <param name="Subject">sub: the contribution as a URI assigned by the coordinator (fallback ni:///sha-256;… of the output).</param>
/// <param name="IssuedAt">iat: when the appliance signed, whole seconds since the epoch.</param>
/// <param name="Cti">cti: an optional 16-byte random id of this attestation.</param>
public sealed record CwtHeaderClaims(string Issuer, string Subject, DateTimeOffset IssuedAt, byte[]? Cti = null);
