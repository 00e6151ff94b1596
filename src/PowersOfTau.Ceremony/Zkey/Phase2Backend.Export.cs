using System.Numerics;
using System.Text;
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
        var json = new JsonObject
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
        var sb = new StringBuilder();
        WriteJson(sb, json, 0);
        return sb.ToString();
    }

    private sealed class JsonObject : List<KeyValuePair<string, object>>
    {
        public object this[string key] { set => Add(new(key, value)); }
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

    private static void WriteJson(StringBuilder sb, object value, int level)
    {
        string Indent(int l) => new(' ', l);
        switch (value)
        {
            case string s:
                sb.Append('"').Append(s).Append('"');
                break;
            case int n:
                sb.Append(n.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonObject o:
                sb.Append("{\n");
                for (int k = 0; k < o.Count; k++)
                {
                    sb.Append(Indent(level + 1)).Append('"').Append(o[k].Key).Append("\": ");
                    WriteJson(sb, o[k].Value, level + 1);
                    sb.Append(k + 1 < o.Count ? ",\n" : "\n");
                }
                sb.Append(Indent(level)).Append('}');
                break;
            case object[] a:
                sb.Append("[\n");
                for (int k = 0; k < a.Length; k++)
                {
                    sb.Append(Indent(level + 1));
                    WriteJson(sb, a[k], level + 1);
                    sb.Append(k + 1 < a.Length ? ",\n" : "\n");
                }
                sb.Append(Indent(level)).Append(']');
                break;
            default:
                throw new InvalidOperationException($"no JSON form for {value.GetType().Name}");
        }
    }
}
