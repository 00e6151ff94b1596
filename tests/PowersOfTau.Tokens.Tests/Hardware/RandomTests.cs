using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Sessions;
using PowersOfTau.Tokens.Testing;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Tests.Hardware;

[Collection(HardwareCollection.Name)]
public sealed class RandomTests(HardwareTokens tokens)
{
    private static bool AllZero(ReadOnlySpan<byte> s) => !s.ContainsAnyExcept((byte)0);

    [Fact]
    public void SoftHsm_fills_secret_memory()
    {
        using var s = TokenSession.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri()));
        using SecretBuffer a = s.GenerateRandom(64), b = s.GenerateRandom(64);
        Assert.Equal(64, a.Length);
        Assert.False(AllZero(a.Reveal()));
        Assert.False(a.Reveal().SequenceEqual(b.Reveal()));
    }

    [Fact]
    public void Tpm_answers_more_than_its_64_byte_maximum_per_TPM2_GetRandom()
    {
        using var s = TokenSession.Open(Pkcs11Uri.Parse(tokens.TpmUri()));
        Assert.True(s.HasRng);
        using var r = s.GenerateRandom(200);
        var bytes = r.Reveal();
        for (int i = 0; i + 64 <= 200; i += 64) Assert.False(AllZero(bytes.Slice(i, 64)));
        Assert.False(AllZero(bytes[192..])); // the 8-byte tail of the fourth TPM2_GetRandom
        Assert.False(bytes[..64].SequenceEqual(bytes[64..128]));
    }

    [Fact]
    public void Tpm2_pkcs11_splits_one_C_GenerateRandom_into_64_byte_TPM2_GetRandom_commands()
    {
        using var s = TokenSession.Open(Pkcs11Uri.Parse(tokens.TpmUri()));
        long before = new FileInfo(tokens.SwtpmLog).Length;
        using (var r = s.GenerateRandom(130)) Assert.Equal(130, r.Length);
        List<int> requests = [];
        for (int i = 0; i < 100 && requests.Sum() < 130; i++) { Thread.Sleep(10); requests = tokens.TpmGetRandomRequests(before); }
        Assert.Equal([64, 64, 2], requests);
    }

    [Fact]
    public void Small_chunks_fill_every_byte()
    {
        using var s = TokenSession.Open(Pkcs11Uri.Parse(tokens.SoftHsmUri()));
        using var r = new SecretBuffer(98);
        s.GenerateRandom(r.Reveal(), chunkBytes: 7);
        // 14 calls of 7 bytes: every chunk must have been written (all-zero by chance: 2^-56 each).
        for (int i = 0; i < 98; i += 7) Assert.False(AllZero(r.Reveal().Slice(i, 7)), $"chunk at {i} not written");
    }
}
