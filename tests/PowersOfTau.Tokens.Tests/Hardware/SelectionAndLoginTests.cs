using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Native;
using PowersOfTau.Tokens.Pins;
using PowersOfTau.Tokens.Sessions;
using PowersOfTau.Tokens.Testing;
using PowersOfTau.Tokens.Uri;

namespace PowersOfTau.Tokens.Tests.Hardware;

[Collection(HardwareCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // PIN file modes
public sealed class SelectionAndLoginTests(HardwareTokens tokens)
{
    private TokenSession Open(string uri) => TokenSession.Open(Pkcs11Uri.Parse(uri));

    [Fact]
    public void Selects_the_token_by_label_and_reports_its_identity()
    {
        using var s = Open($"pkcs11:token={tokens.SoftHsmToken}?module-path={tokens.SoftHsmModule}");
        Assert.Equal(tokens.SoftHsmToken, s.Device.Label);
        Assert.Equal(tokens.SoftHsmSerial, s.Device.Serial);
        Assert.Equal("SoftHSM project", s.Device.Manufacturer);
        Assert.Equal("SoftHSM v2", s.Device.Model);
        Assert.True(s.HasRng);
        Assert.False(s.LoggedIn);
    }

    [Fact]
    public void Selects_by_serial_alone()
    {
        using var s = Open($"pkcs11:serial={tokens.SoftHsmSerial}?module-path={tokens.SoftHsmModule}");
        Assert.Equal(tokens.SoftHsmToken, s.Device.Label);
    }

    [Fact]
    public void Module_name_in_the_uri_finds_the_module()
    {
        using var s = Open($"pkcs11:token={tokens.TpmToken}?module-name=tpm2_pkcs11");
        Assert.Equal(tokens.TpmToken, s.Device.Label);
        Assert.Equal("IBM", s.Device.Manufacturer); // swtpm's TPM vendor
    }

    [Fact]
    public void Token_not_present_lists_what_is_there()
    {
        var e = Assert.Throws<TokenException>(() => Open($"pkcs11:token=no-such-token?module-path={tokens.SoftHsmModule}"));
        Assert.Contains("no token matches token='no-such-token'", e.Message);
        Assert.Contains($"'{tokens.SoftHsmToken}' (serial {tokens.SoftHsmSerial})", e.Message);
    }

    [Fact]
    public void Matching_serial_with_wrong_label_selects_nothing()
    {
        Assert.Throws<TokenException>(() => Open($"pkcs11:token={HardwareTokens.SecondSoftHsmToken};serial={tokens.SoftHsmSerial}?module-path={tokens.SoftHsmModule}"));
    }

    [Fact]
    public void Several_matching_tokens_is_an_error()
    {
        var e = Assert.Throws<TokenException>(() => Open($"pkcs11:manufacturer=SoftHSM%20project?module-path={tokens.SoftHsmModule}"));
        Assert.Contains("2 tokens match", e.Message);
        Assert.Contains("add token= or serial=", e.Message);
    }

    [Fact]
    public void Library_attributes_are_checked_against_the_module()
    {
        using (Open($"pkcs11:library-manufacturer=SoftHSM;token={tokens.SoftHsmToken}?module-path={tokens.SoftHsmModule}")) { }
        var e = Assert.Throws<TokenException>(() => Open($"pkcs11:library-manufacturer=Other;token={tokens.SoftHsmToken}?module-path={tokens.SoftHsmModule}"));
        Assert.Contains("library-manufacturer='Other'", e.Message);
    }

    [Fact]
    public void Vendor_path_attributes_are_refused_at_selection()
    {
        var e = Assert.Throws<TokenException>(() => Open($"pkcs11:token={tokens.SoftHsmToken};x-color=blue?module-path={tokens.SoftHsmModule}"));
        Assert.Contains("x-color", e.Message);
    }

    [Fact]
    public void No_module_anywhere_says_how_to_give_one()
    {
        var e = Assert.Throws<TokenException>(() => Open("pkcs11:token=x"));
        Assert.Contains("module-path=", e.Message);
    }

    [Fact]
    public void Login_with_pin_file_from_the_uri()
    {
        using var s = Open(tokens.SoftHsmUri());
        Assert.True(s.LoggedIn);
    }

    [Fact]
    public void Login_with_pin_from_the_environment()
    {
        NativeEnvironment.Set("TAU_TEST_PIN_ENV", "123456");
        using var s = Open($"pkcs11:token={tokens.TpmToken}?module-path={tokens.TpmModule}&pin-source=env:TAU_TEST_PIN_ENV");
        Assert.True(s.LoggedIn);
    }

    [Fact]
    public void Wrong_pin_says_so_and_what_the_token_reports_about_tries_left()
    {
        using var s = Open($"pkcs11:token={HardwareTokens.SecondSoftHsmToken}?module-path={tokens.SoftHsmModule}");
        var e = Assert.Throws<TokenException>(() => s.Login(PinSource.FromFile(tokens.SoftHsmWrongPinFile)));
        Assert.Contains($"token '{HardwareTokens.SecondSoftHsmToken}': wrong PIN (CKR_PIN_INCORRECT)", e.Message);
        // SoftHSM 2.6 sets CKF_USER_PIN_COUNT_LOW after any failed login (and never locks the PIN).
        Assert.Contains("the token reports few tries left (CKF_USER_PIN_COUNT_LOW)", e.Message);
        Assert.True(s.ReadPinStatus().CountLow);
        Assert.DoesNotContain("wrong-123456", e.Message);
        Assert.Equal("CKR_PIN_INCORRECT", e.ReturnValue);
        Assert.False(s.LoggedIn);
        s.Login(PinSource.FromFile(tokens.SoftHsmPinFile)); // the right PIN still works afterwards
        Assert.True(s.LoggedIn);
    }

    [Fact]
    public void Pin_status_describes_each_flag()
    {
        Assert.Contains("LOCKED", new TokenPinStatus(true, true, true).Describe());
        Assert.Contains("ONE try left", new TokenPinStatus(true, true, false).Describe());
        Assert.Contains("few tries left", new TokenPinStatus(true, false, false).Describe());
        Assert.Contains("does not report", default(TokenPinStatus).Describe());
    }

    [Fact]
    public void Missing_pin_file_and_unset_variable_are_clear_errors()
    {
        using var s = Open($"pkcs11:token={HardwareTokens.SecondSoftHsmToken}?module-path={tokens.SoftHsmModule}");
        Assert.Contains("cannot read PIN file '/nonexistent/pin'", Assert.Throws<TokenException>(() => s.Login(PinSource.FromFile("/nonexistent/pin"))).Message);
        Assert.Contains("environment variable TAU_TEST_UNSET_PIN is not set", Assert.Throws<TokenException>(() => s.Login(PinSource.FromEnvironment("TAU_TEST_UNSET_PIN"))).Message);
    }

    [Fact]
    public void Empty_pin_file_is_refused_before_reaching_the_token()
    {
        string empty = Path.Combine(tokens.Directory, "empty.pin");
        File.WriteAllText(empty, "\n");
        File.SetUnixFileMode(empty, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var s = Open($"pkcs11:token={HardwareTokens.SecondSoftHsmToken}?module-path={tokens.SoftHsmModule}");
        Assert.Contains("is empty", Assert.Throws<TokenException>(() => s.Login(PinSource.FromFile(empty))).Message);
    }

    [Fact]
    public void Pin_file_with_crlf_is_trimmed()
    {
        string crlf = Path.Combine(tokens.Directory, "crlf.pin");
        File.WriteAllText(crlf, "123456\r\n");
        File.SetUnixFileMode(crlf, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var s = Open($"pkcs11:token={tokens.TpmToken}?module-path={tokens.TpmModule}");
        s.Login(PinSource.FromFile(crlf));
        Assert.True(s.LoggedIn);
    }

    [Fact]
    public void A_world_readable_pin_file_is_refused()
    {
        string open = Path.Combine(tokens.Directory, "open.pin");
        File.WriteAllText(open, "123456\n");
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var s = Open($"pkcs11:token={tokens.TpmToken}?module-path={tokens.TpmModule}");
        var e = Assert.Throws<TokenException>(() => s.Login(PinSource.FromFile(open)));
        Assert.Contains("accessible to other users (mode 644); run chmod 600", e.Message);
        Assert.False(s.LoggedIn);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.GroupRead); // 0440 is accepted
        s.Login(PinSource.FromFile(open));
        Assert.True(s.LoggedIn);
    }

    [Fact]
    public void Unsupported_pin_source_form_is_bad_usage()
    {
        Assert.Throws<Pkcs11UriException>(() => PinSource.FromUri(Pkcs11Uri.Parse("pkcs11:?pin-source=http://example.org/pin")));
        Assert.Null(PinSource.FromUri(Pkcs11Uri.Parse("pkcs11:")));
    }
}
