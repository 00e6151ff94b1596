using PowersOfTau.Interop.Tests.Infrastructure;
using PowersOfTau.Testing;

namespace PowersOfTau.Interop.Tests.Tampering;

/// <summary>
/// Tampered copies of the snarkjs-made prepared fixtures (tests/oracle/fixtures/ptau/&lt;curve&gt;_p4_final.ptau: three
/// contributions, the last a beacon, sections 1–7 and 12–15): one flipped byte in each section, two contributions
/// swapped, a tauG1 point off the curve (bn128, whose G1 has no cofactor) or on the curve outside the subgroup
/// (bls12381), the file cut short (inside tauG1; inside the Lagrange sections), the other curve's header.
/// snarkjs verify must reject every one (so each case really is invalid) and accept the untouched file — except a
/// file cut inside sections 12–15, which snarkjs 0.7.6 accepts with a warning (<see cref="TamperedPtau.SnarkjsTolerates"/>);
/// `tau powersoftau verify` must exit 1 (invalid) or 2 (unreadable) with one stderr line and no stack trace, leaving no
/// file behind.
/// </summary>
public sealed class VerifyTampering(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly int[] AllSections = [1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15];
    private static readonly int[] SomeSections = [1, 2, 6, 7, 13];

    public static TheoryData<string, string> Cases() => CasesWhere(_ => true);

    /// <summary>The cases snarkjs must reject (all but <see cref="TamperedPtau.SnarkjsTolerates"/>).</summary>
    public static TheoryData<string, string> CasesSnarkjsRejects() => CasesWhere(c => !TamperedPtau.SnarkjsTolerates.Contains(c));

    private static TheoryData<string, string> CasesWhere(Func<string, bool> keep)
    {
        var data = new TheoryData<string, string>();
        foreach (var c in TamperedPtau.Cases("bn128", AllSections).Where(keep)) data.Add("bn128", c);
        foreach (var c in TamperedPtau.Cases("bls12381", SomeSections).Where(keep)) data.Add("bls12381", c); // bls verify is slower: fewer flips
        return data;
    }

    private static string Fixture(string curve) => Path.Combine(RepoPaths.Oracle, "fixtures", "ptau", $"{curve}_p4_final.ptau");

    private static byte[] Tampered(string curve, string name) =>
        TamperedPtau.Make(name, File.ReadAllBytes(Fixture(curve)), File.ReadAllBytes(Fixture(curve == "bn128" ? "bls12381" : "bn128")));

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Snarkjs_AcceptsTheUntouchedFixture(string curve) => Snarkjs.AssertAccepts(Fixture(curve));

    [Theory]
    [MemberData(nameof(CasesSnarkjsRejects))]
    public void Snarkjs_RejectsTheTamperedFile(string curve, string tamper)
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("tampered.ptau");
        File.WriteAllBytes(path, Tampered(curve, tamper));
        Assert.NotEqual(File.ReadAllBytes(Fixture(curve)), File.ReadAllBytes(path));
        var (accepted, result) = Snarkjs.Verify(path);
        Assert.False(accepted, $"snarkjs accepted the {tamper} copy:\n{result}");
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Tau_AcceptsTheUntouchedFixture(string curve)
    {
        var result = TauCli.Run("powersoftau", "verify", Fixture(curve));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tau_RejectsTheTamperedFile_WithOneLineAndNoOutput(string curve, string tamper)
    {
        using var dir = new ScratchDirectory();
        string path = dir.File("tampered.ptau");
        File.WriteAllBytes(path, Tampered(curve, tamper));
        // --quiet: no progress lines on stderr, so the error is the only line there.
        var result = TauCli.Run(["powersoftau", "verify", path, "--quiet"], null, dir.Path);
        Assert.True(result.ExitCode is 1 or 2, $"{tamper}: expected exit 1 or 2\n{result}");
        Assert.True(result.StderrLines.Length == 1, $"{tamper}: expected one stderr line\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(["tampered.ptau"], dir.FileNames());
        output.WriteLine($"exit {result.ExitCode}: {result.StderrLines[0]}");
    }
}
