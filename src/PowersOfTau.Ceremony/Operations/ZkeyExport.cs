using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Zkey;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>zkey export verificationkey &lt;circuit.zkey&gt; &lt;verification_key.json&gt;</c> (spec/zkey.md §6): the JSON
/// snarkjs 0.7.6 writes, byte for byte (including vk_alphabeta_12 = e(α, β)). Every point is decoded with checks.
/// </summary>
public static class ZkeyExport
{
    /// <summary>The verification key JSON of <paramref name="zkeyPath"/>.</summary>
    /// <exception cref="Errors.CeremonyFormatException">The zkey is unreadable or holds an invalid point.</exception>
    public static string VerificationKeyJson(string zkeyPath)
    {
        using var zkey = ZkeyFile.Open(zkeyPath);
        return Phase2Backend.For(zkey.Header.Curve).VerificationKeyJson(zkey);
    }

    /// <summary>Writes the verification key JSON to <paramref name="jsonPath"/> atomically (UTF-8, no BOM, no trailing newline).</summary>
    public static void WriteVerificationKey(string zkeyPath, string jsonPath, bool overwrite = false)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(VerificationKeyJson(zkeyPath));
        AtomicFileWriter.Write(jsonPath, stream => stream.Write(bytes), overwrite, [zkeyPath]);
    }

    /// <summary>
    /// <c>zkey export json &lt;circuit.zkey&gt; &lt;zkey.json&gt;</c>: every section but 10 as decimal strings, the JSON
    /// snarkjs 0.7.6 writes byte for byte (spec/zkey.md §6), streamed to <paramref name="jsonPath"/> atomically.
    /// </summary>
    /// <exception cref="Errors.CeremonyFormatException">The zkey is unreadable or holds an invalid point.</exception>
    public static void WriteZkeyJson(string zkeyPath, string jsonPath, bool overwrite = false)
    {
        using var zkey = ZkeyFile.Open(zkeyPath);
        var backend = Phase2Backend.For(zkey.Header.Curve);
        AtomicFileWriter.Write(jsonPath, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            backend.WriteZkeyJson(zkey, writer);
        }, overwrite, [zkeyPath]);
    }
}
