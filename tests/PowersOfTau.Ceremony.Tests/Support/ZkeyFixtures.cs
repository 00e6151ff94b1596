using System.Text.RegularExpressions;
using PowersOfTau.Testing;

namespace PowersOfTau.Ceremony.Tests.Support;

/// <summary>The circom2 + snarkjs phase-2 fixtures (tests/oracle/fixtures/zkey, see its README and make-zkey-fixtures.sh).</summary>
internal static partial class ZkeyFixtures
{
    public static string Directory => Path.Combine(RepoPaths.Oracle, "fixtures", "zkey");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string R1cs(string curve) => PathOf($"mul_{curve}.r1cs");

    public static string Zkey(string curve, string step) => PathOf($"mul_{curve}_{step}.zkey");

    public static string FinalPtau(string curve) => PtauFixtures.PathOf($"{curve}_p4_final.ptau");

    public static TheoryData<string> Curves() => new() { "bn128", "bls12381" };

    /// <summary>The fixed "OS random" bytes make-zkey-fixtures.sh gave snarkjs for contribution 1 (01..40) and 2 (101..164).</summary>
    public static byte[] FixedRandom(int contribution) =>
        Enumerable.Range(contribution == 1 ? 1 : 101, 64).Select(i => (byte)i).ToArray();

    /// <summary>Every hash snarkjs printed after <paramref name="label"/> in mul_&lt;curve&gt;.log, in order.</summary>
    public static List<byte[]> LoggedHashes(string curve, string label)
    {
        string text = File.ReadAllText(PathOf($"mul_{curve}.log"));
        var hashes = new List<byte[]>();
        for (int at = text.IndexOf(label, StringComparison.Ordinal); at >= 0; at = text.IndexOf(label, at + 1, StringComparison.Ordinal))
        {
            var words = HexWord().Matches(text[(at + label.Length)..]).Take(16).Select(m => m.Value);
            hashes.Add(Convert.FromHexString(string.Concat(words)));
        }
        Assert.NotEmpty(hashes);
        return hashes;
    }

    /// <summary>(body offset, body size) of section <paramref name="id"/> in a binfile image (naive walk; valid fixtures only).</summary>
    public static (long Start, long Size) Locate(byte[] file, int id)
    {
        uint n = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8));
        long at = 12;
        for (int i = 0; i < n; i++)
        {
            uint sectionId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan((int)at));
            long size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan((int)at + 4));
            if (sectionId == id) return (at + 12, size);
            at += 12 + size;
        }
        throw new InvalidOperationException($"no section {id}");
    }

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex HexWord();
}
