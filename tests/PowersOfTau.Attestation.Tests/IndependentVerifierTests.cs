using System.Security.Cryptography;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>
/// Differential: the same messages go to our verifier and to attestation/verify_cose.py (python3-cbor2 +
/// python3-cryptography + openssl, no code in common). Both must reach the same outcome and name the
/// expected reason; for clean cases the whole set of reasons must agree.
/// </summary>
public sealed class IndependentVerifierTests : IClassFixture<IndependentVerifierTests.Messages>
{
    private readonly Messages _m;

    public IndependentVerifierTests(Messages messages) => _m = messages;

    /// <summary>The test PKIs, sample files and every message, made once and written to a temp folder.</summary>
    public sealed class Messages : IDisposable
    {
        internal TestPki P256 { get; } = TestPki.Create(ECCurve.NamedCurves.nistP256);
        internal TestPki P384 { get; } = TestPki.Create(ECCurve.NamedCurves.nistP384, withIntermediate: true);
        internal TestPki Other { get; } = TestPki.Create(ECCurve.NamedCurves.nistP256, name: "Other");
        internal TestPki Yubikey { get; } = TestPki.Create(ECCurve.NamedCurves.nistP256, leafExtensions: [TestPki.YubicoSerial(12345678)]);
        internal TestPki Expiring { get; } = TestPki.Create(ECCurve.NamedCurves.nistP256, leafNotAfter: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        internal SampleClaims Sample { get; } = new();
        internal Dictionary<string, (string File, TestPki Pki)> Cases { get; } = new();

        public Messages()
        {
            byte[] payload = ClaimsEncoder.Encode(Sample.Claims());
            Add("p256-valid", P256, Signed(P256));
            Add("p384-intermediate-valid", P384, Signed(P384));
            Add("flipped-signature", P256, Flip(Signed(P256), ^3));
            Add("flipped-payload", P384, Flip(Signed(P384), Signed(P384).AsSpan().IndexOf(Sample.Claims().ContributionHash) + 5));
            Add("short-signature", P256, CoseForge.Standard(-7, P256.Chain, payload).Sign(P256.LeafKey, HashAlgorithmName.SHA256, s => s[1..]));
            Add("es256-with-p384", P384, CoseForge.Standard(-7, P384.Chain, payload).Sign(P384.LeafKey, HashAlgorithmName.SHA256));
            Add("other-root", Other, Signed(P256));
            Add("expired-at-iat", Expiring, new AttestationSigner(Expiring.LeafKey, Expiring.Chain).Sign(Sample.Claims(), SampleClaims.Header(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero))));
            var wrongKid = CoseForge.Standard(-7, P256.Chain, payload);
            wrongKid.Replace(4, CoseForge.Enc(w => w.WriteByteString(new byte[32])));
            Add("wrong-kid", P256, wrongKid.Sign(P256.LeafKey, HashAlgorithmName.SHA256));
            var wrongX5t = CoseForge.Standard(-7, P256.Chain, payload);
            wrongX5t.Replace(34, CoseForge.Enc(w => { w.WriteStartArray(2); w.WriteInt32(-16); w.WriteByteString(new byte[32]); w.WriteEndArray(); }));
            Add("wrong-x5t", P256, wrongX5t.Sign(P256.LeafKey, HashAlgorithmName.SHA256));
            var crit = CoseForge.Standard(-7, P256.Chain, payload);
            crit.Protected.Add((2, CoseForge.Enc(w => { w.WriteStartArray(1); w.WriteInt32(-70000); w.WriteEndArray(); })));
            crit.Protected.Add((-70000, CoseForge.Enc(w => w.WriteInt32(1))));
            Add("unknown-crit", P256, crit.Sign(P256.LeafKey, HashAlgorithmName.SHA256));
            Add("trailing-byte", P256, [.. Signed(P256), 0x00]);
            Add("untagged", P256, Signed(P256)[1..]);
            var dup = CoseForge.Standard(-7, P256.Chain, payload);
            dup.Protected.Add((16, CoseForge.Enc(w => w.WriteTextString(AttestationProfile.Typ))));
            Add("duplicate-label", P256, dup.Sign(P256.LeafKey, HashAlgorithmName.SHA256));
            var oneElement = CoseForge.Standard(-7, P256.Chain, payload);
            oneElement.Replace(33, CoseForge.Enc(w => { w.WriteStartArray(1); w.WriteByteString(P256.Leaf.RawData); w.WriteEndArray(); }));
            Add("one-element-x5chain", P256, oneElement.Sign(P256.LeafKey, HashAlgorithmName.SHA256));
            Add("wrong-output-file", P256, Signed(P256));
            Add("insecure-test-randomness", P256, new AttestationSigner(P256.LeafKey, P256.Chain).Sign(Sample.Claims() with { InsecureTestRandomness = true }, SampleClaims.Header()));
            Add("ca-as-leaf", P384, CoseForge.Standard(-7, [P384.Intermediate!], payload).Sign(P384.IntermediateKey!, HashAlgorithmName.SHA256));
            var yubikeySigner = new AttestationSigner(Yubikey.LeafKey, Yubikey.Chain);
            var yubikeyClaims = Sample.Claims() with { Signer = new TokenIdentity("12345678", "piv-apdu", OemId: 41482, Slot: "9c") };
            Add("yubikey-serial-valid", Yubikey, yubikeySigner.Sign(yubikeyClaims, SampleClaims.Header()));
            Add("yubikey-serial-mismatch", Yubikey, yubikeySigner.Sign(yubikeyClaims with { Signer = yubikeyClaims.Signer with { Serial = "1" } }, SampleClaims.Header()));
        }

        private byte[] Signed(TestPki pki) => new AttestationSigner(pki.LeafKey, pki.Chain).Sign(Sample.Claims(), SampleClaims.Header());

        private static byte[] Flip(byte[] message, Index at)
        {
            message[at] ^= 0x01;
            return message;
        }

        private void Add(string name, TestPki pki, byte[] message)
        {
            string file = Path.Combine(Sample.Folder, name + ".cose");
            File.WriteAllBytes(file, message);
            string root = RootPem(pki);
            Cases[name] = (file, pki);
        }

        internal string RootPem(TestPki pki)
        {
            string path = Path.Combine(Sample.Folder, $"root-{pki.Root.Thumbprint}.pem");
            if (!File.Exists(path)) File.WriteAllText(path, TestPki.ToPem(pki.Root));
            return path;
        }

        public void Dispose()
        {
            P256.Dispose(); P384.Dispose(); Other.Dispose(); Expiring.Dispose(); Yubikey.Dispose(); Sample.Dispose();
        }
    }

    public static TheoryData<string, string?, bool> Expectations => new()
    {
        { "p256-valid", null, true },
        { "p384-intermediate-valid", null, true },
        { "flipped-signature", "SignatureInvalid", true },
        { "flipped-payload", "SignatureInvalid", true },
        { "short-signature", "SignatureLength", true },
        { "es256-with-p384", "AlgorithmCurveMismatch", true },
        { "other-root", "ChainUntrusted", true },
        { "expired-at-iat", "ChainUntrusted", true },
        { "wrong-kid", "KidMismatch", true },
        { "wrong-x5t", "X5tMismatch", true },
        { "unknown-crit", "CriticalHeaderNotUnderstood", true },
        { "trailing-byte", "TrailingBytes", true },
        { "untagged", "NotTagged", true },
        { "duplicate-label", "DuplicateLabel", false },
        { "one-element-x5chain", "CertificateChainMalformed", true },
        { "wrong-output-file", "OutputDigestMismatch", true },
        { "ca-as-leaf", "LeafNotForSigning", true },
        { "insecure-test-randomness", "InsecureTestRandomness", true },
        { "yubikey-serial-valid", null, true },
        { "yubikey-serial-mismatch", "SignerSerialMismatch", true },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Both_verifiers_agree(string name, string? expectedReason, bool sameReasons)
    {
        var (file, pki) = _m.Cases[name];
        string root = _m.RootPem(pki);
        string output = name == "wrong-output-file" ? _m.Sample.InputPath : _m.Sample.OutputPath;

        var ours = AttestationVerifier.VerifyFile(file, new VerificationOptions
        {
            TrustedRoots = [pki.Root], InputPath = _m.Sample.InputPath, OutputPath = output,
        });
        var python = PythonVerifier.Run(file, root, _m.Sample.InputPath, output);

        string ourOutcome = ours.Outcome.ToString().ToLowerInvariant();
        Assert.True(ourOutcome == (expectedReason is null ? "valid" : "invalid"), $"ours: {string.Join("; ", ours.Failures)}");
        Assert.True(python.Outcome == ourOutcome, $"python said {python.Outcome}: {python.Raw}");
        Assert.Equal(ours.ExitCode, python.ExitCode);
        if (expectedReason is not null)
        {
            Assert.Contains(expectedReason, ours.Failures.Select(f => f.Reason.ToString()));
            Assert.Contains(expectedReason, python.Reasons);
        }
        if (sameReasons)
            Assert.Equal(ours.Failures.Select(f => f.Reason.ToString()).Distinct().Order(), python.Reasons.Distinct().Order());
    }

    [Fact]
    public void Python_reports_a_file_that_is_not_cbor_as_unreadable()
    {
        string file = Path.Combine(_m.Sample.Folder, "garbage.cose");
        File.WriteAllBytes(file, [0xFF, 0x00]);
        var python = PythonVerifier.Run(file);
        Assert.Equal("unreadable", python.Outcome);
        Assert.Equal(2, python.ExitCode);
        Assert.Equal(VerificationOutcome.Unreadable, AttestationVerifier.VerifyFile(file, new VerificationOptions()).Outcome);
    }

    [Fact]
    public void Both_report_a_missing_input_file_as_unreadable()
    {
        var (file, pki) = _m.Cases["p256-valid"];
        string missing = Path.Combine(_m.Sample.Folder, "missing.ptau");
        var python = PythonVerifier.Run(file, _m.RootPem(pki), missing, _m.Sample.OutputPath);
        var ours = AttestationVerifier.VerifyFile(file, new VerificationOptions { TrustedRoots = [pki.Root], InputPath = missing, OutputPath = _m.Sample.OutputPath });
        Assert.Equal(("unreadable", 2), (python.Outcome, python.ExitCode));
        Assert.Equal(["FileUnreadable"], python.Reasons);
        Assert.Equal(VerificationOutcome.Unreadable, ours.Outcome);
        Assert.Equal([FailureReason.FileUnreadable], ours.Failures.Select(f => f.Reason));
    }
}
