using System.Buffers.Binary;
using PowersOfTau.Interop.Tests.Infrastructure;
using PowersOfTau.Interop.Tests.Tampering;
using PowersOfTau.Testing;

namespace PowersOfTau.Interop.Tests.BadInput;

/// <summary>
/// Bad input to the writing verbs of the real `tau` (ARCHITECTURE.md §3): missing input, wrong magic, output path =
/// input path, an existing output without --force, a header whose power is above what the file holds. Each must exit 2
/// with exactly one stderr line (no stack trace) and leave the folder exactly as it was: no output, no
/// &lt;name&gt;.tmp-* file, existing files untouched.
/// </summary>
public sealed class WritingVerbBadInput(Xunit.Abstractions.ITestOutputHelper log)
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.Oracle, "fixtures", "ptau", name);

    public static TheoryData<string, string> Cases() => new()
    {
        { "contribute", "missing input" }, { "contribute", "wrong magic" }, { "contribute", "output is input" },
        { "contribute", "existing output" }, { "contribute", "power above the file's" },
        { "export challenge", "missing input" }, { "export challenge", "wrong magic" }, { "export challenge", "output is input" },
        { "export challenge", "existing output" }, { "export challenge", "power above the file's" },
        { "import response", "missing input" }, { "import response", "wrong magic" }, { "import response", "output is input" },
        { "import response", "existing output" }, { "import response", "power above the file's" },
        { "truncate", "missing input" }, { "truncate", "wrong magic" }, { "truncate", "existing output" }, { "truncate", "power above the file's" },
        { "beacon", "missing input" }, { "beacon", "wrong magic" }, { "beacon", "output is input" },
        { "beacon", "existing output" }, { "beacon", "power above the file's" },
        { "prepare phase2", "missing input" }, { "prepare phase2", "wrong magic" }, { "prepare phase2", "output is input" },
        { "prepare phase2", "existing output" }, { "prepare phase2", "power above the file's" },
        { "challenge contribute", "missing input" }, { "challenge contribute", "output is input" }, { "challenge contribute", "existing output" },
        { "new", "existing output" }, { "new", "power above the maximum" },
        // Without --force "output is input" is caught as an existing output; with --force it must still be refused.
        { "contribute", "output is input, --force" }, { "export challenge", "output is input, --force" },
        { "import response", "output is input, --force" }, { "beacon", "output is input, --force" },
        { "prepare phase2", "output is input, --force" }, { "challenge contribute", "output is input, --force" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refused_WithOneLine_Exit2_AndNothingLeftBehind(string verb, string problem)
    {
        using var dir = new ScratchDirectory();
        // Valid material: a contributed file (power 4), its phase-2 prepared successor, and a response that fits it.
        File.Copy(Fixture("bn128_p4_0001.ptau"), dir.File("in.ptau"));
        File.Copy(Fixture("bn128_p4_final.ptau"), dir.File("final.ptau"));
        File.Copy(Fixture("response_bn128_p4_0002"), dir.File("response"));
        File.Copy(Fixture("challenge_bn128_p4_0002"), dir.File("challenge"));
        File.WriteAllText(dir.File("existing.out"), "an earlier output that must survive");

        string prepared = verb switch { "truncate" => "final.ptau", "challenge contribute" => "challenge", _ => "in.ptau" };
        string input = problem switch
        {
            "missing input" => dir.File("missing.ptau"),
            "wrong magic" => WithWrongMagic(dir, prepared),
            "power above the file's" => WithPowerAbove(dir, prepared),
            _ => dir.File(prepared),
        };
        string output = problem switch
        {
            "output is input" or "output is input, --force" => input,
            "existing output" => dir.File("existing.out"),
            _ => dir.File("new.out"),
        };
        if (verb == "truncate" && problem == "existing output")
            File.Copy(dir.File("existing.out"), dir.File("final_01.ptau"));

        string[] args = verb switch
        {
            "contribute" => ["powersoftau", "contribute", input, output, "-e", "bad input test", "--no-attestation"],
            "export challenge" => ["powersoftau", "export", "challenge", input, output],
            "import response" => ["powersoftau", "import", "response", input, dir.File("response"), output, "--name", "x"],
            "truncate" => ["powersoftau", "truncate", input],
            "beacon" => ["powersoftau", "beacon", input, output, "0102030405060708090a0b0c0d0e0f10", "10", "--name", "x"],
            "prepare phase2" => ["powersoftau", "prepare", "phase2", input, output],
            "challenge contribute" => ["powersoftau", "challenge", "contribute", "bn128", input, output, "-e", "bad input test", "--no-attestation"],
            "new" => ["powersoftau", "new", "bn128", problem == "power above the maximum" ? "29" : "3", output],
            _ => throw new ArgumentException(verb),
        };

        // --quiet where the verb has it: progress lines are not errors (beacon, for one, hashes before it checks the output).
        if (verb is not ("new" or "truncate")) args = [.. args, "--quiet"];
        if (problem.EndsWith("--force", StringComparison.Ordinal)) args = [.. args, "--force"];

        var before = Snapshot(dir);
        var result = TauCli.Run(args, null, dir.Path);

        // A header that disagrees with its sections (power above what they hold) is unreadable input: exit 2 too.
        int[] allowed = [2];
        Assert.True(allowed.Contains(result.ExitCode), $"{verb} / {problem}: expected exit {string.Join(" or ", allowed)}\n{result}");
        Assert.True(result.StderrLines.Length == 1, $"{verb} / {problem}: expected exactly one stderr line\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        log.WriteLine($"exit {result.ExitCode}: {result.StderrLines[0]}");
        if (problem.StartsWith("output is input", StringComparison.Ordinal) && verb is "contribute" or "challenge contribute")
            Assert.Contains("the output is the input", result.StderrLines[0]); // named as such, not as "exists, pass --force"
        var after = Snapshot(dir);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal)); // no output, no temp file
        foreach (var (name, hash) in before) Assert.True(hash == after[name], $"{verb} / {problem}: {name} was modified");
    }

    private static string WithWrongMagic(ScratchDirectory dir, string from)
    {
        byte[] bytes = File.ReadAllBytes(dir.File(from));
        "zkey"u8.CopyTo(bytes);
        File.WriteAllBytes(dir.File("wrongmagic.ptau"), bytes);
        return dir.File("wrongmagic.ptau");
    }

    /// <summary>The header claims power 5 (and ceremonyPower 5) while the sections hold power 4.</summary>
    private static string WithPowerAbove(ScratchDirectory dir, string from)
    {
        byte[] bytes = File.ReadAllBytes(dir.File(from));
        var layout = PtauLayout.Parse(bytes);
        int power = (int)layout[1].BodyOffset + 4 + layout.N8q;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(power), 5);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(power + 4), 5);
        File.WriteAllBytes(dir.File("bigpower.ptau"), bytes);
        return dir.File("bigpower.ptau");
    }

    private static Dictionary<string, string> Snapshot(ScratchDirectory dir) =>
        dir.FileNames().ToDictionary(n => n, n => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dir.File(n)))));
}
