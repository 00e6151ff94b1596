using System.Text;
using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// The <c>-e TEXT</c> of snarkjs's contribute verbs. The text already sits in argv and in a .NET string (the
/// command line parser made it), so it is not secret the way terminal input is; it is copied into secret
/// memory for uniform handling and reported as <see cref="EntropyKinds.CommandLineText"/>, apart from typed
/// terminal input. Like operator text, it is appended after the mixed seed, not mixed.
/// </summary>
public sealed class CommandLineTextEntropySource(string text) : IEntropySource
{
    /// <inheritdoc/>
    public string Kind => EntropyKinds.CommandLineText;

    /// <summary>Returns the UTF-8 text (at most <paramref name="byteCount"/> bytes).</summary>
    /// <exception cref="EntropyException">The text is empty or longer than allowed.</exception>
    public EntropySample Draw(int byteCount)
    {
        if (text.Length == 0) throw new EntropyException("-e: the entropy text is empty");
        int length = Encoding.UTF8.GetByteCount(text);
        if (length > byteCount) throw new EntropyException($"-e: the entropy text is {length} bytes, at most {byteCount} are accepted");
        var buffer = new SecretBuffer(length);
        Encoding.UTF8.GetBytes(text, buffer.Reveal());
        return new EntropySample(new EntropyReport(Kind, "command line (-e)", length, Hardware: false), buffer);
    }
}
