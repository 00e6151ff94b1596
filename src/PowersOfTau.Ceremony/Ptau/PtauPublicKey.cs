using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// The public key of a contribution: 6 G1 then 3 G2 points, in the order of spec/ptau.md §4 (which is
/// snarkjs's code order, not the order of the comment in powersoftau_new.js). Points are raw encoded bytes:
/// LEM inside .ptau files, uncompressed in response files and hash inputs.
/// </summary>
public sealed class PtauPublicKey
{
    /// <summary>τ's proof of knowledge: s·G1.</summary>
    public required byte[] TauG1S { get; init; }
    /// <summary>τ's proof of knowledge: τ·s·G1.</summary>
    public required byte[] TauG1SX { get; init; }
    /// <summary>α's proof of knowledge: s·G1.</summary>
    public required byte[] AlphaG1S { get; init; }
    /// <summary>α's proof of knowledge: α·s·G1.</summary>
    public required byte[] AlphaG1SX { get; init; }
    /// <summary>β's proof of knowledge: s·G1.</summary>
    public required byte[] BetaG1S { get; init; }
    /// <summary>β's proof of knowledge: β·s·G1.</summary>
    public required byte[] BetaG1SX { get; init; }
    /// <summary>τ·hashToG2(...).</summary>
    public required byte[] TauG2SpX { get; init; }
    /// <summary>α·hashToG2(...).</summary>
    public required byte[] AlphaG2SpX { get; init; }
    /// <summary>β·hashToG2(...).</summary>
    public required byte[] BetaG2SpX { get; init; }

    /// <summary>Encoded size: 6 G1 + 3 G2 points (768 bytes bn128, 1152 bls12381).</summary>
    public static int ByteSize(CurveDescriptor curve) => 6 * curve.G1Size + 3 * curve.G2Size;

    /// <summary>The nine points in file order.</summary>
    public IEnumerable<byte[]> PointsInOrder()
    {
        yield return TauG1S;
        yield return TauG1SX;
        yield return AlphaG1S;
        yield return AlphaG1SX;
        yield return BetaG1S;
        yield return BetaG1SX;
        yield return TauG2SpX;
        yield return AlphaG2SpX;
        yield return BetaG2SpX;
    }

    /// <summary>Splits <see cref="ByteSize"/> bytes into the nine points (copies).</summary>
    /// <exception cref="ArgumentException">The length is not <see cref="ByteSize"/>.</exception>
    public static PtauPublicKey FromBytes(ReadOnlySpan<byte> bytes, CurveDescriptor curve)
    {
        if (bytes.Length != ByteSize(curve))
            throw new ArgumentException($"a {curve.Name} public key is {ByteSize(curve)} bytes, not {bytes.Length}", nameof(bytes));
        int g1 = curve.G1Size, g2 = curve.G2Size;
        var points = new byte[9][];
        for (int i = 0, at = 0; i < 9; i++)
        {
            int size = i < 6 ? g1 : g2;
            points[i] = bytes.Slice(at, size).ToArray();
            at += size;
        }
        return new PtauPublicKey
        {
            TauG1S = points[0], TauG1SX = points[1],
            AlphaG1S = points[2], AlphaG1SX = points[3],
            BetaG1S = points[4], BetaG1SX = points[5],
            TauG2SpX = points[6], AlphaG2SpX = points[7], BetaG2SpX = points[8],
        };
    }

    /// <summary>The nine points concatenated in file order.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[PointsInOrder().Sum(p => p.Length)];
        int at = 0;
        foreach (var point in PointsInOrder())
        {
            point.CopyTo(bytes, at);
            at += point.Length;
        }
        return bytes;
    }
}
