using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.R1cs;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Zkey;

/// <summary>The .r1cs reader against snarkjs's own reading of the same files (`r1cs export json`, fixtures/zkey).</summary>
public sealed class R1csFileTests
{
    [Theory]
    [MemberData(nameof(ZkeyFixtures.Curves), MemberType = typeof(ZkeyFixtures))]
    public void Reads_WhatSnarkjsReads(string curve)
    {
        var json = JsonDocument.Parse(File.ReadAllText(ZkeyFixtures.PathOf($"mul_{curve}_r1cs.json"))).RootElement;
        using var r1cs = R1csFile.Open(ZkeyFixtures.R1cs(curve));
        var h = r1cs.Header;
        Assert.Equal(CurveDescriptor.FromName(curve), h.Curve);
        Assert.Equal(json.GetProperty("nVars").GetUInt32(), h.Wires);
        Assert.Equal(json.GetProperty("nOutputs").GetUInt32(), h.Outputs);
        Assert.Equal(json.GetProperty("nPubInputs").GetUInt32(), h.PublicInputs);
        Assert.Equal(json.GetProperty("nPrvInputs").GetUInt32(), h.PrivateInputs);
        Assert.Equal(json.GetProperty("nLabels").GetUInt64(), h.Labels);
        Assert.Equal(json.GetProperty("nConstraints").GetUInt32(), h.Constraints);

        var constraints = r1cs.ReadConstraints().ToList();
        var expected = json.GetProperty("constraints").EnumerateArray().ToList();
        Assert.Equal(expected.Count, constraints.Count);
        for (int c = 0; c < constraints.Count; c++)
        {
            var sides = expected[c].EnumerateArray().ToList();
            R1csTerm[][] ours = [constraints[c].A, constraints[c].B, constraints[c].C];
            for (int side = 0; side < 3; side++)
            {
                var theirs = sides[side].EnumerateObject().ToList();
                Assert.Equal(theirs.Select(p => p.Name), ours[side].Select(t => t.Wire.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                for (int t = 0; t < theirs.Count; t++)
                {
                    var coefficient = ours[side][t].Coefficient;
                    Assert.Equal(BigInteger.Parse(theirs[t].Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                        new BigInteger(coefficient, isUnsigned: true));
                }
            }
        }
        Assert.Equal(json.GetProperty("map").EnumerateArray().Select(e => e.GetUInt64()), r1cs.ReadWireToLabelMap());
    }

    private static (string Path, TempDirectory Dir) Tampered(Action<byte[]> change)
    {
        var dir = new TempDirectory();
        var bytes = File.ReadAllBytes(ZkeyFixtures.R1cs("bn128"));
        change(bytes);
        return (dir.Write("t.r1cs", bytes), dir);
    }

    private static CeremonyFormatException Rejected(Action<byte[]> change)
    {
        var (path, dir) = Tampered(change);
        using (dir)
        {
            return Assert.Throws<CeremonyFormatException>(() =>
            {
                using var r1cs = R1csFile.Open(path);
                _ = r1cs.ReadConstraints().ToList();
            });
        }
    }

    private static long HeaderStart(byte[] b) => ZkeyFixtures.Locate(b, R1csSections.Header).Start;

    [Fact]
    public void UnknownPrime_IsRejected()
    {
        var e = Rejected(b => b[HeaderStart(b) + 4] ^= 1);
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("section 1 (r1cs header): prime 0x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalCountsBeyondWires_AreRejected()
    {
        // nPrvIn (header offset 4 + 32 + 12) raised to 100 > nWires.
        var e = Rejected(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)HeaderStart(b) + 48), 100));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("exceed the 7 wires", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WireOutOfRange_IsRejected()
    {
        // First term of constraint 0: count u32, then wire u32.
        var e = Rejected(b => BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)ZkeyFixtures.Locate(b, R1csSections.Constraints).Start + 4), 7));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("section 2 (constraints): constraint 0, A term: wire 7 does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreducedCoefficient_IsRejected()
    {
        var e = Rejected(b => b.AsSpan((int)ZkeyFixtures.Locate(b, R1csSections.Constraints).Start + 8, 32).Fill(0xFF));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("the coefficient is not below the prime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreConstraintsThanTheSectionHolds_AreRejected()
    {
        // nConstraints is the last u32 of the header.
        var e = Rejected(b =>
        {
            var (start, size) = ZkeyFixtures.Locate(b, R1csSections.Header);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)(start + size - 4)), 4);
        });
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("ends inside constraint 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerConstraintsThanTheSectionHolds_AreRejected()
    {
        var e = Rejected(b =>
        {
            var (start, size) = ZkeyFixtures.Locate(b, R1csSections.Header);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)(start + size - 4)), 2);
        });
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("follow the 2 constraints the header declares", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZkeyIsNotAnR1cs()
    {
        var e = Assert.Throws<CeremonyFormatException>(() => R1csFile.Open(ZkeyFixtures.Zkey("bn128", "0000")));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("not a .r1cs file", e.Message, StringComparison.Ordinal);
    }
}
