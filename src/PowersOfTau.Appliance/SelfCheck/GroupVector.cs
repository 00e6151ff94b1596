namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>A known answer for one group: k·G in the uncompressed encoding, and a point on the curve outside the subgroup.</summary>
/// <param name="Group">"bn128 G1", …, as tests/oracle/vectors/curves.json names it.</param>
/// <param name="ScalarHex">k, big-endian hex with 0x.</param>
/// <param name="ProductUncompressedHex">k·G, uncompressed (spec/ptau.md §2).</param>
/// <param name="OffSubgroupUncompressedHex">A point on the curve but not in the prime-order subgroup, or null (bn128 G1 has cofactor 1).</param>
public sealed record GroupVector(string Group, string ScalarHex, string ProductUncompressedHex, string? OffSubgroupUncompressedHex);
