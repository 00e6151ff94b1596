using System.Text.Json;
using PowersOfTau.Appliance.SelfCheck;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Testing;

namespace PowersOfTau.Appliance.Tests;

/// <summary>`tau selfcheck`: its compiled-in vectors are the oracle's, its checks can fail, and the verb passes here.</summary>
public class SelfCheckTests
{
    [Fact]
    public void The_compiled_in_vectors_are_those_of_the_oracle_file()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("curves.json")));
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(KnownAnswers.All.Count, groups.Count);
        foreach (var (vector, group) in KnownAnswers.All.Zip(groups))
        {
            Assert.Equal(group.GetProperty("group").GetString(), vector.Group);
            var last = group.GetProperty("scalarMults").EnumerateArray().Last();
            Assert.Equal(last.GetProperty("k").GetString(), vector.ScalarHex);
            Assert.Equal(last.GetProperty("result").GetProperty("u").GetString(), vector.ProductUncompressedHex);
            var off = group.GetProperty("offSubgroup").EnumerateArray().Select(o => o.GetProperty("u").GetString()).FirstOrDefault();
            Assert.Equal(off, vector.OffSubgroupUncompressedHex);
        }
    }

    [Fact]
    public void The_checks_pass_on_the_vectors_and_fail_on_tampered_twins()
    {
        Assert.True(GroupChecks<Fp254, Bn254G1>.ScalarMultiplicationMatches(KnownAnswers.Bn128G1));
        Assert.True(GroupChecks<Fp2<Fp381>, Bls12381G2>.ScalarMultiplicationMatches(KnownAnswers.Bls12381G2));
        Assert.True(GroupChecks<Fp381, Bls12381G1>.SubgroupCheckHolds(KnownAnswers.Bls12381G1));

        var otherScalar = KnownAnswers.Bn128G1 with { ScalarHex = KnownAnswers.Bn128G1.ScalarHex[..^1] + "b" };
        Assert.False(GroupChecks<Fp254, Bn254G1>.ScalarMultiplicationMatches(otherScalar));
        var subgroupPointAsOffSubgroup = KnownAnswers.Bls12381G1 with { OffSubgroupUncompressedHex = KnownAnswers.Bls12381G1.ProductUncompressedHex };
        Assert.False(GroupChecks<Fp381, Bls12381G1>.SubgroupCheckHolds(subgroupPointAsOffSubgroup));
    }

    [Fact]
    public void The_verb_passes_on_this_machine_and_prints_both_tables()
    {
        var r = TauProcess.Run("selfcheck", "--budget-ms", "1");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("all checks passed", r.Stdout);
        Assert.DoesNotContain("FAIL", r.Stdout);
        Assert.Contains("pairing", r.Stdout);
        Assert.Contains("bls12381", r.Stdout);
    }
}
