namespace PowersOfTau.Attestation.Claims;

/// <summary>
/// What one contribution attests: the COSE_Sign1 payload of profile v1 (attestation/attestation.cddl
/// "Claims"). Public data only: the contribution public key and digests, never a secret or entropy bytes.
/// </summary>
public sealed record ContributionClaims
{
    /// <summary>The ceremony, operation, curve, power, index and (zkey) r1cs digests.</summary>
    public required CeremonyClaims Ceremony { get; init; }

    /// <summary>Digests of the file read (challenge, .ptau or .zkey).</summary>
    public required DigestSet Input { get; init; }

    /// <summary>Digests of the file written (response, .ptau or .zkey).</summary>
    public required DigestSet Output { get; init; }

    /// <summary>snarkjs's BLAKE2b-512 "Contribution (Response) Hash", 64 bytes.</summary>
    public required byte[] ContributionHash { get; init; }

    /// <summary>The contribution public key, byte-exact as stored in the transcript.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>Every entropy source mixed in; at least one.</summary>
    public required IReadOnlyList<EntropySourceClaim> Entropy { get; init; }

    /// <summary>The token holding the attestation key (EAT submods "signer").</summary>
    public required TokenIdentity Signer { get; init; }

    /// <summary>The software (EAT swname, swversion).</summary>
    public SoftwareIdentity Software { get; init; } = SoftwareIdentity.Current;

    /// <summary>True when the randomness was a fixed test seed: the contribution is worthless for a real ceremony.</summary>
    public bool InsecureTestRandomness { get; init; }

    /// <summary>The appliance's UEID (EAT 256): 0x01 followed by 16..32 random bytes fixed at provisioning; optional.</summary>
    public byte[]? Ueid { get; init; }

    /// <summary>The coordinator's freshness challenge (EAT eat_nonce 10), 8..64 bytes; optional.</summary>
    public byte[]? Nonce { get; init; }

    /// <summary>The profile URI (EAT eat_profile 265); decoders report what the payload says.</summary>
    public string Profile { get; init; } = AttestationProfile.ProfileUri;

    /// <summary>Throws <see cref="InvalidClaimsException"/> naming the first claim that breaks the profile.</summary>
    public void Validate()
    {
        if (Ceremony is null) throw new InvalidClaimsException("ceremony: missing");
        if (string.IsNullOrEmpty(Ceremony.Id)) throw new InvalidClaimsException("ceremony.id: must not be empty");
        if (!Enum.IsDefined(Ceremony.Kind)) throw new InvalidClaimsException($"ceremony.kind: unknown value {(int)Ceremony.Kind}");
        if (!CeremonyCurve.IsKnown(Ceremony.Curve))
            throw new InvalidClaimsException($"ceremony.curve: \"{Ceremony.Curve}\" is not \"bn128\" or \"bls12381\"");
        Ceremony.R1cs?.Validate("ceremony.r1cs");
        if (Ceremony.Kind == ContributionKind.Zkey && Ceremony.R1cs is null)
            throw new InvalidClaimsException("ceremony.r1cs: a zkey contribution must name its circuit's .r1cs digests");
        if (Ceremony.Kind is ContributionKind.Ptau or ContributionKind.Challenge && Ceremony.Power is null)
            throw new InvalidClaimsException($"ceremony.power: a {Ceremony.Kind.ToText()} contribution must give the ptau power");
        if (Input is null) throw new InvalidClaimsException("input: missing digests");
        Input.Validate("input");
        if (Output is null) throw new InvalidClaimsException("output: missing digests");
        Output.Validate("output");
        if (ContributionHash is null || ContributionHash.Length != 64)
            throw new InvalidClaimsException($"contribution-hash: must be 64 bytes, got {ContributionHash?.Length ?? 0}");
        if (PublicKey is null || PublicKey.Length == 0) throw new InvalidClaimsException("pubkey: must not be empty");
        if (Entropy is null || Entropy.Count == 0) throw new InvalidClaimsException("entropy: at least one source is required");
        foreach (var e in Entropy)
            if (e is null || string.IsNullOrEmpty(e.Kind)) throw new InvalidClaimsException("entropy: every source needs a kind");
        if (Signer is null || string.IsNullOrEmpty(Signer.Serial) || string.IsNullOrEmpty(Signer.Interface))
            throw new InvalidClaimsException("submods.signer: serial and interface are required");
        if (Software is null || string.IsNullOrEmpty(Software.Name) || string.IsNullOrEmpty(Software.Version))
            throw new InvalidClaimsException("swname/swversion: required");
        if (Ueid is not null && (Ueid.Length < 17 || Ueid.Length > 33))
            throw new InvalidClaimsException($"ueid: must be 17..33 bytes, got {Ueid.Length}");
        if (Nonce is not null && (Nonce.Length < 8 || Nonce.Length > 64))
            throw new InvalidClaimsException($"eat_nonce: must be 8..64 bytes, got {Nonce.Length}");
        if (string.IsNullOrEmpty(Profile)) throw new InvalidClaimsException("eat_profile: required");
    }
}
