using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using PowersOfTau.Interop.Tests.Infrastructure;

namespace PowersOfTau.Interop.Tests.MemoryScan;

/// <summary>
/// A real `tau` child process held still so that its memory can be read, without any hook in tau:
/// <list type="bullet">
/// <item><see cref="AfterContribution"/>: tau's stdout is a FIFO that the harness filled to the brim beforehand, so
/// tau blocks in write(1, …) on its first stdout line — the hash lines the pipeline prints after the operation
/// returned and the seed digest was disposed (ContributionPipeline.Run), i.e. exactly "after the contribution".</item>
/// <item><see cref="MidContribution"/>: SIGSTOP as soon as tau's temporary output reaches a given size, i.e. while the
/// key is being applied (the positive control).</item>
/// </list>
/// </summary>
public sealed class PausedTau : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly int _fifoReadFd = -1;
    private readonly int _fillerBytes;
    private readonly string _command;
    private bool _resumed;

    private PausedTau(Process process, string command, int fifoReadFd, int fillerBytes)
    {
        _process = process;
        _command = command;
        _fifoReadFd = fifoReadFd;
        _fillerBytes = fillerBytes;
    }

    /// <summary>The child's process id.</summary>
    public int Pid => _process.Id;

    /// <summary>stderr so far.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Starts tau with stdout into a full FIFO in <paramref name="folder"/> and waits until it blocks writing to it.</summary>
    public static unsafe PausedTau AfterContribution(string folder, string[] tauArgs, TimeSpan timeout)
    {
        string fifo = Path.Combine(folder, "stdout.fifo");
        if (Libc.mkfifo(fifo, Convert.ToUInt32("600", 8)) != 0) throw new IOException("mkfifo failed: errno " + Marshal.GetLastPInvokeError());
        int readFd = Libc.open(fifo, Libc.O_RDONLY | Libc.O_NONBLOCK);
        int writeFd = Libc.open(fifo, Libc.O_WRONLY | Libc.O_NONBLOCK);
        if (readFd < 0 || writeFd < 0) throw new IOException("could not open the FIFO: errno " + Marshal.GetLastPInvokeError());
        int filled = 0;
        byte* page = stackalloc byte[4096];
        new Span<byte>(page, 4096).Fill((byte)'#');
        foreach (int size in new[] { 4096, 1 }) // pages first, then single bytes until not even one more fits
            while (Libc.write(writeFd, page, (nuint)size) is var n && n > 0) filled += (int)n;
        Libc.close(writeFd);

        var psi = ChildProcess.StartInfo("/bin/sh", ["-c", "exec \"$0\" \"$@\" > \"$TAU_TEST_STDOUT_FIFO\"", "dotnet", TauCli.TauDll, .. tauArgs],
            new Dictionary<string, string> { ["TAU_TEST_STDOUT_FIFO"] = fifo }, folder);
        var paused = Start(psi, readFd, filled, onStderrLine: null);
        return paused.OrDisposeOnFailure(() => paused.WaitUntil(() => paused.BlockedWritingStdout(fifo), timeout, "block writing its first stdout line"));
    }

    /// <summary>
    /// Starts tau and stops it (SIGSTOP) while it writes its output: as soon as the temporary output
    /// (&lt;output&gt;.tmp-*, ARCHITECTURE.md §4) holds <paramref name="stopAtBytes"/> bytes — the key exists and is
    /// being applied (the verb reports no progress lines to stop at).
    /// </summary>
    public static PausedTau MidContribution(string folder, string[] tauArgs, string outputPath, long stopAtBytes, TimeSpan timeout)
    {
        var psi = ChildProcess.StartInfo("dotnet", [TauCli.TauDll, .. tauArgs], null, folder);
        var self = Start(psi, -1, 0, null);
        string pattern = Path.GetFileName(outputPath) + ".tmp-*";
        string dir = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        return self.OrDisposeOnFailure(() =>
        {
            self.WaitUntil(() => Directory.GetFiles(dir, pattern).Any(f => new FileInfo(f).Length >= stopAtBytes), timeout,
                $"write {stopAtBytes} bytes of its output");
            Libc.kill(self.Pid, Libc.SIGSTOP);
            self.WaitUntil(self.IsStopped, timeout, "stop");
        });
    }

    private static PausedTau Start(ProcessStartInfo psi, int fifoReadFd, int filler, Action<PausedTau, string>? onStderrLine)
    {
        var process = new Process { StartInfo = psi };
        var paused = new PausedTau(process, ChildProcess.Describe(psi), fifoReadFd, filler);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (paused._stderr) paused._stderr.AppendLine(e.Data);
            onStderrLine?.Invoke(paused, e.Data);
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return paused;
    }

    /// <summary>Runs <paramref name="wait"/>; if it throws, the child is killed (never left blocked on the FIFO).</summary>
    private PausedTau OrDisposeOnFailure(Action wait)
    {
        try { wait(); return this; }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_command} exited ({_process.ExitCode}) before it could {what}:\n{Stderr}");
            if (clock.Elapsed > timeout) throw new TimeoutException($"{_command} did not {what} within {timeout.TotalSeconds:F0} s:\n{Stderr}");
            Thread.Sleep(2);
        }
    }

    /// <summary>
    /// Some thread of the child sits in write(fd, …) (x86-64 syscall 1; arm64 64) on the FIFO — .NET's Console writes
    /// to a dup of fd 1, so the fd is resolved through /proc/PID/fd.
    /// </summary>
    private bool BlockedWritingStdout(string fifo)
    {
        foreach (string task in SafeTasks())
        {
            string[] f;
            try { f = File.ReadAllText(Path.Combine(task, "syscall")).Split(' '); }
            catch (IOException) { continue; }
            if (f.Length < 2 || f[0] is not ("1" or "64")) continue;
            long fd = Convert.ToInt64(f[1], 16);
            try
            {
                if (new FileInfo($"/proc/{Pid}/fd/{fd}").LinkTarget == fifo) return true;
            }
            catch (IOException) { }
        }
        return false;
    }

    /// <summary>Every thread of the child is stopped (state T).</summary>
    private bool IsStopped() => SafeTasks().All(task =>
    {
        try { return File.ReadAllText(Path.Combine(task, "stat")).Split(") ")[1].StartsWith('T'); }
        catch (IOException) { return true; } // the thread is gone
    });

    private IEnumerable<string> SafeTasks()
    {
        try { return Directory.GetDirectories($"/proc/{Pid}/task"); }
        catch (DirectoryNotFoundException) { return []; }
    }

    /// <summary>Lets the child go on and waits for it; returns what it printed (stdout without the FIFO filler).</summary>
    public unsafe ProcessResult Resume(TimeSpan timeout)
    {
        _resumed = true;
        var stdout = new MemoryStream();
        if (_fifoReadFd < 0) Libc.kill(Pid, Libc.SIGCONT);
        var clock = Stopwatch.StartNew();
        byte* buffer = stackalloc byte[65536];
        while (true)
        {
            if (_fifoReadFd >= 0)
                while (Libc.read(_fifoReadFd, buffer, 65536) is var n && n > 0) stdout.Write(new ReadOnlySpan<byte>(buffer, (int)n));
            if (_process.WaitForExit(20)) break;
            if (clock.Elapsed > timeout) { _process.Kill(true); throw new TimeoutException(_command + " did not finish after being resumed"); }
        }
        _process.WaitForExit();
        if (_fifoReadFd >= 0)
            while (Libc.read(_fifoReadFd, buffer, 65536) is var n && n > 0) stdout.Write(new ReadOnlySpan<byte>(buffer, (int)n));
        byte[] all = stdout.ToArray();
        string printed = Encoding.UTF8.GetString(all.AsSpan(Math.Min(_fillerBytes, all.Length)));
        return new ProcessResult(_command, _process.ExitCode, printed, Stderr);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_resumed && !_process.HasExited)
        {
            Libc.kill(Pid, Libc.SIGCONT);
            _process.Kill(true);
        }
        if (_fifoReadFd >= 0) Libc.close(_fifoReadFd);
        _process.Dispose();
    }
}
