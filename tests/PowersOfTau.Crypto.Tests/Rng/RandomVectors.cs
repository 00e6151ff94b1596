using System.Text.Json;
using PowersOfTau.Testing;

namespace PowersOfTau.Crypto.Tests.Rng;

/// <summary>tests/oracle/vectors/random.json, made by tests/oracle/gen-random-vectors.js from ffjavascript 0.3.1.</summary>
internal static class RandomVectors
{
    public static readonly JsonElement Root =
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("random.json"))).RootElement;

    public static uint[] Words(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt32()).ToArray();
}
