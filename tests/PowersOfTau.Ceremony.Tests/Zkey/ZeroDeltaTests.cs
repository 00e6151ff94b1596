using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Crypto.Hashing;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>
/// A "contribution" with δ = 0: every public-key point, deltaAfter, vk_delta_1/2 and all L and H points are the point
/// at infinity, and the transcript is the honest hash of those. Every pairing equation holds (both sides are 1), yet
/// such a key proves anything (e(C, δ₂) = 1). snarkjs's sameRatio refuses identities; so does ours, with a named reason.
/// </summary>
public sealed class ZeroDeltaTests
{
    internal static byte[] ZeroDeltaKey(string curve)
    {
        var bytes = File.ReadAllBytes(ZkeyFixtures.Zkey(curve, "0000"));
        var raw = RawBinfile.Split(bytes);
        int g1 = curve == "bn128" ? 64 : 96, g2 = 2 * g1;
        var header = raw.Body(ZkeySections.Groth16Header);
        header.AsSpan(header.Length - g2 - g1).Clear();   // vk_delta_1 and vk_delta_2
        raw.Body(ZkeySections.L).AsSpan().Clear();
        raw.Body(ZkeySections.H).AsSpan().Clear();
        using var init = ZkeyFile.Open(ZkeyFixtures.Zkey(curve, "0000"));
        var csHash = init.MpcParams.CsHash;
        var hasher = new Blake2b();
        hasher.Update(csHash);
        hasher.Update(new byte[2 * g1]);      // U(g1_s) || U(g1_sx): the identity is all zeros
        var transcript = new byte[64];
        hasher.Finish(transcript);
        var contribution = new ZkeyContribution
        {
            DeltaAfter = new byte[g1], G1S = new byte[g1], G1Sx = new byte[g1], G2Spx = new byte[g2],
            Transcript = transcript, Type = ContributionType.Normal, Params = ContributionParams.None,
        };
        raw.Replace(ZkeySections.Contributions, new ZkeyMpcParams(csHash, [contribution]).ToBytes());
        raw.Magic = "zkey"u8.ToArray();
        return raw.Build();
    }

    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void ZeroDelta_IsRejected(string curve)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("zero.zkey", ZeroDeltaKey(curve));
        var e = Assert.Throws<CeremonyFormatException>(() => ZkeyVerify.Run(ZkeyFixtures.R1cs(curve), ZkeyFixtures.FinalPtau(curve), path));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("contribution 1: its public key or deltaAfter is the point at infinity", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The differential twin: snarkjs rejects it too (at the public key's same-ratio check).</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void ZeroDelta_IsRejectedBySnarkjsToo()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("zero.zkey", ZeroDeltaKey("bn128"));
        var outcome = Snarkjs.Run(["zkey", "verify", ZkeyFixtures.R1cs("bn128"), ZkeyFixtures.FinalPtau("bn128"), path]);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("INVALID(0): public key G1 and G2 do not have the same ration", outcome.Output, StringComparison.Ordinal);
    }
}
