namespace PowersOfTau.Appliance.SelfCheck;

/// <summary>
/// Known answers compiled into the executable, copied from tests/oracle/vectors/curves.json (made by
/// tests/oracle/gen-curve-vectors.js with ffjavascript 0.3.1 and @noble/curves 1.9.7): for each group the last
/// entry of "scalarMults" (a random 254/255-bit k) and the first of "offSubgroup". A test checks these copies
/// against the vector file.
/// </summary>
public static class KnownAnswers
{
    public static GroupVector Bn128G1 { get; } = new("bn128 G1",
        "0x5fe80d2286b397da5d9493b7684e3e9e94eef6b306dadc6e0e5dba53744b6fa",
        "28d04f4e0f0b4da2d2a9e3a615b3c150b15357107a76309714191da3837fd7c920d7e279bffd6122784cde0bbbb3a3145eecdf8a7d9959daddf8256261bf2c9e",
        null);

    public static GroupVector Bn128G2 { get; } = new("bn128 G2",
        "0xe5c1062cbce2df9793cf8133dd98a18364d0b0caab5e4976ddc3547ddad916",
        "28bfa18041942ab2e301515654390fb0657fa7dde59ecd271fa9885591aa44fe1c984b219ef653e44b9c173f25d56e2c7982ddda752d395298aa90e2888b3edc0fcbb2d32234ace206a0208e5777df5cec033de5ea72b3fe0ba14a41177742a9166543546baea4182ff7935e64e4b7915fc7ccd276f070754608f47a1cd0cf6b",
        "00f5bf08e91b5c06ab2260767007037178c3ba15d628172e4b976bb3a2207d6003ad17a2c104f132672ace883628868baeabcee2de0b06abef51558ec710bc2e2b8ccf582540f09c6c3cda3819912af8420e3d774b805e231be21372ef51273e00965d8750a9c783bafd38d4fadefeda8da5fc36a5fb912a5058d513ace2dd9b");

    public static GroupVector Bls12381G1 { get; } = new("bls12381 G1",
        "0x641e4db2cb930ebfa0575edfd6dcf816f69996ab9e4437d8513ac1849c29efe2",
        "18f00a795ecb7f0a088b0b8eaf2d398eb55f5a2cd997d2a321d25c12294fdffde2f053b6226cbbdaddb7f55e9ff0c617018521981f3a64697df70259376f0216fa99f220331302f7fe1cfb085030bf45215c916688381d0786b2731f2ccf73de",
        "19ee462fef7d4e2d5865182923bcb2df357c64c02b8ad5a10065c5697d2a57f11ee23f595d5eaa1300dbf3c143d40bd10c8c8bec39088ea9e04ce2f0e1690de9a5acd8bac6e8d5c4e1f618c81e895838fb29d8d91001fe8309c351fcb92dad20");

    public static GroupVector Bls12381G2 { get; } = new("bls12381 G2",
        "0x138056ead5a8e12ac2854aa598a45cb9a3be9fbc05438543d749677d8dc2bbb4",
        "10851b23e1a621ed323dd840df4ad65586f500e49c7004f00d50e8fb1102ac50a86ed372a2ec3c3847b4805f29a8812912a6d497198f79d12492dcb6197c97151de08154efb894803fac5fc97264a94c475f76493d6b5bf6c6c77fe6e2d916200704c860c4a85f31f3d7130b7772242e4ade160753ecfd59d199afe6c655d49ca1de617144d45b1929e014e796438aa1068ee0716d6ddd4a754d1465beb1bc9d3639b00998d450eb73d5a029c2beb933d62ecdee20310203b4addb77f86deff5",
        "00c18f65e120ee5dd589a5e25c1fb5cd55dc0941f1d00bfd1103994dde392a9d71c44198a7116176acf9ac2544a4197000f7a5ba2a6cd50fd28657048d0c8e2adc7141717ef13a3f791019b7541e1517fc111263d2bd6a4d9ab014290731144211680d14089077c7b39825bcb6da556d0b21bf608c3ef35da188b3c3fc4d9723ac96dc5a79be5aead200d9c833c8cc8a159030f54d9a2ec00a2ab237b9cce4ca950d2a541e42f669182686dca3e191338806ca8e55e2d675af1af5b715bc900e");

    /// <summary>The four groups, in the vector file's order.</summary>
    public static IReadOnlyList<GroupVector> All { get; } = [Bn128G1, Bn128G2, Bls12381G1, Bls12381G2];
}
