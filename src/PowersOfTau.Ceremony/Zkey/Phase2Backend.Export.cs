using System.Numerics;
using PowersOfTau.Crypto.Curves;
using PowersOfTau.Crypto.Fields;
using PowersOfTau.Crypto.Pairing;

namespace PowersOfTau.Ceremony.Zkey;

internal sealed partial class Phase2Backend<TFq, TFr, TTower, TG1, TG2, TPair>
{
    public override string VerificationKeyJson(ZkeyFile zkey)
    {
        string f = zkey.FileName;
        var h = zkey.Header;
        var alpha1 = DecodeG1(h.AlphaG1, f, ZkeySections.Groth16Header, "vk_alpha_1");
        var beta2 = DecodeG2(h.BetaG2, f, ZkeySections.Groth16Header, "vk_beta_2");
        var gamma2 = DecodeG2(h.GammaG2, f, ZkeySections.Groth16Header, "vk_gamma_2");
        var delta2 = DecodeG2(h.DeltaG2, f, ZkeySections.Groth16Header, "vk_delta_2");
        var icBytes = zkey.ReadWholeSection(ZkeySections.IC);
        var ic = new AffinePoint<TFq, TG1>[h.NPublic + 1];
        DecodeManyG1(icBytes, ic, f, ZkeySections.IC, 0);
        var alphaBeta = OptimalAtePairing<TFq, TTower, TPair>.Pair(PairingInput(alpha1), PairingInput(beta2));

        // spec/zkey.md §6: keys in this order, bfj's one-space indentation, no trailing newline.
        var json = new SnarkjsJsonObject
        {
            ["protocol"] = "groth16",
            ["curve"] = Curve.Name,
            ["nPublic"] = (int)h.NPublic,
            ["vk_alpha_1"] = G1Json(alpha1),
            ["vk_beta_2"] = G2Json(beta2),
            ["vk_gamma_2"] = G2Json(gamma2),
            ["vk_delta_2"] = G2Json(delta2),
            ["vk_alphabeta_12"] = new object[]
            {
                Fp6Json(alphaBeta.c0),
                Fp6Json(alphaBeta.c1),
            },
            ["IC"] = ic.Select(p => (object)G1Json(p)).ToArray(),
        };
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        SnarkjsJson.Write(text, json);
        return text.ToString();
    }

    private static string Decimal(in TFq value)
    {
        Span<byte> le = stackalloc byte[TFq.ByteLength];
        TFq.WriteCanonicalLE(value, le);
        return new BigInteger(le, isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object[] Fp2Json(in Fp2<TFq> v) => [Decimal(v.c0), Decimal(v.c1)];

    private static object[] Fp6Json(in Fp6<TFq, TTower> v) => [Fp2Json(v.c0), Fp2Json(v.c1), Fp2Json(v.c2)];

    /// <summary>ffjavascript G1.toObject of an affine point: [x, y, "1"]; the identity is ["0", "1", "0"].</summary>
    private static object[] G1Json(AffinePoint<TFq, TG1> p) =>
        p.IsInfinity ? ["0", "1", "0"] : [Decimal(p.X), Decimal(p.Y), "1"];

    private static object[] G2Json(AffinePoint<Fp2<TFq>, TG2> p) =>
        p.IsInfinity ? [new object[] { "0", "0" }, new object[] { "1", "0" }, new object[] { "0", "0" }]
            : [Fp2Json(p.X), Fp2Json(p.Y), new object[] { "1", "0" }];

    public override void WriteZkeyJson(ZkeyFile zkey, TextWriter writer)
    {
        string f = zkey.FileName;
        var h = zkey.Header;
        var curve = Curve;
        var json = new SnarkjsJsonObject
        {
            ["protocol"] = "groth16",
            ["n8q"] = curve.N8q,
            ["q"] = curve.Q.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["n8r"] = ScalarField.N8r,
            ["r"] = new BigInteger(ScalarField.ModulusLE(curve), isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["nVars"] = h.NVars,
            ["nPublic"] = h.NPublic,
            ["domainSize"] = h.DomainSize,
            ["power"] = h.Power,
            ["vk_alpha_1"] = G1Json(DecodeG1(h.AlphaG1, f, ZkeySections.Groth16Header, "vk_alpha_1")),
            ["vk_beta_1"] = G1Json(DecodeG1(h.BetaG1, f, ZkeySections.Groth16Header, "vk_beta_1")),
            ["vk_beta_2"] = G2Json(DecodeG2(h.BetaG2, f, ZkeySections.Groth16Header, "vk_beta_2")),
            ["vk_gamma_2"] = G2Json(DecodeG2(h.GammaG2, f, ZkeySections.Groth16Header, "vk_gamma_2")),
            ["vk_delta_1"] = G1Json(DecodeG1(h.DeltaG1, f, ZkeySections.Groth16Header, "vk_delta_1")),
            ["vk_delta_2"] = G2Json(DecodeG2(h.DeltaG2, f, ZkeySections.Groth16Header, "vk_delta_2")),
            ["IC"] = G1Section(zkey, ZkeySections.IC),
            ["ccoefs"] = Coefficients(zkey),
            ["A"] = G1Section(zkey, ZkeySections.A),
            ["B1"] = G1Section(zkey, ZkeySections.B1),
            ["B2"] = G2Section(zkey),
            // snarkjs fills C[nPublic+1 .. nVars−1]; the lower indices of the JS array are holes, written as null.
            ["C"] = Enumerable.Repeat<object?>(null, (int)h.NPublic + 1).Concat(G1Section(zkey, ZkeySections.L)),
            ["hExps"] = G1Section(zkey, ZkeySections.H),
        };
        SnarkjsJson.Write(writer, json);
    }

    private IEnumerable<object?> G1Section(ZkeyFile zkey, int id)
    {
        var section = zkey.Section(id);
        long count = section.Size / Curve.G1Size;
        const int chunk = 1 << 14;
        for (long first = 0; first < count; first += chunk)
        {
            int n = (int)Math.Min(chunk, count - first);
            var bytes = new byte[n * Curve.G1Size];
            zkey.Container.ReadSection(section, first * Curve.G1Size, bytes);
            var points = new AffinePoint<TFq, TG1>[n];
            DecodeManyG1(bytes, points, zkey.FileName, id, first);
            foreach (var p in points) yield return G1Json(p);
        }
    }

    private IEnumerable<object?> G2Section(ZkeyFile zkey)
    {
        var section = zkey.Section(ZkeySections.B2);
        long count = section.Size / Curve.G2Size;
        const int chunk = 1 << 13;
        for (long first = 0; first < count; first += chunk)
        {
            int n = (int)Math.Min(chunk, count - first);
            var bytes = new byte[n * Curve.G2Size];
            zkey.Container.ReadSection(section, first * Curve.G2Size, bytes);
            var points = new AffinePoint<Fp2<TFq>, TG2>[n];
            DecodeManyG2(bytes, points, zkey.FileName, ZkeySections.B2, first);
            foreach (var p in points) yield return G2Json(p);
        }
    }

    /// <summary>Section 4 entries with the value divided by R² (stored "double Montgomery", spec/zkey.md §1).</summary>
    private static IEnumerable<object?> Coefficients(ZkeyFile zkey)
    {
        var rSquaredInverse = TFr.Pow(TFr.FromUInt64(2), [256]);
        rSquaredInverse = rSquaredInverse * rSquaredInverse;
        TFr.InverseVartime(rSquaredInverse, out rSquaredInverse);
        var section = zkey.Section(ZkeySections.Coefficients);
        var entry = new byte[ZkeyFile.Coefficient.Size];
        for (long k = 0; k < zkey.CoefficientCount; k++)
        {
            zkey.Container.ReadSection(section, 4 + k * entry.Length, entry);
            // The stored integer may be any 32-byte value; snarkjs reduces it modulo r before multiplying.
            var stored = TFr.FromLEReduce(entry.AsSpan(12));
            Span<byte> value = stackalloc byte[ScalarField.N8r];
            TFr.WriteCanonicalLE(stored * rSquaredInverse, value);
            yield return new SnarkjsJsonObject
            {
                ["matrix"] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(entry),
                ["constraint"] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4)),
                ["signal"] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(8)),
                ["value"] = new BigInteger(value, isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }
}
