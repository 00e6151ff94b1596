using System.Text;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Tokens.Tests.Terminal;

public sealed class NoEchoTerminalTests
{
    [Fact]
    public async Task Reads_a_line_with_echo_off_and_restores_echo()
    {
        using var pty = new Pty();
        var terminal = new NoEchoTerminal(pty.Slave, pty.Slave);
        Assert.True(pty.SlaveEchoes);
        var reading = Task.Run(() => terminal.ReadLine(64));
        pty.WaitForEchoOff();
        pty.Type("s3cret pin\n");
        using var line = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("s3cret pin", Encoding.UTF8.GetString(line.Reveal()));
        Assert.True(pty.SlaveEchoes);
        Assert.DoesNotContain("s3cret", pty.Displayed());
    }

    [Fact]
    public async Task Pin_prompt_on_the_terminal_names_the_token_and_does_not_echo()
    {
        using var pty = new Pty();
        var source = PinSource.FromTerminal(new NoEchoTerminal(pty.Slave, pty.Slave));
        var reading = Task.Run(() => source.ReadPin("my-token"));
        pty.WaitForEchoOff();
        pty.Type("123456\n");
        using var pin = await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("123456"u8.ToArray(), pin.Reveal().ToArray());
        string shown = pty.Displayed();
        Assert.Contains("PIN for token 'my-token' (not echoed)", shown);
        Assert.DoesNotContain("123456", shown);
    }

    [Fact]
    public async Task Too_long_input_is_refused()
    {
        using var pty = new Pty();
        var terminal = new NoEchoTerminal(pty.Slave, pty.Slave);
        var reading = Task.Run(() => terminal.ReadLine(4));
        pty.WaitForEchoOff();
        pty.Type("12345\n");
        var e = await Assert.ThrowsAsync<TerminalException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("longer than 4 bytes", e.Message);
        Assert.True(pty.SlaveEchoes);
        // The unread rest of the line ("5\n") was discarded, not left for the next reader (the shell).
        Assert.False(pty.SlaveHasInput());
        pty.Type("x\n");
        Assert.True(pty.SlaveHasInput()); // twin: the probe does see a pending line
    }

    [Fact]
    public void A_pipe_is_not_a_terminal()
    {
        using var server = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        int fd = (int)server.ClientSafePipeHandle.DangerousGetHandle();
        var e = Assert.Throws<TokenException>(() => PinSource.FromTerminal(new NoEchoTerminal(fd, fd)).ReadPin("t"));
        Assert.Contains("is not a terminal", e.Message);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("héllo €", 7)]
    [InlineData("😀x", 2)]
    public void Counts_utf8_characters(string text, int expected)
    {
        Assert.Equal(expected, NoEchoTerminal.CountCharacters(Encoding.UTF8.GetBytes(text)));
    }
}
