using System.Numerics;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Fft;

/// <summary>
/// A deliberately simple test field, p = 2^64 − 2^32 + 1 (2-adicity 32), stored as the plain value
/// (its "Montgomery" form is the value itself, R = 1). It lets the FFT be checked against a naive DFT
/// independently of the production fields. Not constant time; tests only.
/// </summary>
internal readonly struct Goldilocks : IPrimeField<Goldilocks>
{
    public const ulong P = 0xFFFFFFFF00000001UL;
    public readonly ulong Value;

    public Goldilocks(ulong value) => Value = value % P;

    public static Goldilocks Zero => default;
    public static Goldilocks One => new(1);
    public static int ByteLength => 8;
    public static int LimbCount => 1;
    public static ReadOnlySpan<byte> ModulusLE => [0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF];

    public static void Add(in Goldilocks a, in Goldilocks b, out Goldilocks r) => r = new((ulong)(((UInt128)a.Value + b.Value) % P));
    public static void Sub(in Goldilocks a, in Goldilocks b, out Goldilocks r) => r = new((ulong)(((UInt128)a.Value + P - b.Value) % P));
    public static void Neg(in Goldilocks a, out Goldilocks r) => r = new((P - a.Value) % P);
    public static void Double(in Goldilocks a, out Goldilocks r) => Add(a, a, out r);
    public static void Mul(in Goldilocks a, in Goldilocks b, out Goldilocks r) => r = new((ulong)((UInt128)a.Value * b.Value % P));
    public static void Square(in Goldilocks a, out Goldilocks r) => Mul(a, a, out r);
    public static void Inverse(in Goldilocks a, out Goldilocks r) => InverseVartime(a, out r);
    public static void InverseVartime(in Goldilocks a, out Goldilocks r) => r = new((ulong)BigInteger.ModPow(a.Value, P - 2, P));
    public static ulong IsZeroMask(in Goldilocks a) => a.Value == 0 ? ulong.MaxValue : 0;
    public static ulong EqualMask(in Goldilocks a, in Goldilocks b) => a.Value == b.Value ? ulong.MaxValue : 0;
    public static void Select(ulong mask, in Goldilocks a, in Goldilocks b, out Goldilocks r) => r = mask != 0 ? a : b;
    public static bool SqrtVartime(in Goldilocks a, out Goldilocks r) => throw new NotSupportedException();
    public static bool IsNegative(in Goldilocks a) => a.Value > P / 2;
    public static void WriteMontgomeryLE(in Goldilocks a, Span<byte> dst) => BitConverter.TryWriteBytes(dst, a.Value);
    public static bool TryReadMontgomeryLE(ReadOnlySpan<byte> src, out Goldilocks r) => TryReadCanonicalLE(src, out r);
    public static void WriteCanonicalLE(in Goldilocks a, Span<byte> dst) => BitConverter.TryWriteBytes(dst, a.Value);
    public static bool TryReadCanonicalLE(ReadOnlySpan<byte> src, out Goldilocks r)
    {
        ulong v = BitConverter.ToUInt64(src);
        r = new(v);
        return v < P;
    }
    public static int Legendre(in Goldilocks a) =>
        a.Value == 0 ? 0 : BigInteger.ModPow(a.Value, (P - 1) / 2, P).IsOne ? 1 : -1;
    public static Goldilocks FromUInt64(ulong v) => new(v);
    public static Goldilocks FromLEReduce(ReadOnlySpan<byte> src) =>
        new((ulong)(new BigInteger(src, isUnsigned: true) % P));
    public static void ToCanonicalLimbs(in Goldilocks a, Span<ulong> dst) => dst[0] = a.Value;
    public static void ToMontgomeryLimbs(in Goldilocks a, Span<ulong> dst) => dst[0] = a.Value;
    public static Goldilocks FromMontgomeryLimbs(ReadOnlySpan<ulong> src) => new(src[0]);
    public static bool TryFromCanonicalLimbs(ReadOnlySpan<ulong> src, out Goldilocks r)
    {
        r = src[0] < P ? new(src[0]) : default;
        return src[0] < P;
    }
    public static void WriteCanonicalBE(in Goldilocks a, Span<byte> dst) => System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(dst, a.Value);
    public static bool TryReadCanonicalBE(ReadOnlySpan<byte> src, out Goldilocks r)
    {
        ulong v = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(src);
        r = new(v);
        return v < P;
    }
    public static Goldilocks Pow(in Goldilocks a, ReadOnlySpan<ulong> exponentLE)
    {
        var e = new BigInteger(System.Runtime.InteropServices.MemoryMarshal.AsBytes(exponentLE), isUnsigned: true);
        return new((ulong)BigInteger.ModPow(a.Value, e, P));
    }
    public static Goldilocks operator +(in Goldilocks a, in Goldilocks b) { Add(a, b, out var r); return r; }
    public static Goldilocks operator -(in Goldilocks a, in Goldilocks b) { Sub(a, b, out var r); return r; }
    public static Goldilocks operator -(in Goldilocks a) { Neg(a, out var r); return r; }
    public static Goldilocks operator *(in Goldilocks a, in Goldilocks b) { Mul(a, b, out var r); return r; }
    public static bool operator ==(in Goldilocks a, in Goldilocks b) => a.Value == b.Value;
    public static bool operator !=(in Goldilocks a, in Goldilocks b) => a.Value != b.Value;
    public override bool Equals(object? obj) => obj is Goldilocks g && g.Value == Value;
    public override int GetHashCode() => Value.GetHashCode();
}
