using System.Buffers.Binary;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>
/// zkey verify on snarkjs's keys (all pass, with the hashes snarkjs printed) and on tampered copies (each rejected with
/// a named reason and the right category: 1 = invalid, 2 = unreadable).
/// </summary>
public sealed class ZkeyVerifyTests
{
    public static TheoryData<string, string> Steps()
    {
        var data = new TheoryData<string, string>();
        foreach (var curve in new[] { "bn128", "bls12381" })
            foreach (var step in new[] { "0000", "0001", "0002", "final" }) data.Add(curve, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void SnarkjsKeys_Verify(string curve, string step)
    {
        var result = ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), ZkeyFixtures.Zkey(curve, step));
        Assert.Equal(ZkeyFixtures.LoggedHashes(curve, "Circuit hash:")[0], result.CsHash);
        var printed = ZkeyFixtures.LoggedHashes(curve, "Contribution Hash:");
        Assert.Equal(step switch { "0000" => 0, "0001" => 1, "0002" => 2, _ => 3 }, result.Contributions.Count);
        for (int i = 0; i < result.Contributions.Count; i++) Assert.Equal(printed[i], result.Contributions[i].ContributionHash);
        if (step == "final")
        {
            Assert.Equal(["First phase2 contribution", "Second ✓ contribution", "Final Beacon phase2"], result.Contributions.Select(c => c.Name));
            Assert.Equal(ContributionType.Beacon, result.Contributions[2].Type);
            Assert.Equal(10, result.Contributions[2].NumIterationsExp);
        }
    }

    /// <summary>
    /// Offset (from the section body start; negative = from its end) of the byte each tampering case flips, the
    /// category expected (exit code) and a fragment of the reason.
    /// </summary>
    public static TheoryData<string, int, int, int, string> Flips()
    {
        var data = new TheoryData<string, int, int, int, string>();
        foreach (var curve in new[] { "bn128", "bls12381" })
        {
            data.Add(curve, ZkeySections.Protocol, 0, 2, "section 1 (protocol): protocol 0 is not groth16");
            data.Add(curve, ZkeySections.Groth16Header, 5, 2, "q is the base field of neither");
            data.Add(curve, ZkeySections.Groth16Header, -3, 1, "section 2 (groth16 header) vk_delta_2:");
            data.Add(curve, ZkeySections.IC, -3, 1, "section 3 (IC) is not identical");
            data.Add(curve, ZkeySections.Coefficients, 30, 1, "section 4 (coefficients) is not identical");
            data.Add(curve, ZkeySections.Coefficients, 0, 1, "coefficients, which do not fill");
            data.Add(curve, ZkeySections.A, -3, 1, "section 5 (A) is not identical");
            data.Add(curve, ZkeySections.B1, -3, 1, "section 6 (B1) is not identical");
            data.Add(curve, ZkeySections.B2, -3, 1, "section 7 (B2) is not identical");
            data.Add(curve, ZkeySections.L, -3, 1, "section 8 (L) point 3:");
            data.Add(curve, ZkeySections.H, -3, 1, "section 9 (H) point 7:");
            data.Add(curve, ZkeySections.Contributions, 10, 1, "contribution 1: inconsistent transcript");
            data.Add(curve, ZkeySections.Contributions, 100, 1, "contribution 1 deltaAfter:");
            data.Add(curve, ZkeySections.Contributions, -10, 1, "contribution 3: the beacon's key does not match its parameters (g1_s)");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Flips))]
    public void FlippedByte_IsRejected(string curve, int section, int offset, int exitCode, string reason)
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "final"));
        var (start, size) = ZkeyFixtures.Locate(bytes, section);
        long at = start + (offset >= 0 ? offset : size + offset);
        bytes[at] ^= 0x01;
        string path = dir.Write("t.zkey", bytes);
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), path));
        Assert.Equal(exitCode, e.ExitCode);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A valid point in the wrong place passes every decoder; only the algebraic checks catch it.</summary>
    [Theory]
    [InlineData("bn128", ZkeySections.L, "section 8 (L) does not match")]
    [InlineData("bn128", ZkeySections.H, "section 9 (H) does not match")]
    [InlineData("bn128", ZkeySections.IC, "section 3 (IC) is not identical")]
    [InlineData("bls12381", ZkeySections.L, "section 8 (L) does not match")]
    [InlineData("bls12381", ZkeySections.H, "section 9 (H) does not match")]
    [InlineData("bls12381", ZkeySections.B2, "section 7 (B2) is not identical")]
    public void ValidPointInTheWrongPlace_IsRejected(string curve, int section, string reason)
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "final"));
        var (start, size) = ZkeyFixtures.Locate(bytes, section);
        int pointSize = section == ZkeySections.B2 ? (curve == "bn128" ? 128 : 192) : (curve == "bn128" ? 64 : 96);
        // Swap the first two points of the section.
        var first = bytes.AsSpan((int)start, pointSize).ToArray();
        bytes.AsSpan((int)start + pointSize, pointSize).CopyTo(bytes.AsSpan((int)start));
        first.CopyTo(bytes.AsSpan((int)start + pointSize));
        string path = dir.Write("t.zkey", bytes);
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), path));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraSection_IsRejected()
    {
        using var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(ZkeyFixtures.Zkey("bn128", "final"));
        var extra = new byte[12 + 4];
        BinaryPrimitives.WriteUInt32LittleEndian(extra, 11);
        BinaryPrimitives.WriteUInt64LittleEndian(extra.AsSpan(4), 4);
        var patched = bytes.Concat(extra).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(8), 11);
        string path = dir.Write("t.zkey", patched);
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), path));
        Assert.Contains("section 11 is not a Groth16 zkey section", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.ExitCode);
    }

    [Fact]
    public void KeyOfAnotherCircuit_IsRejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), ZkeyFixtures.PathOf("square_bn128_0000.zkey")));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("different circuit parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R1csOfTheOtherCurve_IsRejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ZkeyVerify.Run(ZkeyFixtures.R1cs("bls12381"), ZkeyFixtures.FinalPtau("bn128"), ZkeyFixtures.Zkey("bn128", "final")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("is a bn128 ceremony", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PtauOfTheOtherCurve_IsRejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bls12381"), ZkeyFixtures.Zkey("bn128", "final")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("is a bls12381 ceremony", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedPtauOfTheSameCeremony_Verifies()
    {
        // The power-3 truncation holds the same Lagrange blocks up to size 16: enough for the domain of 8.
        var result = ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), PtauFixtures.PathOf("bn128_p4_final_03.ptau"), ZkeyFixtures.Zkey("bn128", "final"));
        Assert.Equal(3, result.Contributions.Count);
    }

    [Fact]
    public void UnpreparedPtau_IsRejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ZkeyVerify.Run(ZkeyFixtures.R1cs("bn128"), PtauFixtures.PathOf("bn128_p4_beacon.ptau"), ZkeyFixtures.Zkey("bn128", "final")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("run powersoftau prepare phase2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void FromInit_VerifiesTheChain(string curve)
    {
        var result = ZkeyVerify.FromInit(ZkeyFixtures.Zkey(curve, "0000"), ZkeyFixtures.FinalPtau(curve), ZkeyFixtures.Zkey(curve, "final"));
        Assert.Equal(ZkeyFixtures.LoggedHashes(curve, "Contribution Hash:"), result.Contributions.Select(c => c.ContributionHash));
    }

    [Fact]
    public void FromInit_OfAnotherCircuit_IsRejected()
    {
        var e = Assert.Throws<CeremonyFormatException>(() =>
            ZkeyVerify.FromInit(ZkeyFixtures.PathOf("square_bn128_0000.zkey"), ZkeyFixtures.FinalPtau("bn128"), ZkeyFixtures.Zkey("bn128", "final")));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("different circuit parameters", e.Message, StringComparison.Ordinal);
    }
}
