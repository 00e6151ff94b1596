namespace PowersOfTau.Appliance.Tests;

/// <summary>
/// The deterministic powersoftau verbs, run as the real `tau` process, against what snarkjs 0.7.6 wrote and printed
/// (tests/oracle/fixtures/ptau, made by tests/oracle/make-ptau-fixtures.sh): byte-identical files, identical hash
/// lines, and the exit codes of ARCHITECTURE.md §3 for the tampered twins.
/// </summary>
public sealed class PtauVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-verbs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData("bn128", "bn128")]
    [InlineData("bn254", "bn128")]
    [InlineData("bls12-381", "bls12381")]
    public void New_is_byte_identical_to_snarkjs_and_prints_its_first_contribution_hash(string curveArgument, string curve)
    {
        var r = TauProcess.Run("powersoftau", "new", curveArgument, "4", Out("new.ptau"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"{curve}_p4_0000.ptau")), File.ReadAllBytes(Out("new.ptau")));
        Assert.Equal(SnarkjsLog.Block($"{curve}_p4.log", "First Contribution Hash:"), r.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void New_refuses_an_existing_output_without_force_and_replaces_it_with_force()
    {
        File.WriteAllText(Out("taken.ptau"), "keep me");
        var refused = TauProcess.Run("powersoftau", "new", "bn128", "4", Out("taken.ptau"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal("keep me", File.ReadAllText(Out("taken.ptau")));

        var forced = TauProcess.Run("powersoftau", "new", "bn128", "4", Out("taken.ptau"), "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture("bn128_p4_0000.ptau")), File.ReadAllBytes(Out("taken.ptau")));
    }

    [Theory]
    [InlineData("bn128", "0")]
    [InlineData("bn128", "29")]
    [InlineData("secp256k1", "4")]
    public void New_with_a_bad_curve_or_power_is_bad_usage_and_writes_nothing(string curve, string power)
    {
        var r = TauProcess.Run("powersoftau", "new", curve, power, Out("bad.ptau"));
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Out("bad.ptau")));
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Export_challenge_is_byte_identical_to_snarkjs_and_prints_its_hashes(string curve)
    {
        var r = TauProcess.Run("powersoftau", "export", "challenge", SnarkjsLog.Fixture($"{curve}_p4_0001.ptau"), Out("challenge"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"challenge_{curve}_p4_0002")), File.ReadAllBytes(Out("challenge")));
        string expected = SnarkjsLog.Block($"{curve}_p4.log", "Last Response Hash: ", "## powersoftau export challenge") + "\n"
            + SnarkjsLog.Block($"{curve}_p4.log", "New Challenge Hash: ", "## powersoftau export challenge");
        Assert.Equal(expected, r.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Export_challenge_of_a_truncated_ptau_is_bad_input_and_leaves_no_output()
    {
        byte[] whole = File.ReadAllBytes(SnarkjsLog.Fixture("bn128_p4_0001.ptau"));
        File.WriteAllBytes(Out("cut.ptau"), whole[..(whole.Length / 2)]);
        var r = TauProcess.Run("powersoftau", "export", "challenge", Out("cut.ptau"), Out("challenge"));
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Empty(Directory.GetFiles(_dir, "challenge*"));
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Import_response_is_byte_identical_to_snarkjs_and_prints_its_hashes(string curve)
    {
        var r = TauProcess.Run("powersoftau", "import", "response", SnarkjsLog.Fixture($"{curve}_p4_0001.ptau"),
            SnarkjsLog.Fixture($"response_{curve}_p4_0002"), Out("imported.ptau"), "-n", "Imported ✓ contribution");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"{curve}_p4_0002.ptau")), File.ReadAllBytes(Out("imported.ptau")));
        string expected = SnarkjsLog.Block($"{curve}_p4.log", "Contribution Response Hash imported: ", "## powersoftau import response") + "\n"
            + SnarkjsLog.Block($"{curve}_p4.log", "Next Challenge Hash: ", "## powersoftau import response");
        Assert.Equal(expected, r.Stdout.TrimEnd('\n'));
    }

    [Fact]
    public void Import_of_a_response_to_another_challenge_fails_as_an_invalid_transcript_and_writes_nothing()
    {
        var r = TauProcess.Run("powersoftau", "import", "response", SnarkjsLog.Fixture("bn128_p4_0000.ptau"),
            SnarkjsLog.Fixture("response_bn128_p4_0002"), Out("imported.ptau"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("answers the challenge", r.Stderr);
        Assert.False(File.Exists(Out("imported.ptau")));
    }

    [Fact]
    public void Truncate_writes_the_same_files_as_snarkjs()
    {
        File.Copy(SnarkjsLog.Fixture("bn128_p4_final.ptau"), Out("bn128_p4_final.ptau"));
        var r = TauProcess.RunIn(null, _dir, "powersoftau", "truncate", "bn128_p4_final.ptau");
        Assert.Equal(0, r.ExitCode);
        foreach (string p in new[] { "01", "02", "03" })
            Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"bn128_p4_final_{p}.ptau")), File.ReadAllBytes(Out($"bn128_p4_final_{p}.ptau")));
        Assert.Equal(2, TauProcess.RunIn(null, _dir, "powersoftau", "truncate", "bn128_p4_final.ptau").ExitCode); // outputs exist now
    }

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void Beacon_then_prepare_phase2_give_snarkjs_s_files_and_verify_passes(string curve)
    {
        var beacon = TauProcess.Run("powersoftau", "beacon", SnarkjsLog.Fixture($"{curve}_p4_0002.ptau"), Out("beacon.ptau"),
            "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "10", "-n", "Final Beacon");
        Assert.Equal(0, beacon.ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"{curve}_p4_beacon.ptau")), File.ReadAllBytes(Out("beacon.ptau")));
        Assert.Equal(SnarkjsLog.Block($"{curve}_p4.log", "Contribution Response Hash imported: ", "## powersoftau beacon") + "\n"
            + SnarkjsLog.Block($"{curve}_p4.log", "Next Challenge Hash: ", "## powersoftau beacon"), beacon.Stdout.TrimEnd('\n'));

        Assert.Equal(0, TauProcess.Run("powersoftau", "prepare", "phase2", Out("beacon.ptau"), Out("final.ptau")).ExitCode);
        Assert.Equal(File.ReadAllBytes(SnarkjsLog.Fixture($"{curve}_p4_final.ptau")), File.ReadAllBytes(Out("final.ptau")));

        var verify = TauProcess.Run("powersoftau", "verify", Out("final.ptau"));
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("Powers Of tau file OK!", verify.Stdout);
    }

    [Fact]
    public void Beacon_with_a_bad_exponent_or_hex_is_bad_usage()
    {
        Assert.Equal(2, TauProcess.Run("powersoftau", "beacon", SnarkjsLog.Fixture("bn128_p4_0002.ptau"), Out("b.ptau"), "0102", "9").ExitCode);
        Assert.Equal(2, TauProcess.Run("powersoftau", "beacon", SnarkjsLog.Fixture("bn128_p4_0002.ptau"), Out("b.ptau"), "0g", "10").ExitCode);
        Assert.False(File.Exists(Out("b.ptau")));
    }

    [Fact]
    public void Verify_fails_with_exit_1_on_a_tampered_point_and_on_a_file_without_contributions()
    {
        byte[] bytes = File.ReadAllBytes(SnarkjsLog.Fixture("bn128_p4_0001.ptau"));
        // A point of tauG1 replaced by another valid point (the generator, the first one): still parses, no longer a power of tau.
        int g1 = 64;
        int firstPoint = FindSection(bytes, 2) + g1; // the second tauG1 point
        bytes.AsSpan(firstPoint - g1, g1).CopyTo(bytes.AsSpan(firstPoint, g1));
        File.WriteAllBytes(Out("tampered.ptau"), bytes);
        var tampered = TauProcess.Run("powersoftau", "verify", Out("tampered.ptau"));
        Assert.Equal(1, tampered.ExitCode);
        Assert.DoesNotContain("OK!", tampered.Stdout);

        Assert.Equal(0, TauProcess.Run("powersoftau", "verify", SnarkjsLog.Fixture("bn128_p4_0001.ptau")).ExitCode);
        Assert.Equal(1, TauProcess.Run("powersoftau", "verify", SnarkjsLog.Fixture("bn128_p4_0000.ptau")).ExitCode);
    }

    /// <summary>Offset of the body of binfile section <paramref name="id"/> (magic, version, count, then id/size/body).</summary>
    private static int FindSection(byte[] file, int id)
    {
        int offset = 12;
        while (offset < file.Length)
        {
            int sectionId = BitConverter.ToInt32(file, offset);
            long size = BitConverter.ToInt64(file, offset + 4);
            if (sectionId == id) return offset + 12;
            offset += 12 + (int)size;
        }
        throw new InvalidOperationException($"no section {id}");
    }
}
