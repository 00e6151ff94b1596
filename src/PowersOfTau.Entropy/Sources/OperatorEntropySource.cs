using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Pins;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// Text the operator types at the terminal, echo off, read byte by byte into secret memory (never a string).
/// Shows how many characters were read. Empty input is asked again, and refused after three tries.
/// The text is not mixed: it is appended after the mixed seed exactly as snarkjs appends its -e text
/// (spec/ptau.md §6; <see cref="Mixing.MixedEntropy.DeriveSnarkjsDigest"/>).
/// </summary>
public sealed class OperatorEntropySource(NoEchoTerminal? terminal = null) : IEntropySource
{
    /// <summary>How many empty answers are accepted before giving up.</summary>
    public const int MaxAttempts = 3;

    private readonly NoEchoTerminal _terminal = terminal ?? NoEchoTerminal.Standard;

    /// <inheritdoc/>
    public string Kind => EntropyKinds.Operator;

    /// <summary>Reads up to <paramref name="byteCount"/> bytes of typed text.</summary>
    /// <exception cref="EntropyException">No terminal, input closed, too long, or empty three times.</exception>
    public EntropySample Draw(int byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteCount);
        if (!_terminal.IsTerminal)
            throw new EntropyException("operator entropy: stdin is not a terminal; run interactively, or drop the operator source (-e TEXT is marked as such in the attestation)");
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            _terminal.Write(attempt == 1
                ? "Type some random text, then Enter (not echoed): "
                : $"Nothing was typed. Type some random text, then Enter (attempt {attempt} of {MaxAttempts}): ");
            SecretBuffer text;
            try
            {
                text = _terminal.ReadLine(byteCount);
            }
            catch (TerminalException e)
            {
                throw new EntropyException($"operator entropy: {e.Message}", e);
            }
            if (text.Length == 0)
            {
                text.Dispose();
                continue;
            }
            int characters = NoEchoTerminal.CountCharacters(text.Reveal());
            _terminal.Write($"({characters} characters read)\n");
            return new EntropySample(new EntropyReport(Kind, "operator keyboard (tty, no echo)", text.Length, Hardware: false), text);
        }
        throw new EntropyException($"operator entropy: nothing was typed {MaxAttempts} times; giving up");
    }
}
