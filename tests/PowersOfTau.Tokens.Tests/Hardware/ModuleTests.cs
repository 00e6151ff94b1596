using System.Runtime.InteropServices;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Modules;
using PowersOfTau.Tokens.Testing;

namespace PowersOfTau.Tokens.Tests.Hardware;

[Collection(HardwareCollection.Name)]
public sealed class ModuleTests(HardwareTokens tokens)
{
    [Fact]
    public void SoftHsm_loads_once_per_process_and_reports_its_library_info()
    {
        var a = Pkcs11Module.Load(tokens.SoftHsmModule);
        var b = Pkcs11Module.Load(tokens.SoftHsmModule);
        Assert.Same(a, b);
        Assert.Equal("SoftHSM", a.Manufacturer);
        Assert.Equal("Implementation of PKCS11", a.Description);
    }

    [Fact]
    public void Tpm2_pkcs11_loads()
    {
        var m = Pkcs11Module.Load(tokens.TpmModule);
        Assert.Equal("TPM2.0 Cryptoki", m.Description);
    }

    [Fact]
    public void Function_list_entries_for_login_and_random_are_the_exported_symbols()
    {
        // The direct C_Login/C_GenerateRandom calls rely on the CK_FUNCTION_LIST layout; SoftHSM also exports
        // the functions by name, so both routes must give the same addresses.
        var m = Pkcs11Module.Load(tokens.SoftHsmModule);
        nint handle = NativeLibrary.Load(tokens.SoftHsmModule);
        Assert.Equal(NativeLibrary.GetExport(handle, "C_Login"), m.Functions.LoginAddress);
        Assert.Equal(NativeLibrary.GetExport(handle, "C_GenerateRandom"), m.Functions.GenerateRandomAddress);
        Assert.NotEqual(NativeLibrary.GetExport(handle, "C_Logout"), m.Functions.LoginAddress);
    }

    [Fact]
    public void Missing_module_file_is_a_token_error_naming_the_path()
    {
        var e = Assert.Throws<TokenException>(() => Pkcs11Module.Load("/nonexistent/libnothing.so"));
        Assert.Contains("'/nonexistent/libnothing.so' not found", e.Message);
        Assert.Equal(3, e.ExitCode);
    }

    [Fact]
    public void A_shared_library_that_is_not_pkcs11_is_refused()
    {
        string notPkcs11 = File.Exists("/usr/lib/x86_64-linux-gnu/libz.so.1") ? "/usr/lib/x86_64-linux-gnu/libz.so.1" : "/lib/x86_64-linux-gnu/libz.so.1";
        var e = Assert.Throws<TokenException>(() => Pkcs11Module.Load(notPkcs11));
        Assert.Contains("cannot be loaded", e.Message);
    }

    [Fact]
    public void Module_name_resolves_in_the_search_directories()
    {
        Assert.Equal("/usr/lib/x86_64-linux-gnu/pkcs11/libtpm2_pkcs11.so", Pkcs11Module.ResolveModuleName("tpm2_pkcs11"));
        Assert.Contains("not found", Assert.Throws<TokenException>(() => Pkcs11Module.ResolveModuleName("no-such-module")).Message);
    }
}
