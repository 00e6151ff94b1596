using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// A real `tau serve` child process (the built tau.dll) with a NOTIFY_SOCKET the test binds: a unix datagram socket
/// that collects what the service tells systemd (READY=1, STATUS=…, STOPPING=1).
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private const int SIGTERM = 15;
    private readonly Process _process;
    private readonly Socket _notify;
    private readonly string _socketPath;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _receiver;

    /// <summary>Every datagram received on the notify socket, in order.</summary>
    public ConcurrentQueue<string> Notifications { get; } = new();

    private ServeProcess(Process process, Socket notify, string socketPath)
    {
        _process = process;
        _notify = notify;
        _socketPath = socketPath;
        _receiver = Task.Run(Receive);
    }

    /// <summary>Starts `tau serve --config <paramref name="configPath"/>` with <paramref name="environment"/> added.</summary>
    /// <param name="watchdogMicroseconds">WATCHDOG_USEC to pass, as systemd would with WatchdogSec=; none by default.</param>
    public static ServeProcess Start(string configPath, IReadOnlyDictionary<string, string> environment, long? watchdogMicroseconds = null)
    {
        string socketPath = Path.Combine(Path.GetTempPath(), $"tau-notify-{Guid.NewGuid():N}.sock");
        var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var (name, value) in environment) psi.Environment[name] = value;
        psi.Environment["NOTIFY_SOCKET"] = socketPath;
        psi.Environment.Remove("WATCHDOG_USEC");
        psi.Environment.Remove("WATCHDOG_PID"); // the child's pid is not known before it starts
        if (watchdogMicroseconds is { } usec) psi.Environment["WATCHDOG_USEC"] = usec.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.ArgumentList.Add(TauProcess.TauDll);
        psi.ArgumentList.Add("serve");
        psi.ArgumentList.Add("--config");
        psi.ArgumentList.Add(configPath);
        var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var serve = new ServeProcess(process, notify, socketPath);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (serve._stdout) serve._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (serve._stderr) serve._stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>What the service logged (stdout) and reported (stderr) so far.</summary>
    public string Output
    {
        get
        {
            lock (_stdout) lock (_stderr) return _stdout + _stderr.ToString();
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; fails with the service's output otherwise.</summary>
    public void WaitFor(Func<bool> condition, string what, int seconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) Assert.Fail($"tau serve exited ({_process.ExitCode}) while waiting for {what}:\n{Output}");
            if (watch.Elapsed.TotalSeconds > seconds) Assert.Fail($"timed out after {seconds} s waiting for {what}:\n{Output}");
            Thread.Sleep(50);
        }
    }

    /// <summary>Waits for READY=1 on the notify socket.</summary>
    public void WaitReady() => WaitFor(() => Notifications.Any(n => n.Split('\n').Contains("READY=1")), "READY=1");

    /// <summary>Sends SIGTERM and asserts a clean exit 0 (bounded wait).</summary>
    public void TerminateCleanly(int seconds = 20)
    {
        Assert.Equal(0, kill(_process.Id, SIGTERM));
        int code = WaitExit(seconds);
        Assert.True(code == 0, $"exit code {code} after SIGTERM:\n{Output}");
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public int WaitExit(int seconds = 20)
    {
        if (!_process.WaitForExit(seconds * 1000)) Assert.Fail($"tau serve did not exit within {seconds} s:\n{Output}");
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    private void Receive()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int n = _notify.Receive(buffer);
                Notifications.Enqueue(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The socket was closed by Dispose.
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) { _process.Kill(true); _process.WaitForExit(); }
        _process.Dispose();
        _notify.Dispose();
        _receiver.Wait(5000);
        File.Delete(_socketPath);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
