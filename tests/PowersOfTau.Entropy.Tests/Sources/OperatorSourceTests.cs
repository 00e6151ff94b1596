using System.Text;
using PowersOfTau.Entropy.Mixing;
using PowersOfTau.Entropy.Sources;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Entropy.Tests.Sources;

/// <summary>The operator source through a real pseudo-terminal (openpty): echo off, byte by byte.</summary>
public sealed class OperatorSourceTests
{
    /// <summary>Types <paramref name="line"/> once the <paramref name="prompt"/>-th prompt is shown and echo is off.</summary>
    private static void TypeLine(Pty pty, string line, int prompt = 1)
    {
        pty.WaitForDisplay(shown => shown.Split("then Enter").Length - 1 >= prompt);
        pty.WaitForEchoOff();
        pty.Type(line + "\n");
    }

    [Fact]
    public async Task Reads_typed_text_without_echo_and_shows_the_character_count()
    {
        using var pty = new Pty();
        var source = new OperatorEntropySource(new NoEchoTerminal(pty.Slave, pty.Slave));
        var drawing = Task.Run(() => source.Draw(1024));
        TypeLine(pty, "hello wörld");
        using var sample = await drawing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("hello wörld", Encoding.UTF8.GetString(sample.Bytes.Reveal()));
        Assert.Equal(new EntropyReport("operator-keyboard", "operator keyboard (tty, no echo)", 12, false), sample.Report);
        string shown = pty.Displayed();
        Assert.Contains("(11 characters read)", shown);
        Assert.DoesNotContain("hello", shown);
    }

    [Fact]
    public async Task Empty_input_is_asked_again()
    {
        using var pty = new Pty();
        var source = new OperatorEntropySource(new NoEchoTerminal(pty.Slave, pty.Slave));
        var drawing = Task.Run(() => source.Draw(1024));
        TypeLine(pty, "", 1);
        TypeLine(pty, "", 2);
        TypeLine(pty, "x", 3);
        using var sample = await drawing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("x"u8.ToArray(), sample.Bytes.Reveal().ToArray());
        Assert.Contains("attempt 3 of 3", pty.Displayed());
    }

    [Fact]
    public async Task Three_empty_answers_are_refused()
    {
        using var pty = new Pty();
        var source = new OperatorEntropySource(new NoEchoTerminal(pty.Slave, pty.Slave));
        var drawing = Task.Run(() => source.Draw(1024));
        TypeLine(pty, "", 1);
        TypeLine(pty, "", 2);
        TypeLine(pty, "", 3);
        var e = await Assert.ThrowsAsync<EntropyException>(() => drawing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("nothing was typed 3 times", e.Message);
    }

    [Fact]
    public void Stdin_that_is_not_a_terminal_is_a_clear_error()
    {
        using var server = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        int fd = (int)server.ClientSafePipeHandle.DangerousGetHandle();
        var e = Assert.Throws<EntropyException>(() => new OperatorEntropySource(new NoEchoTerminal(fd, fd)).Draw(64));
        Assert.Contains("stdin is not a terminal", e.Message);
    }

    [Fact]
    public async Task Collector_keeps_operator_text_apart_from_the_mix()
    {
        using var pty = new Pty();
        var op = new OperatorEntropySource(new NoEchoTerminal(pty.Slave, pty.Slave));
        byte[] challenge = Mixing.TestData.Data("challenge", 64);
        var collecting = Task.Run(() => EntropyCollector.Collect([op], challenge));
        TypeLine(pty, "dice: 3 1 4 1 5");
        using var mixed = await collecting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("dice: 3 1 4 1 5", Encoding.UTF8.GetString(mixed.OperatorText.Reveal()));
        Assert.Equal(["os-getrandom", "operator-keyboard"], mixed.Reports.Select(r => r.Kind));
        Assert.Equal(15, mixed.Reports[1].Bytes);
    }
}
