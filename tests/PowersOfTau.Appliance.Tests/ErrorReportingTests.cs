using PowersOfTau.Appliance.Cli;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Envelope;
using PowersOfTau.Attestation.Signing;
using PowersOfTau.Attestation.Verification;
using PowersOfTau.Crypto.Encoding;
using PowersOfTau.Entropy;
using PowersOfTau.Entropy.Sources;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Appliance.Tests;

/// <summary>The exit-code table (ARCHITECTURE.md §3) and the one-line rule, in process and through the real executable.</summary>
public class ErrorReportingTests
{
    static ErrorReportingTests() => ExitCodeRegistrations.RegisterAll();

    public static TheoryData<Exception, int> Table => new()
    {
        { new TokenException("token gone"), 3 },
        { new EntropyException("tpm gone"), 3 },
        { new SecretMemoryException("mlock failed"), 3 },
        { new AttestationSignerException("certificate of another key"), 3 },
        { new EntropySpecException("unknown source"), 2 },
        { new Pkcs11UriException("bad uri"), 2 },
        { new PointDecodingException("bn128 G1", "LEM", PointDecodingError.NotOnCurve), 2 },
        { new InvalidClaimsException("contribution-hash"), 2 },
        { new ClaimsFormatException("payload"), 2 },
        { new AttestationUnreadableException("not CBOR"), 2 },
        { new TrustedRootException("root.pem"), 2 },
        { new FileNotFoundException("missing.ptau"), 2 },
        { new UserFacingError(1, "verification failed"), 1 },
        { new AggregateException(new TokenException("inner")), 3 },
        { new InvalidOperationException("a bug"), 2 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_room_exception_has_its_exit_code_and_one_line(Exception e, int code)
    {
        var stderr = new StringWriter();
        Assert.Equal(code, ErrorReporter.Report(e, stderr));
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tau: ", stderr.ToString());
    }

    [Fact]
    public void An_unknown_exception_is_called_an_internal_error()
    {
        var stderr = new StringWriter();
        ErrorReporter.Report(new InvalidOperationException("a bug"), stderr);
        Assert.Contains("internal error (InvalidOperationException)", stderr.ToString());
    }

    [Fact]
    public void The_stack_trace_appears_only_with_TAU_DEBUG()
    {
        var plain = TauProcess.Run("attest", "show", "/nonexistent/file.cose");
        Assert.Equal(2, plain.ExitCode);
        Assert.Single(plain.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", plain.Stderr);

        var debug = TauProcess.RunIn(new Dictionary<string, string> { ["TAU_DEBUG"] = "1" }, null, "attest", "show", "/nonexistent/file.cose");
        Assert.Equal(2, debug.ExitCode);
        Assert.Contains("   at ", debug.Stderr);
    }
}
