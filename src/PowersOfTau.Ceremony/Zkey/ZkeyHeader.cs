using System.Buffers.Binary;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// Section 2 of a Groth16 zkey (spec/zkey.md §1): n8q, q, n8r, r, nVars, nPublic, domainSize, then
/// vk_alpha_1, vk_beta_1, vk_beta_2, vk_gamma_2, vk_delta_1, vk_delta_2 as raw LEM points (checked by the
/// operations that use them, not here). <see cref="Parse"/> ∘ <see cref="ToBytes"/> is the identity.
/// </summary>
public sealed record ZkeyHeader
{
    /// <summary>The curve named by q (and r).</summary>
    public required CurveDescriptor Curve { get; init; }
    /// <summary>Number of wires, the constant 1 included.</summary>
    public required uint NVars { get; init; }
    /// <summary>Outputs + public inputs (the constant 1 not counted).</summary>
    public required uint NPublic { get; init; }
    /// <summary>The evaluation domain size, a power of two.</summary>
    public required uint DomainSize { get; init; }
    /// <summary>[α]G1, LEM.</summary>
    public required byte[] AlphaG1 { get; init; }
    /// <summary>[β]G1, LEM.</summary>
    public required byte[] BetaG1 { get; init; }
    /// <summary>[β]G2, LEM.</summary>
    public required byte[] BetaG2 { get; init; }
    /// <summary>[γ]G2 (the generator in snarkjs keys), LEM.</summary>
    public required byte[] GammaG2 { get; init; }
    /// <summary>[δ]G1, LEM.</summary>
    public required byte[] DeltaG1 { get; init; }
    /// <summary>[δ]G2, LEM.</summary>
    public required byte[] DeltaG2 { get; init; }

    /// <summary>log2(domainSize).</summary>
    public int Power => System.Numerics.BitOperations.Log2(DomainSize);

    /// <summary>Body size: 4 + n8q + 4 + n8r + 12 + 3·G1 + 3·G2 (660 for bn128, 964 for bls12381).</summary>
    public static int BodySize(CurveDescriptor curve) =>
        4 + curve.N8q + 4 + ScalarField.N8r + 12 + 3 * curve.G1Size + 3 * curve.G2Size;

    /// <summary>The section 2 body.</summary>
    public byte[] ToBytes()
    {
        var body = new byte[BodySize(Curve)];
        int at = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), (uint)Curve.N8q); at += 4;
        Curve.QLittleEndian.CopyTo(body.AsSpan(at)); at += Curve.N8q;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), ScalarField.N8r); at += 4;
        ScalarField.ModulusLE(Curve).CopyTo(body.AsSpan(at)); at += ScalarField.N8r;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), NVars); at += 4;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), NPublic); at += 4;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), DomainSize); at += 4;
        foreach (var point in new[] { AlphaG1, BetaG1, BetaG2, GammaG2, DeltaG1, DeltaG2 })
        {
            point.CopyTo(body.AsSpan(at));
            at += point.Length;
        }
        return body;
    }

    /// <summary>
    /// Parses a section 2 body. Checks: n8q names bn128 (32) or bls12381 (48) and q is that curve's; n8r = 32 and
    /// r is the same curve's; the size is exact; domainSize is a power of two; nPublic &lt; nVars.
    /// </summary>
    /// <exception cref="CeremonyFormatException">A check fails (Unreadable).</exception>
    public static ZkeyHeader Parse(ReadOnlySpan<byte> body, string fileName)
    {
        if (body.Length < 4) throw ZkeyErrors.HeaderField(fileName, $"{body.Length} bytes, too short for n8q");
        int n8q = (int)BinaryPrimitives.ReadUInt32LittleEndian(body);
        if (n8q is not (32 or 48) || body.Length < 4 + n8q) throw ZkeyErrors.HeaderField(fileName, $"n8q = {n8q}, expected 32 (bn128) or 48 (bls12381)");
        var curve = CurveDescriptor.FromQ(body.Slice(4, n8q))
            ?? throw ZkeyErrors.HeaderField(fileName, "q is the base field of neither bn128 nor bls12381");
        if (body.Length != BodySize(curve)) throw ZkeyErrors.HeaderField(fileName, $"{body.Length} bytes, expected {BodySize(curve)} for {curve.Name}");
        int at = 4 + n8q;
        uint n8r = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]); at += 4;
        if (n8r != ScalarField.N8r || !body.Slice(at, ScalarField.N8r).SequenceEqual(ScalarField.ModulusLE(curve)))
            throw ZkeyErrors.HeaderField(fileName, $"r is not the scalar field of {curve.Name}");
        at += ScalarField.N8r;
        uint nVars = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]); at += 4;
        uint nPublic = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]); at += 4;
        uint domainSize = BinaryPrimitives.ReadUInt32LittleEndian(body[at..]); at += 4;
        if (domainSize == 0 || (domainSize & (domainSize - 1)) != 0) throw ZkeyErrors.HeaderField(fileName, $"domainSize {domainSize} is not a power of two");
        if (nPublic >= nVars) throw ZkeyErrors.HeaderField(fileName, $"nPublic {nPublic} is not below nVars {nVars}");
        var bytes = body.ToArray();
        byte[] Take(int size)
        {
            var point = bytes.AsSpan(at, size).ToArray();
            at += size;
            return point;
        }
        return new ZkeyHeader
        {
            Curve = curve, NVars = nVars, NPublic = nPublic, DomainSize = domainSize,
            AlphaG1 = Take(curve.G1Size), BetaG1 = Take(curve.G1Size), BetaG2 = Take(curve.G2Size),
            GammaG2 = Take(curve.G2Size), DeltaG1 = Take(curve.G1Size), DeltaG2 = Take(curve.G2Size),
        };
    }
}
