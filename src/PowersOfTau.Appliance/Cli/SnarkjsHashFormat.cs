using System.Buffers.Binary;
using System.Text;

namespace PowersOfTau.Appliance.Cli;

/// <summary>
/// Hashes printed the way snarkjs 0.7.6 prints them (misc.formatHash): the title on its own line, then four
/// lines of four big-endian 32-bit words in hex, each line indented by two tabs. Ceremony guides tell
/// contributors to compare these lines, so they are kept exactly.
/// </summary>
public static class SnarkjsHashFormat
{
    /// <summary>"title\n\t\txxxxxxxx xxxxxxxx xxxxxxxx xxxxxxxx\n…" for a 64-byte hash.</summary>
    public static string Format(string title, ReadOnlySpan<byte> hash)
    {
        if (hash.Length != 64) throw new ArgumentException($"a snarkjs hash is 64 bytes, got {hash.Length}", nameof(hash));
        var sb = new StringBuilder(title);
        for (int line = 0; line < 4; line++)
        {
            sb.Append('\n').Append("\t\t");
            for (int word = 0; word < 4; word++)
            {
                if (word > 0) sb.Append(' ');
                sb.Append(BinaryPrimitives.ReadUInt32BigEndian(hash.Slice(line * 16 + word * 4, 4)).ToString("x8"));
            }
        }
        return sb.ToString();
    }
}
