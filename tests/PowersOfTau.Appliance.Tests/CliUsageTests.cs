namespace PowersOfTau.Appliance.Tests;

public class CliUsageTests
{
    [Fact]
    public void Unknown_verb_is_bad_usage_with_one_line_and_exit_2()
    {
        var r = TauProcess.Run("frobnicate");
        Assert.Equal(2, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("frobnicate", lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
    }

    [Fact]
    public void Help_lists_the_verbs_and_exits_0()
    {
        var r = TauProcess.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("selfcheck", r.Stdout);
    }
}
