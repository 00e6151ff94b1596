using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Digests;
using PowersOfTau.Attestation.Signing;

namespace PowersOfTau.Attestation.Tests.Support;

/// <summary>Plausible claims over two small files written to a temp folder. The values are examples, not a real ceremony.</summary>
internal sealed class SampleClaims : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pot-attest-").FullName;
    public string InputPath => Path.Combine(Folder, "pot12_0002.ptau");
    public string OutputPath => Path.Combine(Folder, "pot12_0003.ptau");

    public SampleClaims()
    {
        File.WriteAllBytes(InputPath, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        File.WriteAllBytes(OutputPath, Enumerable.Range(0, 7000).Select(i => (byte)(i * 13 + 1)).ToArray());
    }

    public ContributionClaims Claims(ContributionKind kind = ContributionKind.Ptau) => new()
    {
        Ceremony = new CeremonyClaims("example-ceremony", kind, CeremonyCurve.Bn128, 3, Power: 12),
        Input = ContentDigester.ComputeFile(InputPath),
        Output = ContentDigester.ComputeFile(OutputPath),
        ContributionHash = Enumerable.Range(0, 64).Select(i => (byte)(0xA0 ^ i)).ToArray(),
        PublicKey = Enumerable.Range(0, 64 * 2 + 128).Select(i => (byte)(i * 3)).ToArray(),
        Entropy =
        [
            new EntropySourceClaim("os-getrandom", null, 64, false),
            new EntropySourceClaim("pkcs11-rng", "SoftHSM token \"pot-entropy\" #7e3a1c", 64, true),
            new EntropySourceClaim("operator-keyboard", null, 0, false),
        ],
        Signer = new TokenIdentity("0001", "software", HwModel: "software key (TEST ONLY)", HwVersion: "0.0", Slot: "none"),
        Software = new SoftwareIdentity("powersoftau", "0.1.0"),
        Ueid = [0x01, .. Enumerable.Range(0, 16).Select(i => (byte)(0x50 + i))],
    };

    public static CwtHeaderClaims Header(DateTimeOffset? at = null) => new(
        "mailto:alice@example.org",
        "tag:coordinator.example,2026:example-ceremony/contribution/3",
        at ?? new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        try { Directory.Delete(Folder, true); } catch (IOException) { }
    }
}
