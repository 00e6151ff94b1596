namespace PowersOfTau.Attestation;

/// <summary>
/// The constants of the PowersOfTau contribution attestation profile v1 (attestation/attestation.cddl,
/// notes/attestation.md §1.8): the profile URI, the <c>typ</c> string, the COSE header labels and the
/// EAT claim keys this profile uses.
/// </summary>
public static class AttestationProfile
{
    /// <summary>
    /// The profile URI carried by <c>typ</c> and by payload claim 265 (eat_profile). A placeholder under
    /// <c>powersoftau.example</c> until the project fixes a domain it controls (notes §5.1).
    /// </summary>
    public const string ProfileUri = "tag:powersoftau.example,2026:contribution-attestation/v1";

    /// <summary>The exact <c>typ</c> (label 16) value: the EAT media type with the profile parameter (RFC 9782).</summary>
    public const string Typ = "application/eat+cwt; eat_profile=\"" + ProfileUri + "\"";

    /// <summary>The software name (EAT swname, claim 270).</summary>
    public const string SoftwareName = "powersoftau";

    /// <summary>CBOR tag of a COSE_Sign1 message (RFC 9052 §4.2).</summary>
    public const ulong CoseSign1Tag = 18;

    /// <summary>COSE header labels (RFC 9052, RFC 9360, RFC 9596, RFC 9597, RFC 9921, RFC 9943).</summary>
    public static class HeaderLabel
    {
        public const int Alg = 1;
        public const int Crit = 2;
        public const int Kid = 4;
        public const int CwtClaims = 15;
        public const int Typ = 16;
        public const int X5Chain = 33;
        public const int X5T = 34;
        public const int TimestampToken = 269;
        public const int CounterTimestampToken = 270;
        public const int Receipts = 394;
    }

    /// <summary>CWT claim keys used inside the header's CWT claims map (RFC 8392 §4).</summary>
    public static class CwtClaim
    {
        public const int Iss = 1;
        public const int Sub = 2;
        public const int Iat = 6;
        public const int Cti = 7;
    }

    /// <summary>EAT claim keys (RFC 9711) used in the payload.</summary>
    public static class EatClaim
    {
        public const int Nonce = 10;
        public const int Ueid = 256;
        public const int OemId = 258;
        public const int HwModel = 259;
        public const int HwVersion = 260;
        public const int Profile = 265;
        public const int Submods = 266;
        public const int SwName = 270;
        public const int SwVersion = 271;
    }

    /// <summary>The text keys of the ceremony claims (this profile's own).</summary>
    public static class TextClaim
    {
        public const string Ceremony = "ceremony";
        public const string Input = "input";
        public const string Output = "output";
        public const string ContributionHash = "contribution-hash";
        public const string PublicKey = "pubkey";
        public const string Entropy = "entropy";
        public const string InsecureTestRandomness = "insecure-test-randomness";
        public const string Signer = "signer";
    }

    /// <summary>COSE algorithm ids (RFC 9053): the only two this profile allows, each pinned to one curve.</summary>
    public static class Algorithm
    {
        public const int ES256 = -7;
        public const int ES384 = -35;
    }

    /// <summary>Hash algorithm ids in <c>[alg, value]</c> pairs: COSE's SHA-256 (-16) and a text name for BLAKE2b-512.</summary>
    public static class DigestAlgorithm
    {
        public const int Sha256 = -16;
        public const string Blake2b512 = "blake2b-512";
    }

    /// <summary>The EAT swversion version scheme for semantic versioning (RFC 9393 "semver").</summary>
    public const int SemVerScheme = 16384;
}
