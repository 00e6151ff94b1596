using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using PowersOfTau.Attestation.Claims;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Show;

/// <summary>
/// Renders a decoded attestation, or a verification result, for a person (text) and for tools (JSON).
/// Bytes are lowercase hex, times ISO 8601 UTC. Rendering judges nothing: a decoded attestation that was
/// not verified says so in its first line.
/// </summary>
public static class AttestationRenderer
{
    /// <summary>The decoded attestation as aligned "name: value" lines (what <c>tau attest show</c> prints).</summary>
    public static string ToText(DecodedAttestation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var t = new StringBuilder();
        t.AppendLine("PowersOfTau contribution attestation (decoded only; run `tau attest verify` to check it)");
        WriteText(t, a);
        return t.ToString();
    }

    /// <summary>The verdict, each failure on its own line, what passed, what was skipped, then the decoded attestation.</summary>
    public static string ToText(VerificationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var t = new StringBuilder();
        t.AppendLine(CultureInfo.InvariantCulture, $"{OutcomeText(r.Outcome).ToUpperInvariant()}");
        foreach (var f in r.Failures) t.AppendLine(CultureInfo.InvariantCulture, $"  FAIL {f.Reason}: {f.Detail}");
        foreach (var p in r.Passed) t.AppendLine(CultureInfo.InvariantCulture, $"  ok   {p}");
        foreach (var s in r.Skipped) t.AppendLine(CultureInfo.InvariantCulture, $"  note {s}");
        if (r.Attestation is not null)
        {
            t.AppendLine();
            WriteText(t, r.Attestation);
        }
        return t.ToString();
    }

    /// <summary>The decoded attestation as an indented JSON object.</summary>
    public static string ToJson(DecodedAttestation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return Json(w => WriteJson(w, a));
    }

    /// <summary>{"outcome", "exitCode", "failures": [{"reason","detail"}], "passed", "skipped", "attestation"}.</summary>
    public static string ToJson(VerificationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("outcome", OutcomeText(r.Outcome));
            w.WriteNumber("exitCode", r.ExitCode);
            w.WriteStartArray("failures");
            foreach (var f in r.Failures)
            {
                w.WriteStartObject();
                w.WriteString("reason", f.Reason.ToString());
                w.WriteString("detail", f.Detail);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            StringArray(w, "passed", r.Passed);
            StringArray(w, "skipped", r.Skipped);
            if (r.Attestation is null) w.WriteNull("attestation");
            else { w.WritePropertyName("attestation"); WriteJson(w, r.Attestation); }
            w.WriteEndObject();
        });
    }

    private static string OutcomeText(VerificationOutcome o) => o switch
    {
        VerificationOutcome.Valid => "valid",
        VerificationOutcome.Invalid => "invalid",
        _ => "unreadable",
    };

    private static void WriteText(StringBuilder t, DecodedAttestation a)
    {
        void Line(string name, string? value) => t.AppendLine(CultureInfo.InvariantCulture, $"{name,-28}{value ?? "(missing)"}");
        Line("message SHA-256", Hex(a.MessageSha256));
        Line("COSE tag", a.Tag?.ToString(CultureInfo.InvariantCulture) ?? "(untagged)");
        Line("alg", a.Algorithm is null ? null : $"{a.Algorithm} ({a.AlgorithmName})");
        Line("typ", a.Typ);
        Line("kid", a.Kid is null ? null : Hex(a.Kid));
        Line("x5t (SHA-256 of leaf)", a.X5tSha256 is null ? null : Hex(a.X5tSha256));
        Line("iss (contributor)", a.Issuer);
        Line("sub (contribution)", a.Subject);
        Line("iat (signed at)", a.IssuedAt is null ? null : Time(a.IssuedAt.Value));
        if (a.Cti is not null) Line("cti", Hex(a.Cti));
        if (a.Critical.Count > 0) Line("crit", string.Join(", ", a.Critical));
        if (a.UnprotectedLabels.Count > 0) Line("unprotected labels", string.Join(", ", a.UnprotectedLabels));
        for (int i = 0; i < a.Certificates.Count; i++)
        {
            var c = a.Certificates[i];
            Line($"x5chain[{i}]{(i == 0 ? " (leaf)" : "")}", c.Subject);
            Line("  issuer", c.Issuer);
            Line("  valid", $"{Time(c.NotBefore.ToUniversalTime())} .. {Time(c.NotAfter.ToUniversalTime())}");
            Line("  key", KeyText(c));
            Line("  SHA-256", Hex(SHA256.HashData(c.RawData)));
        }
        if (a.Claims is not { } k)
        {
            Line("claims", "(unreadable) " + a.ClaimsError);
        }
        else
        {
            Line("eat_profile", k.Profile);
            Line("ceremony.id", k.Ceremony.Id);
            Line("ceremony.kind", k.Ceremony.Kind.ToText());
            Line("ceremony.curve", k.Ceremony.Curve);
            if (k.Ceremony.Power is ulong p) Line("ceremony.power", p.ToString(CultureInfo.InvariantCulture));
            Line("ceremony.index", k.Ceremony.Index.ToString(CultureInfo.InvariantCulture));
            if (k.Ceremony.R1cs is not null) DigestLines(Line, "r1cs", k.Ceremony.R1cs);
            DigestLines(Line, "input", k.Input);
            DigestLines(Line, "output", k.Output);
            Line("contribution-hash", Hex(k.ContributionHash));
            Line("pubkey", $"{k.PublicKey.Length} bytes, SHA-256 {Hex(SHA256.HashData(k.PublicKey))}");
            for (int i = 0; i < k.Entropy.Count; i++)
            {
                var e = k.Entropy[i];
                Line($"entropy[{i}]", $"{e.Kind}{(e.Device is null ? "" : " on " + e.Device)}, {e.ByteCount} bytes, {(e.Hardware ? "hardware" : "not hardware")}");
            }
            Line("insecure-test-randomness", k.InsecureTestRandomness ? "TRUE (a fixed test seed: worthless for a real ceremony)" : "false");
            var s = k.Signer;
            Line("signer token", $"serial {s.Serial} via {s.Interface}"
                + (s.HwModel is null ? "" : $", model {s.HwModel}") + (s.HwVersion is null ? "" : $", firmware {s.HwVersion}")
                + (s.OemId is null ? "" : $", oemid {s.OemId}") + (s.Slot is null ? "" : $", slot {s.Slot}"));
            Line("software", $"{k.Software.Name} {k.Software.Version}");
            if (k.Ueid is not null) Line("ueid (appliance)", Hex(k.Ueid));
            if (k.Nonce is not null) Line("eat_nonce", Hex(k.Nonce));
        }
        Line("signature", $"{a.Signature.Length} bytes r||s {Hex(a.Signature)}");
    }

    private static void DigestLines(Action<string, string?> line, string what, DigestSet d)
    {
        line($"{what} SHA-256", Hex(d.Sha256));
        line($"{what} BLAKE2b-512", d.Blake2b512 is null ? "(not given)" : Hex(d.Blake2b512));
    }

    private static void WriteJson(Utf8JsonWriter w, DecodedAttestation a)
    {
        w.WriteStartObject();
        w.WriteString("messageSha256", Hex(a.MessageSha256));
        if (a.Tag is ulong tag) w.WriteNumber("tag", tag); else w.WriteNull("tag");
        w.WriteStartObject("protected");
        if (a.Algorithm is long alg) w.WriteNumber("alg", alg); else w.WriteNull("alg");
        w.WriteString("algName", a.AlgorithmName);
        w.WriteString("typ", a.Typ);
        w.WriteString("kid", a.Kid is null ? null : Hex(a.Kid));
        w.WriteStartArray("x5chain");
        foreach (var c in a.Certificates)
        {
            w.WriteStartObject();
            w.WriteString("subject", c.Subject);
            w.WriteString("issuer", c.Issuer);
            w.WriteString("serialNumber", c.SerialNumber.ToLowerInvariant());
            w.WriteString("notBefore", Time(c.NotBefore.ToUniversalTime()));
            w.WriteString("notAfter", Time(c.NotAfter.ToUniversalTime()));
            w.WriteString("key", KeyText(c));
            w.WriteString("sha256", Hex(SHA256.HashData(c.RawData)));
            w.WriteString("der", Convert.ToBase64String(c.RawData));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("x5tSha256", a.X5tSha256 is null ? null : Hex(a.X5tSha256));
        w.WriteStartObject("cwtClaims");
        w.WriteString("iss", a.Issuer);
        w.WriteString("sub", a.Subject);
        if (a.IssuedAt is DateTimeOffset iat) { w.WriteNumber("iat", iat.ToUnixTimeSeconds()); w.WriteString("iatUtc", Time(iat)); }
        else w.WriteNull("iat");
        if (a.Cti is not null) w.WriteString("cti", Hex(a.Cti));
        w.WriteEndObject();
        StringArray(w, "crit", a.Critical);
        w.WriteEndObject();
        StringArray(w, "unprotectedLabels", a.UnprotectedLabels);
        if (a.Claims is not { } k)
        {
            w.WriteNull("claims");
            w.WriteString("claimsError", a.ClaimsError);
        }
        else
        {
            w.WriteStartObject("claims");
            w.WriteString("eat_profile", k.Profile);
            if (k.Ueid is not null) w.WriteString("ueid", Hex(k.Ueid));
            if (k.Nonce is not null) w.WriteString("eat_nonce", Hex(k.Nonce));
            w.WriteString("swname", k.Software.Name);
            w.WriteString("swversion", k.Software.Version);
            w.WriteStartObject("signer");
            w.WriteString("serial", k.Signer.Serial);
            w.WriteString("interface", k.Signer.Interface);
            if (k.Signer.OemId is long oem) w.WriteNumber("oemid", oem);
            if (k.Signer.HwModel is not null) w.WriteString("hwmodel", k.Signer.HwModel);
            if (k.Signer.HwVersion is not null) w.WriteString("hwversion", k.Signer.HwVersion);
            if (k.Signer.Slot is not null) w.WriteString("slot", k.Signer.Slot);
            w.WriteEndObject();
            w.WriteStartObject("ceremony");
            w.WriteString("id", k.Ceremony.Id);
            w.WriteString("kind", k.Ceremony.Kind.ToText());
            w.WriteString("curve", k.Ceremony.Curve);
            w.WriteNumber("index", k.Ceremony.Index);
            if (k.Ceremony.Power is ulong p) w.WriteNumber("power", p);
            if (k.Ceremony.R1cs is not null) DigestJson(w, "r1cs", k.Ceremony.R1cs);
            w.WriteEndObject();
            DigestJson(w, "input", k.Input);
            DigestJson(w, "output", k.Output);
            w.WriteString("contribution-hash", Hex(k.ContributionHash));
            w.WriteString("pubkey", Hex(k.PublicKey));
            w.WriteStartArray("entropy");
            foreach (var e in k.Entropy)
            {
                w.WriteStartObject();
                w.WriteString("kind", e.Kind);
                if (e.Device is not null) w.WriteString("device", e.Device);
                w.WriteNumber("bytes", e.ByteCount);
                w.WriteBoolean("hardware", e.Hardware);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteBoolean("insecure-test-randomness", k.InsecureTestRandomness);
            w.WriteEndObject();
        }
        w.WriteString("signature", Hex(a.Signature));
        w.WriteEndObject();
    }

    private static void DigestJson(Utf8JsonWriter w, string name, DigestSet d)
    {
        w.WriteStartObject(name);
        w.WriteString("sha-256", Hex(d.Sha256));
        if (d.Blake2b512 is not null) w.WriteString("blake2b-512", Hex(d.Blake2b512));
        w.WriteEndObject();
    }

    private static void StringArray(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items) w.WriteStringValue(s);
        w.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(w);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static string KeyText(X509Certificate2 c)
    {
        using var ec = c.GetECDsaPublicKey();
        if (ec is null) return c.PublicKey.Oid.FriendlyName ?? c.PublicKey.Oid.Value ?? "unknown";
        var algorithm = Signing.ProfileAlgorithm.FromCurve(ec.ExportParameters(false).Curve);
        return algorithm is null ? $"EC {Signing.ProfileAlgorithm.Describe(ec.ExportParameters(false).Curve)}" : $"EC {algorithm.CurveName}";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
