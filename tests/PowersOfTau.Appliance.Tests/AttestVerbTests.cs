using PowersOfTau.Testing;

namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// `tau attest show / verify` on the committed profile examples (attestation/examples, made by the Attestation room
/// with its example root): the printed text and JSON are the committed renderings byte for byte, and the verdicts
/// are the verifier's exit codes.
/// </summary>
public class AttestVerbTests
{
    private static string Example(string name) => Path.Combine(RepoPaths.Root, "attestation/examples", name);

    [Theory]
    [InlineData("es256-root-leaf")]
    [InlineData("es384-root-intermediate-leaf")]
    [InlineData("es256-tampered-signature")]
    public void Show_prints_the_committed_text_and_json(string example)
    {
        var text = TauProcess.Run("attest", "show", Example(example + ".cose"));
        Assert.Equal(0, text.ExitCode);
        Assert.Equal(File.ReadAllText(Example(example + ".txt")), text.Stdout);
        var json = TauProcess.Run("attest", "show", Example(example + ".cose"), "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(File.ReadAllText(Example(example + ".json")), json.Stdout);
    }

    [Theory]
    [InlineData("es256-root-leaf", 0)]
    [InlineData("es384-root-intermediate-leaf", 0)]
    [InlineData("es256-tampered-signature", 1)]
    public void Verify_exits_with_the_verifier_s_verdict(string example, int exitCode)
    {
        var r = TauProcess.Run("attest", "verify", Example(example + ".cose"), "--root", Example("example-root-ca.pem"));
        Assert.Equal(exitCode, r.ExitCode);
        Assert.StartsWith(exitCode == 0 ? "VALID" : "INVALID", r.Stdout);
    }

    [Fact]
    public void Verify_of_a_missing_file_or_root_is_bad_input()
    {
        Assert.Equal(2, TauProcess.Run("attest", "verify", Example("missing.cose"), "--root", Example("example-root-ca.pem")).ExitCode);
        var badRoot = TauProcess.Run("attest", "verify", Example("es256-root-leaf.cose"), "--root", Example("es256-root-leaf.txt"));
        Assert.Equal(2, badRoot.ExitCode);
        Assert.Single(badRoot.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Verify_without_a_root_is_refused_unless_no_root_is_explicit()
    {
        var refused = TauProcess.Run("attest", "verify", Example("es256-root-leaf.cose"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--root", refused.Stderr);
        Assert.Equal("", refused.Stdout);

        var signatureOnly = TauProcess.Run("attest", "verify", Example("es256-root-leaf.cose"), "--no-root");
        Assert.Equal(0, signatureOnly.ExitCode);
        Assert.Contains("no trusted root given", signatureOnly.Stdout);
        Assert.Equal(1, TauProcess.Run("attest", "verify", Example("es256-tampered-signature.cose"), "--no-root").ExitCode);
    }
}
