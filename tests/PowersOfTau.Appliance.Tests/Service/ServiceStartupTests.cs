using PowersOfTau.Appliance.Cli;
using PowersOfTau.Appliance.Contribution;
using PowersOfTau.Appliance.Service;
using PowersOfTau.Secrets;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Appliance.Tests.Service;

/// <summary>
/// The order of the fail-fast checks, in process: swap refuses the start unless allow-swap (then the start goes on
/// to the next check), and airgapped refuses while this machine has a non-loopback interface up. The key is a
/// module that does not exist, so a start that passes every earlier check ends at the token (exit 3).
/// </summary>
public sealed class ServiceStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tau-startup-").FullName;

    static ServiceStartupTests() => ExitCodeRegistrations.RegisterAll();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Config(bool allowSwap, bool airgapped)
    {
        foreach (string folder in new[] { "inbox", "outbox", "done", "failed" }) Directory.CreateDirectory(Path.Combine(_dir, "spool", folder));
        string path = Path.Combine(_dir, "c.toml");
        File.WriteAllText(path, $"""
            sign = "pkcs11:token=t;object=k?module-path=/nonexistent/libnothing.so&pin-source=file:/nonexistent/pin"
            airgapped = {(airgapped ? "true" : "false")}
            [service]
            spool = "{Path.Combine(_dir, "spool")}"
            allow-swap = {(allowSwap ? "true" : "false")}
            """);
        return path;
    }

    private static HardeningReport WithSwap() => new(NotDumpable: true, CoreDumpsDisabled: true, SwapActive: true, SwapTotalKiB: 2048);

    private static HardeningReport WithoutSwap() => new(NotDumpable: true, CoreDumpsDisabled: true, SwapActive: false, SwapTotalKiB: 0);

    [Fact]
    public void Swap_refuses_the_start_with_exit_2_unless_allow_swap()
    {
        var e = Assert.Throws<UserFacingError>(() => ServiceStartup.Check(Config(allowSwap: false, airgapped: false), WithSwap));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains("swap is on (2048 KiB)", e.Message);
        Assert.Contains("allow-swap = true", e.Message);

        // Twin: allowed, the start passes the swap check and reaches the key (which does not exist: exit 3).
        var token = Assert.ThrowsAny<TokenException>(() => ServiceStartup.Check(Config(allowSwap: true, airgapped: false), WithSwap));
        Assert.Equal(ExitCodes.DeviceFailed, ErrorReporter.ExitCodeOf(token));
    }

    [Fact]
    public void Airgapped_refuses_the_start_exactly_when_a_non_loopback_interface_is_up()
    {
        var up = NetworkIsolation.NonLoopbackInterfacesUp();
        var thrown = Record.Exception(() => ServiceStartup.Check(Config(allowSwap: false, airgapped: true), WithoutSwap));
        if (up.Count > 0)
        {
            var e = Assert.IsType<UserFacingError>(thrown);
            Assert.Equal(ExitCodes.BadInput, e.ExitCode);
            Assert.Contains(up[0], e.Message);
        }
        else
        {
            Assert.IsAssignableFrom<TokenException>(thrown); // past the network check, at the key
        }
        // Twin: not airgapped, the network is not looked at; the start reaches the key.
        Assert.IsAssignableFrom<TokenException>(Record.Exception(() => ServiceStartup.Check(Config(allowSwap: false, airgapped: false), WithoutSwap)));
    }
}
