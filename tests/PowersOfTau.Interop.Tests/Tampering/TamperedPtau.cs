using System.Numerics;

namespace PowersOfTau.Interop.Tests.Tampering;

/// <summary>
/// Invalid variants of a valid .ptau (a prepared file with sections 1–7 and 12–15 and at least two contributions),
/// each naming what is wrong. Made from the file's bytes with <see cref="PtauLayout"/> and BigInteger arithmetic
/// (no code of the rooms).
/// </summary>
public static class TamperedPtau
{
    private static readonly BigInteger Bls12381Q = BigInteger.Parse("01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger Bn128Q = BigInteger.Parse("030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", System.Globalization.NumberStyles.HexNumber);

    /// <summary>The names of the cases <see cref="Make"/> knows for a curve ("flip-section-2", "swap-contributions", …).</summary>
    public static IEnumerable<string> Cases(string curve, IEnumerable<int> sectionIds) =>
        [.. sectionIds.Select(id => $"flip-section-{id}"), "swap-contributions", curve == "bls12381" ? "g1-outside-subgroup" : "g1-off-curve",
            "truncated-in-tauG1", "truncated-in-lagrange", "other-curve-header"];

    /// <summary>
    /// Cases that snarkjs 0.7.6 accepts although the file is damaged: a file cut inside sections 12–15 (snarkjs reads
    /// the sections it finds, warns that the phase-2 values are missing, and prints "Powers of Tau Ok!").
    /// tau must still reject them.
    /// </summary>
    public static IReadOnlySet<string> SnarkjsTolerates { get; } = new HashSet<string> { "truncated-in-lagrange" };

    /// <summary>The tampered bytes for <paramref name="name"/>; <paramref name="otherCurveFile"/> is a valid file of the other curve.</summary>
    public static byte[] Make(string name, byte[] valid, byte[] otherCurveFile)
    {
        var layout = PtauLayout.Parse(valid);
        byte[] bytes = (byte[])valid.Clone();
        if (name.StartsWith("flip-section-", StringComparison.Ordinal))
        {
            var section = layout[int.Parse(name["flip-section-".Length..])];
            long at = section.Id switch
            {
                1 => section.BodyOffset + 4 + layout.N8q / 2,              // inside q: the curve becomes unknown
                7 => layout.ContributionRecords()[0].Offset + 10,          // inside the first contribution's tauG1
                _ => section.BodyOffset + section.Size / 2 + 5,            // a coordinate byte in the middle of the points
            };
            bytes[at] ^= 0x55;
            return bytes;
        }
        switch (name)
        {
            case "swap-contributions":
            {
                var records = layout.ContributionRecords();
                var (a, b) = (records[0], records[1]);
                byte[] first = valid.AsSpan(a.Offset, a.Length).ToArray(), second = valid.AsSpan(b.Offset, b.Length).ToArray();
                second.CopyTo(bytes, a.Offset);
                first.CopyTo(bytes, a.Offset + second.Length);
                return bytes;
            }
            case "g1-outside-subgroup":
                WriteG1(bytes, layout, index: 3, OnCurveOutsideSubgroup(Bls12381Q, b: 4), Bls12381Q, 48);
                return bytes;
            case "g1-off-curve":
                WriteG1(bytes, layout, index: 3, (1, 3), Bn128Q, 32); // 3² ≠ 1³ + 3
                return bytes;
            case "truncated-in-tauG1":
                return valid.AsSpan(0, (int)(layout[2].BodyOffset + layout[2].Size / 2)).ToArray();
            case "truncated-in-lagrange":
                return valid.AsSpan(0, (int)(layout[13].BodyOffset + layout[13].Size / 2)).ToArray();
            case "other-curve-header":
            {
                // The other curve's header section in place of this one's: the points no longer fit the curve.
                var other = PtauLayout.Parse(otherCurveFile);
                var mine = layout[1];
                var theirs = other[1];
                return [.. valid.AsSpan(0, (int)mine.HeaderOffset), .. otherCurveFile.AsSpan((int)theirs.HeaderOffset, (int)(12 + theirs.Size)),
                    .. valid.AsSpan((int)(mine.BodyOffset + mine.Size))];
            }
            default:
                throw new ArgumentException("unknown tamper case " + name, nameof(name));
        }
    }

    /// <summary>Point <paramref name="index"/> of tauG1 (section 2) := (x, y), LE Montgomery (spec/ptau.md §2).</summary>
    private static void WriteG1(byte[] bytes, PtauLayout layout, int index, (BigInteger X, BigInteger Y) point, BigInteger q, int n8q)
    {
        long at = layout[2].BodyOffset + index * 2L * n8q;
        BigInteger r = BigInteger.One << (8 * n8q);
        WriteLe(bytes, at, point.X * r % q, n8q);
        WriteLe(bytes, at + n8q, point.Y * r % q, n8q);
    }

    private static void WriteLe(byte[] bytes, long at, BigInteger value, int length)
    {
        byte[] le = value.ToByteArray(isUnsigned: true, isBigEndian: false);
        Array.Clear(bytes, (int)at, length);
        le.CopyTo(bytes, (int)at);
    }

    /// <summary>
    /// A point of y² = x³ + b over F_q with small x: on the curve, and (cofactor ≈ 2^126 for BLS12-381 G1) outside the
    /// prime-order subgroup except with negligible probability. q ≡ 3 (mod 4), so y = (x³+b)^((q+1)/4).
    /// </summary>
    private static (BigInteger X, BigInteger Y) OnCurveOutsideSubgroup(BigInteger q, int b)
    {
        for (BigInteger x = 5; ; x++)
        {
            BigInteger rhs = (x * x * x + b) % q;
            BigInteger y = BigInteger.ModPow(rhs, (q + 1) / 4, q);
            if (y * y % q == rhs) return (x, y);
        }
    }
}
