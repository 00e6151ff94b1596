namespace PowersOfTau.Attestation.Verification;

/// <summary>Why an attestation was rejected; one per failed check (notes/attestation.md §1.7 steps 1–7).</summary>
public enum FailureReason
{
    /// <summary>Not CBOR, or not a 4-element COSE_Sign1 array: nothing else could be checked.</summary>
    NotCoseSign1,
    /// <summary>A file given to compare with (or the message file) could not be read.</summary>
    FileUnreadable,
    /// <summary>The message does not start with CBOR tag 18.</summary>
    NotTagged,
    /// <summary>A tag other than 18.</summary>
    WrongTag,
    /// <summary>Bytes after the message.</summary>
    TrailingBytes,
    /// <summary>A map key appears twice (protected, unprotected or payload).</summary>
    DuplicateLabel,
    /// <summary>A label is in both the protected and the unprotected bucket.</summary>
    LabelInBothBuckets,
    /// <summary>The unprotected bucket holds a label other than 270 (3161-ctt) or 394 (receipts).</summary>
    UnexpectedUnprotectedLabel,
    /// <summary>alg is missing from the protected bucket.</summary>
    AlgorithmMissing,
    /// <summary>alg is not -7 (ES256) or -35 (ES384).</summary>
    AlgorithmUnsupported,
    /// <summary>alg and the leaf key's curve are not the pinned pair (-7 with P-256, -35 with P-384).</summary>
    AlgorithmCurveMismatch,
    /// <summary>crit lists a label this verifier does not understand, or is malformed.</summary>
    CriticalHeaderNotUnderstood,
    /// <summary>typ is missing or not the profile's media type.</summary>
    TypMismatch,
    /// <summary>eat_profile (payload 265) is not the profile the verifier expects or the one named by typ.</summary>
    ProfileMismatch,
    /// <summary>x5chain is missing, unprotected, a one-element array, or holds something that is not a certificate.</summary>
    CertificateChainMalformed,
    /// <summary>The leaf certificate is a CA certificate, or its key usage excludes digitalSignature.</summary>
    LeafNotForSigning,
    /// <summary>kid is missing or not SHA-256 of the leaf's SubjectPublicKeyInfo.</summary>
    KidMismatch,
    /// <summary>x5t is malformed or not [-16, SHA-256(leaf)].</summary>
    X5tMismatch,
    /// <summary>The CWT claims (label 15) are missing or lack iss, sub or iat.</summary>
    CwtClaimsMalformed,
    /// <summary>The payload is nil (detached); the profile embeds it.</summary>
    PayloadDetached,
    /// <summary>The payload does not follow the profile's Claims CDDL.</summary>
    PayloadMalformed,
    /// <summary>The signature is not exactly 2n bytes of r||s for the algorithm.</summary>
    SignatureLength,
    /// <summary>The signature does not verify under the leaf certificate's key.</summary>
    SignatureInvalid,
    /// <summary>The chain does not lead to a pinned root, or is not valid at iat.</summary>
    ChainUntrusted,
    /// <summary>The leaf is a YubiKey attestation certificate whose serial (OID 1.3.6.1.4.1.41482.3.7) is not submods.signer.serial.</summary>
    SignerSerialMismatch,
    /// <summary>The claims say a fixed test seed was used (insecure-test-randomness true) and the options do not accept that.</summary>
    InsecureTestRandomness,
    /// <summary>The input file's digest differs from the claim.</summary>
    InputDigestMismatch,
    /// <summary>The output file's digest differs from the claim.</summary>
    OutputDigestMismatch,
}
