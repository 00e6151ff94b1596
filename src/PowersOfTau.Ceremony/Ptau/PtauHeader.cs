using System.Buffers.Binary;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// Section 1 of a .ptau (spec/ptau.md §3): the curve (identified by q), the power of this file and the power
/// of the ceremony it came from (larger only after truncate).
/// </summary>
public sealed record PtauHeader
{
    /// <summary>Creates a header; checks 1 ≤ power ≤ ceremonyPower ≤ curve.MaxPower.</summary>
    public PtauHeader(CurveDescriptor curve, int power, int ceremonyPower)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThan(power, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ceremonyPower, power);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ceremonyPower, curve.MaxPower);
        Curve = curve;
        Power = power;
        CeremonyPower = ceremonyPower;
    }

    /// <summary>Creates the header of a fresh ceremony file: ceremonyPower = power.</summary>
    public PtauHeader(CurveDescriptor curve, int power) : this(curve, power, power) { }

    /// <summary>The curve named by q.</summary>
    public CurveDescriptor Curve { get; }

    /// <summary>The power p of this file: sections hold 2^p (or 2^(p+1) − 1) points.</summary>
    public int Power { get; }

    /// <summary>The power of the ceremony this file belongs to (≥ <see cref="Power"/>).</summary>
    public int CeremonyPower { get; }

    /// <summary>Body size of section 1: n8q u32 + q + power u32 + ceremonyPower u32 (44 / 60 bytes).</summary>
    public int BodySize => 4 + Curve.N8q + 4 + 4;

    /// <summary>The section 1 body, as snarkjs writes it.</summary>
    public byte[] ToBytes()
    {
        var body = new byte[BodySize];
        int n8q = Curve.N8q;
        BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)n8q);
        Curve.QLittleEndian.CopyTo(body.AsSpan(4));
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4 + n8q), (uint)Power);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8 + n8q), (uint)CeremonyPower);
        return body;
    }

    /// <summary>
    /// Parses a section 1 body. Checks: n8q is 32 or 48 and the body is exactly 4 + n8q + 8 bytes; q is the
    /// base-field modulus of bn128 or bls12381 (the only curves snarkjs knows); 1 ≤ power ≤ MaxPower of the
    /// curve (Unreadable otherwise); power ≤ ceremonyPower ≤ MaxPower (InvalidTranscript otherwise).
    /// </summary>
    /// <exception cref="CeremonyFormatException">Any check fails; the message names <paramref name="fileName"/>.</exception>
    public static PtauHeader Parse(ReadOnlySpan<byte> body, string fileName)
    {
        if (body.Length < 4) throw CeremonyErrors.HeaderSize(fileName, body.Length, null);
        uint n8q = BinaryPrimitives.ReadUInt32LittleEndian(body);
        if (n8q is not (32 or 48)) throw CeremonyErrors.HeaderFieldSize(fileName, n8q);
        int expected = 4 + (int)n8q + 8;
        if (body.Length != expected) throw CeremonyErrors.HeaderSize(fileName, body.Length, expected);
        var q = body.Slice(4, (int)n8q);
        var curve = CurveDescriptor.FromQ(q) ?? throw CeremonyErrors.UnknownCurve(fileName, q);
        uint power = BinaryPrimitives.ReadUInt32LittleEndian(body[(4 + (int)n8q)..]);
        uint ceremonyPower = BinaryPrimitives.ReadUInt32LittleEndian(body[(8 + (int)n8q)..]);
        if (power < 1 || power > curve.MaxPower) throw CeremonyErrors.PowerOutOfRange(fileName, "power", power, curve);
        if (ceremonyPower > curve.MaxPower) throw CeremonyErrors.PowerOutOfRange(fileName, "ceremonyPower", ceremonyPower, curve);
        if (power > ceremonyPower) throw CeremonyErrors.PowerAboveCeremonyPower(fileName, power, ceremonyPower);
        return new PtauHeader(curve, (int)power, (int)ceremonyPower);
    }
}
