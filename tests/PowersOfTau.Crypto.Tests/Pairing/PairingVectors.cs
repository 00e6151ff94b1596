using System.Numerics;
using System.Text.Json;
using PowersOfTau.Testing;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Crypto.Tests.Pairing;

/// <summary>
/// Reads tests/oracle/vectors/pairing.json (written by tests/oracle/gen-pairing-vectors.js from
/// ffjavascript 0.3.1 and @noble/curves 1.9.7, which agree on every value). Fp12 values are 12 canonical
/// decimal integers in the order c0.c0.c0, c0.c0.c1, c0.c1.c0, …, c1.c2.c1.
/// </summary>
internal static class PairingVectors
{
    private static readonly Lazy<JsonDocument> Document =
        new(() => JsonDocument.Parse(File.ReadAllText(RepoPaths.Vectors("pairing.json"))));

    public static JsonElement Curve(string name) => Document.Value.RootElement.GetProperty(name);

    public static BigInteger Integer(JsonElement e) => BigInteger.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static TFp Fp<TFp>(JsonElement e) where TFp : unmanaged, IPrimeField<TFp> => Fp<TFp>(Integer(e));

    public static TFp Fp<TFp>(BigInteger v) where TFp : unmanaged, IPrimeField<TFp>
    {
        var bytes = new byte[TFp.ByteLength];
        v.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        Assert.True(TFp.TryReadCanonicalLE(bytes, out var r), "vector value not below p");
        return r;
    }

    public static Fp2<TFp> Fp2<TFp>(JsonElement pair) where TFp : unmanaged, IPrimeField<TFp> =>
        new(Fp<TFp>(pair[0]), Fp<TFp>(pair[1]));

    public static PairingG1Input<TFp> G1<TFp>(JsonElement point) where TFp : unmanaged, IPrimeField<TFp> =>
        new(Fp<TFp>(point[0]), Fp<TFp>(point[1]));

    public static PairingG2Input<TFp> G2<TFp>(JsonElement point) where TFp : unmanaged, IPrimeField<TFp> =>
        new(Fp2<TFp>(point[0]), Fp2<TFp>(point[1]));

    public static Fp12<TFp, TTower> Fp12<TFp, TTower>(JsonElement flat)
        where TFp : unmanaged, IPrimeField<TFp>
        where TTower : ITowerParameters<TFp>
    {
        Assert.Equal(12, flat.GetArrayLength());
        var c = new Fp2<TFp>[6];
        for (int i = 0; i < 6; i++)
        {
            c[i] = new Fp2<TFp>(Fp<TFp>(flat[2 * i]), Fp<TFp>(flat[2 * i + 1]));
        }

        return new(new Fp6<TFp, TTower>(c[0], c[1], c[2]), new Fp6<TFp, TTower>(c[3], c[4], c[5]));
    }
}
