using System.Globalization;
using System.Numerics;
using CsCheck;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Fields;

/// <summary>BigInteger bridges (tests only) and CsCheck generators for field elements.</summary>
internal static class FieldTestHelpers
{
    public static BigInteger ParseHex(string s)
    {
        if (!s.StartsWith("0x", StringComparison.Ordinal)) throw new FormatException("expected 0x-prefixed hex: " + s);
        return BigInteger.Parse("0" + s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public static BigInteger Modulus<T>() where T : unmanaged, IPrimeField<T> =>
        new(T.ModulusLE, isUnsigned: true, isBigEndian: false);

    public static byte[] ToLE(BigInteger v, int length)
    {
        var bytes = new byte[length];
        if (!v.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false))
            throw new ArgumentOutOfRangeException(nameof(v), "value does not fit");
        return bytes;
    }

    public static T FromBig<T>(BigInteger v) where T : unmanaged, IPrimeField<T>
    {
        if (!T.TryReadCanonicalLE(ToLE(v, T.ByteLength), out var r)) throw new ArgumentOutOfRangeException(nameof(v), "not < p");
        return r;
    }

    public static BigInteger ToBig<T>(in T a) where T : unmanaged, IPrimeField<T>
    {
        Span<byte> b = stackalloc byte[T.ByteLength];
        T.WriteCanonicalLE(a, b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: false);
    }

    public static Fp2<T> Fp2FromHex<T>(string[] c) where T : unmanaged, IPrimeField<T> =>
        new(FromBig<T>(ParseHex(c[0])), FromBig<T>(ParseHex(c[1])));

    public static byte[] FromHexBytes(string hex) => Convert.FromHexString(hex);

    /// <summary>Uniform-enough elements: 64 random bytes reduced mod p (bias &lt; 2^-128), plus edge values.</summary>
    public static Gen<T> Element<T>() where T : unmanaged, IPrimeField<T>
    {
        var p = Modulus<T>();
        var edges = new[] { T.Zero, T.One, FromBig<T>(p - 1), FromBig<T>(p - 2), FromBig<T>((p - 1) / 2) };
        return Gen.Frequency(
            (9, Gen.Byte.Array[64].Select(b => T.FromLEReduce(b))),
            (1, Gen.Int[0, edges.Length - 1].Select(i => edges[i])));
    }

    public static Gen<Fp2<T>> Fp2Element<T>() where T : unmanaged, IPrimeField<T> =>
        Gen.Select(Element<T>(), Element<T>()).Select(t => new Fp2<T>(t.Item1, t.Item2));
}
