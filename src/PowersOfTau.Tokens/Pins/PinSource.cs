using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Native;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Pins;

/// <summary>
/// Where a token PIN comes from: a file, an environment variable, or a no-echo terminal prompt. Never argv,
/// never a URI's pin-value. Every source returns the PIN in a <see cref="SecretBuffer"/> that the caller
/// disposes right after C_Login.
/// </summary>
public abstract class PinSource
{
    /// <summary>Longest PIN accepted (bytes). PKCS#11 tokens allow far less; this only bounds reading.</summary>
    public const int MaxPinBytes = 256;

    /// <summary>What the source is, for messages (a path or variable name, never the PIN).</summary>
    public abstract string Description { get; }

    /// <summary>Reads the PIN for the token <paramref name="tokenLabel"/> into fresh secret memory.</summary>
    /// <exception cref="TokenException">The PIN cannot be read, or is empty or too long.</exception>
    public abstract SecretBuffer ReadPin(string tokenLabel);

    /// <summary>
    /// The first line of a file (the trailing newline is dropped). The file must not be readable or writable by
    /// "others" (mode 0600, 0400 or 0640 are fine), like ssh's rule for private keys.
    /// </summary>
    public static PinSource FromFile(string path) => new FilePinSource(path);

    /// <summary>An environment variable, read from the native environment into secret memory.</summary>
    public static PinSource FromEnvironment(string name) => new EnvironmentPinSource(name);

    /// <summary>A prompt on the terminal (stdin), echo off.</summary>
    public static PinSource FromTerminal(NoEchoTerminal? terminal = null) => new TerminalPinSource(terminal ?? NoEchoTerminal.Standard);

    /// <summary>
    /// The URI's <c>pin-source</c>: <c>file:/path</c> (RFC 7512), a bare absolute path, or this appliance's
    /// extension <c>env:NAME</c>; null when the URI has none.
    /// </summary>
    /// <exception cref="Pkcs11UriException">An unsupported pin-source form.</exception>
    public static PinSource? FromUri(Pkcs11Uri uri)
    {
        string? s = uri.PinSource;
        if (s is null) return null;
        if (s.StartsWith("file://", StringComparison.Ordinal))
        {
            string rest = s["file://".Length..];
            if (!rest.StartsWith('/')) throw new Pkcs11UriException("PKCS#11 URI: pin-source=file://host/... names a host; use file:/absolute/path");
            return FromFile(rest);
        }
        if (s.StartsWith("file:", StringComparison.Ordinal)) return FromFile(s["file:".Length..]);
        if (s.StartsWith("env:", StringComparison.Ordinal) && s.Length > 4) return FromEnvironment(s["env:".Length..]);
        if (s.StartsWith('/')) return FromFile(s);
        throw new Pkcs11UriException($"PKCS#11 URI: pin-source '{s}' is not file:/path, /path or env:NAME");
    }

    /// <summary>Drops one trailing "\n" or "\r\n" and checks the length; wipes and disposes <paramref name="raw"/>.</summary>
    private protected static SecretBuffer Finish(SecretBuffer raw, int length, string description)
    {
        using (raw)
        {
            Span<byte> bytes = raw.Reveal()[..length];
            if (bytes.Length > 0 && bytes[^1] == (byte)'\n') bytes = bytes[..^1];
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            if (bytes.Length == 0) throw new TokenException($"the PIN from {description} is empty");
            if (bytes.IndexOf((byte)'\n') >= 0) throw new TokenException($"the PIN from {description} spans several lines; put only the PIN in it");
            return SecretBuffer.CopyOf(bytes);
        }
    }

    private sealed class FilePinSource(string path) : PinSource
    {
        public override string Description => $"PIN file '{path}'";

        public override SecretBuffer ReadPin(string tokenLabel)
        {
            Microsoft.Win32.SafeHandles.SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TokenException($"cannot read {Description}: {e.Message}");
            }
            using (handle)
            {
                UnixFileMode mode = OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(handle); // the appliance runs on Linux
                if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0)
                    throw new TokenException($"{Description} is accessible to other users (mode {Convert.ToString((int)mode, 8)}); run chmod 600 on it");
                var raw = new SecretBuffer(MaxPinBytes + 2);
                int total = 0;
                try
                {
                    while (total < raw.Length)
                    {
                        int n = RandomAccess.Read(handle, raw.Reveal()[total..], total);
                        if (n == 0) break;
                        total += n;
                    }
                }
                catch (IOException e)
                {
                    raw.Dispose();
                    throw new TokenException($"cannot read {Description}: {e.Message}");
                }
                if (total == raw.Length)
                {
                    raw.Dispose();
                    throw new TokenException($"{Description} is longer than {MaxPinBytes} bytes; it should hold only the PIN");
                }
                return Finish(raw, total, Description);
            }
        }
    }

    private sealed class EnvironmentPinSource(string name) : PinSource
    {
        public override string Description => $"environment variable {name}";

        public override SecretBuffer ReadPin(string tokenLabel)
        {
            var raw = NativeEnvironment.ReadSecret(name) ?? throw new TokenException($"{Description} is not set");
            if (raw.Length > MaxPinBytes)
            {
                raw.Dispose();
                throw new TokenException($"{Description} is longer than {MaxPinBytes} bytes");
            }
            return Finish(raw, raw.Length, Description);
        }
    }

    private sealed class TerminalPinSource(NoEchoTerminal terminal) : PinSource
    {
        public override string Description => "the terminal prompt";

        public override SecretBuffer ReadPin(string tokenLabel)
        {
            terminal.Write($"PIN for token '{tokenLabel}' (not echoed): ");
            try
            {
                var raw = terminal.ReadLine(MaxPinBytes);
                return Finish(raw, raw.Length, Description);
            }
            catch (TerminalException e)
            {
                throw new TokenException($"cannot prompt for the PIN of token '{tokenLabel}': {e.Message}");
            }
        }
    }
}
