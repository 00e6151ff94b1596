using System.Runtime.InteropServices;
using System.Text;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Native;

namespace PowersOfTau.Tokens.Pins;

/// <summary>
/// Reads one line of secret input from a terminal with echo switched off (termios), byte by byte straight
/// into a <see cref="SecretBuffer"/>: never Console.ReadLine, never a string. The line discipline stays
/// canonical, so the kernel still handles backspace; ECHONL keeps the cursor moving at Enter.
/// </summary>
public sealed unsafe class NoEchoTerminal
{
    private readonly int _input;
    private readonly int _output;

    /// <summary>A terminal on file descriptors <paramref name="input"/> (read) and <paramref name="output"/> (prompts).</summary>
    public NoEchoTerminal(int input, int output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>stdin for input, stderr for prompts (stdout stays clean for machine-readable output).</summary>
    public static NoEchoTerminal Standard { get; } = new(0, 2);

    /// <summary>True when the input descriptor is a terminal.</summary>
    public bool IsTerminal => Libc.isatty(_input) == 1;

    /// <summary>Writes a prompt or status text (not secret) to the output descriptor.</summary>
    public void Write(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = bytes)
        {
            nint done = 0;
            while (done < bytes.Length)
            {
                nint n = Libc.write(_output, p + done, (nuint)(bytes.Length - done));
                if (n < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                if (n <= 0) return; // the prompt is a courtesy; reading still works
                done += n;
            }
        }
    }

    /// <summary>
    /// Reads one line (without its line ending) of at most <paramref name="maxBytes"/> bytes with echo off,
    /// restoring the terminal's settings afterwards on every path (also on SIGINT).
    /// </summary>
    /// <exception cref="TerminalException">Not a terminal, input closed (EOF) or the line is longer than allowed.</exception>
    public SecretBuffer ReadLine(int maxBytes)
    {
        if (!IsTerminal)
            throw new TerminalException($"file descriptor {_input} is not a terminal; secret input is only read from a TTY with echo off (run interactively, or use a file/env source)");
        byte* saved = stackalloc byte[Libc.TermiosSize];
        byte* quiet = stackalloc byte[Libc.TermiosSize];
        if (Libc.tcgetattr(_input, saved) != 0)
            throw new TerminalException($"cannot read the terminal settings (tcgetattr errno {Marshal.GetLastPInvokeError()})");
        new ReadOnlySpan<byte>(saved, Libc.TermiosSize).CopyTo(new Span<byte>(quiet, Libc.TermiosSize));
        ref uint localFlags = ref *(uint*)(quiet + Libc.LocalFlagsOffset);
        localFlags = (localFlags & ~(Libc.ECHO | Libc.ECHOE | Libc.ECHOK)) | Libc.ECHONL | Libc.ICANON;

        int input = _input;
        byte[] savedCopy = new ReadOnlySpan<byte>(saved, Libc.TermiosSize).ToArray(); // terminal settings, not secret
        void Restore()
        {
            // Discard whatever is still unread (the rest of an over-long line, type-ahead) so that no secret
            // text is left for the next reader of this terminal, e.g. the shell after we exit.
            Libc.tcflush(input, Libc.TCIFLUSH);
            fixed (byte* s = savedCopy) Libc.tcsetattr(input, Libc.TCSANOW, s);
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Restore());
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Restore());
        if (Libc.tcsetattr(_input, Libc.TCSAFLUSH, quiet) != 0)
            throw new TerminalException($"cannot switch terminal echo off (tcsetattr errno {Marshal.GetLastPInvokeError()})");
        var line = new SecretBuffer(maxBytes + 1);
        try
        {
            Span<byte> bytes = line.Reveal();
            int length = 0;
            fixed (byte* p = bytes)
            {
                while (true)
                {
                    nint n = Libc.read(_input, p + length, 1);
                    if (n < 0 && Marshal.GetLastPInvokeError() == Libc.EINTR) continue;
                    if (n < 0) throw new TerminalException($"reading the terminal failed (errno {Marshal.GetLastPInvokeError()})");
                    if (n == 0)
                    {
                        if (length == 0) throw new TerminalException("terminal input closed (end of file) before a line was entered");
                        break;
                    }
                    // The end of the line is found by looking at each typed byte; the kernel's line discipline
                    // does the same, so this branch reveals nothing the terminal does not already.
                    if (p[length] == (byte)'\n') { p[length] = 0; break; }
                    length++;
                    if (length > maxBytes)
                        throw new TerminalException($"the line is longer than {maxBytes} bytes; type less");
                }
            }
            if (length > 0 && bytes[length - 1] == (byte)'\r') { bytes[length - 1] = 0; length--; }
            var exact = SecretBuffer.CopyOf(bytes[..length]);
            return exact;
        }
        finally
        {
            line.Dispose(); // wipes the over-sized working copy
            Restore();
        }
    }

    /// <summary>
    /// Counts UTF-8 characters (bytes that are not continuation bytes 10xxxxxx) without branching on the
    /// secret bytes, so the count can be shown to the operator.
    /// </summary>
    public static int CountCharacters(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
            count += (((b & 0xC0) ^ 0x80) + 0xFF) >> 8; // 0 for a continuation byte, 1 otherwise
        return count;
    }
}
