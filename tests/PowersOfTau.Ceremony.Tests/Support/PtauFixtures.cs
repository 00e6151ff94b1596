using System.Text.Json;
using PowersOfTau.Testing;

namespace PowersOfTau.Ceremony.Tests.Support;

/// <summary>
/// The snarkjs-made fixtures (tests/oracle/fixtures/ptau, see its README) and what snarkjs's own readers saw
/// in them (tests/oracle/vectors/ptau-fixtures.json, made by tests/oracle/gen-ptau-fixture-index.mjs).
/// </summary>
internal static class PtauFixtures
{
    public static string Directory => Path.Combine(RepoPaths.Oracle, "fixtures", "ptau");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static JsonElement Index { get; } =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("ptau-fixtures.json"))).RootElement;

    public static IEnumerable<string> PtauNames => Index.GetProperty("ptau").EnumerateObject().Select(p => p.Name);

    public static JsonElement Ptau(string name) => Index.GetProperty("ptau").GetProperty(name);

    public static TheoryData<string> AllPtau()
    {
        var data = new TheoryData<string>();
        foreach (var name in PtauNames) data.Add(name);
        return data;
    }
}
