using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Attestation.Tests.Support;

/// <summary>
/// Builds COSE_Sign1 messages by hand, written independently of the production signer, so tests can make
/// what no honest signer would: repeated labels, unknown crit, an alg that does not fit the key, a wrong kid
/// or x5t, an untagged message. Each header entry is (label, encoded CBOR value), kept in order.
/// </summary>
internal sealed class CoseForge
{
    public List<(long Label, byte[] Value)> Protected { get; } = [];
    public List<(long Label, byte[] Value)> Unprotected { get; } = [];
    public byte[] Payload { get; set; } = [];
    public bool Tagged { get; set; } = true;

    /// <summary>The header set the profile prescribes, for a leaf and chain, as the production signer writes it.</summary>
    public static CoseForge Standard(int alg, X509Certificate2[] chain, byte[] payload, long iat = 1795521600)
    {
        var f = new CoseForge { Payload = payload };
        f.Protected.Add((1, Enc(w => w.WriteInt32(alg))));
        f.Protected.Add((16, Enc(w => w.WriteTextString(AttestationProfile.Typ))));
        f.Protected.Add((4, Enc(w => w.WriteByteString(SHA256.HashData(chain[0].PublicKey.ExportSubjectPublicKeyInfo())))));
        f.Protected.Add((33, Enc(w =>
        {
            if (chain.Length == 1) { w.WriteByteString(chain[0].RawData); return; }
            w.WriteStartArray(chain.Length);
            foreach (var c in chain) w.WriteByteString(c.RawData);
            w.WriteEndArray();
        })));
        f.Protected.Add((34, Enc(w => { w.WriteStartArray(2); w.WriteInt32(-16); w.WriteByteString(SHA256.HashData(chain[0].RawData)); w.WriteEndArray(); })));
        f.Protected.Add((15, Enc(w =>
        {
            w.WriteStartMap(3);
            w.WriteInt32(1); w.WriteTextString("mailto:mallory@example.org");
            w.WriteInt32(2); w.WriteTextString("tag:coordinator.example,2026:forged");
            w.WriteInt32(6); w.WriteInt64(iat);
            w.WriteEndMap();
        })));
        return f;
    }

    public void Replace(long label, byte[] value)
    {
        int i = Protected.FindIndex(e => e.Label == label);
        Protected[i] = (label, value);
    }

    public byte[] ProtectedBytes()
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        w.WriteStartMap(Protected.Count);
        foreach (var (label, value) in Protected) { w.WriteInt64(label); w.WriteEncodedValue(value); }
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>Signs the Sig_structure with <paramref name="key"/> and <paramref name="hash"/> (r||s), optionally rewriting the signature.</summary>
    public byte[] Sign(ECDsa key, HashAlgorithmName hash, Func<byte[], byte[]>? mutateSignature = null)
    {
        byte[] prot = ProtectedBytes();
        var s = new CborWriter(CborConformanceMode.Lax);
        s.WriteStartArray(4); s.WriteTextString("Signature1"); s.WriteByteString(prot); s.WriteByteString([]); s.WriteByteString(Payload); s.WriteEndArray();
        byte[] signature = key.SignData(s.Encode(), hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        if (mutateSignature is not null) signature = mutateSignature(signature);

        var w = new CborWriter(CborConformanceMode.Lax);
        if (Tagged) w.WriteTag((CborTag)18);
        w.WriteStartArray(4);
        w.WriteByteString(prot);
        w.WriteStartMap(Unprotected.Count);
        foreach (var (label, value) in Unprotected) { w.WriteInt64(label); w.WriteEncodedValue(value); }
        w.WriteEndMap();
        w.WriteByteString(Payload);
        w.WriteByteString(signature);
        w.WriteEndArray();
        return w.Encode();
    }

    public static byte[] Enc(Action<CborWriter> write)
    {
        var w = new CborWriter(CborConformanceMode.Lax);
        write(w);
        return w.Encode();
    }
}
