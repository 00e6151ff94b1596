using System.Runtime.InteropServices;
using PowersOfTau.Appliance.Cli;
using PowersOfTau.Tokens.Pins;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// The terminal where the operator types entropy for each contribution (no echo, <see cref="NoEchoTerminal"/>):
/// none, the service's standard input, or a terminal device opened once at start (O_NOCTTY: the service does not
/// take it as its controlling terminal, so a hangup on it does not stop the service).
/// </summary>
public sealed partial class OperatorConsole : IDisposable
{
    private const int O_RDWR = 0x2, O_NOCTTY = 0x100, O_CLOEXEC = 0x80000;
    private readonly int _ownedDescriptor;

    private OperatorConsole(NoEchoTerminal terminal, int ownedDescriptor, string description)
    {
        Terminal = terminal;
        _ownedDescriptor = ownedDescriptor;
        Description = description;
    }

    /// <summary>The terminal the pipeline reads from (not a terminal at all for "none": typed entropy is then off).</summary>
    public NoEchoTerminal Terminal { get; }

    /// <summary>For the journal: where typed entropy comes from.</summary>
    public string Description { get; }

    /// <summary>Opens the console named by <c>operator-console</c>.</summary>
    /// <exception cref="UserFacingError">The device cannot be opened or is not a terminal (exit 2).</exception>
    public static OperatorConsole Open(string setting)
    {
        if (setting == ServiceConfiguration.NoConsole)
        {
            // /dev/null is never a terminal, so the pipeline adds no operator source.
            int devNull = OpenDevice("/dev/null", setting);
            return new OperatorConsole(new NoEchoTerminal(devNull, devNull), devNull, "typed entropy off (operator-console = \"none\")");
        }
        if (setting == ServiceConfiguration.StandardInputConsole)
        {
            // Prompts go back to the terminal on fd 0 (systemd opens TTYPath read-write for StandardInput=tty),
            // not to stderr, which the unit sends to the journal.
            var standard = new NoEchoTerminal(0, 0);
            if (!standard.IsTerminal)
                throw new UserFacingError(ExitCodes.BadInput, "operator-console = \"stdin\" but standard input is not a terminal; in the unit set StandardInput=tty and TTYPath=, or use \"none\"");
            return new OperatorConsole(standard, -1, "typed entropy on standard input");
        }
        int fd = OpenDevice(setting, setting);
        var terminal = new NoEchoTerminal(fd, fd);
        if (!terminal.IsTerminal)
        {
            close(fd);
            throw new UserFacingError(ExitCodes.BadInput, $"operator-console {setting} is not a terminal");
        }
        return new OperatorConsole(terminal, fd, $"typed entropy on {setting}");
    }

    private static int OpenDevice(string path, string setting)
    {
        int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            throw new UserFacingError(ExitCodes.BadInput, $"operator-console {setting}: cannot open {path} (errno {Marshal.GetLastPInvokeError()}); check the device and the unit's DeviceAllow/TTYPath");
        return fd;
    }

    /// <summary>Closes the device it opened.</summary>
    public void Dispose()
    {
        if (_ownedDescriptor >= 0) close(_ownedDescriptor);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int close(int fd);
}
