using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using PowersOfTau.Secrets;

namespace PowersOfTau.Tokens.Native;

/// <summary>
/// Direct calls into a module's CK_FUNCTION_LIST for the two functions whose buffers are secret:
/// C_Login (the PIN) and C_GenerateRandom (the random bytes). Pkcs11Interop's high-level API would take
/// the PIN as a managed string/byte[] and return random bytes as a managed byte[], copies the GC may move
/// and never wipe; here both go straight from and into <see cref="SecretBuffer"/> memory. Everything else
/// (slots, objects, signing: no secrets) goes through Pkcs11Interop.
/// </summary>
/// <remarks>
/// Layout (PKCS#11 v2.40 §5, pkcs11f.h): CK_VERSION (2 bytes, padded to pointer size), then one function
/// pointer per function in the order of pkcs11f.h: C_Login is entry 18, C_GenerateRandom entry 64.
/// CK_ULONG is C unsigned long: 8 bytes on 64-bit Linux (nuint here). A test checks both entries against
/// dlsym("C_Login") and dlsym("C_GenerateRandom") of SoftHSM2.
/// </remarks>
internal sealed unsafe class CryptokiFunctions
{
    internal const int LoginIndex = 18;
    internal const int GenerateRandomIndex = 64;

    private readonly delegate* unmanaged<nuint, nuint, byte*, nuint, nuint> _login;
    private readonly delegate* unmanaged<nuint, byte*, nuint, nuint> _generateRandom;

    private CryptokiFunctions(nint functionList)
    {
        nint* entries = (nint*)(functionList + IntPtr.Size);
        _login = (delegate* unmanaged<nuint, nuint, byte*, nuint, nuint>)entries[LoginIndex];
        _generateRandom = (delegate* unmanaged<nuint, byte*, nuint, nuint>)entries[GenerateRandomIndex];
        LoginAddress = entries[LoginIndex];
        GenerateRandomAddress = entries[GenerateRandomIndex];
    }

    /// <summary>For the layout test only.</summary>
    internal nint LoginAddress { get; }
    /// <summary>For the layout test only.</summary>
    internal nint GenerateRandomAddress { get; }

    /// <summary>Gets the function list of an already dlopen()ed module (the handle is reference-counted).</summary>
    internal static CryptokiFunctions Resolve(string modulePath)
    {
        nint handle = NativeLibrary.Load(modulePath);
        nint getFunctionList = NativeLibrary.GetExport(handle, "C_GetFunctionList");
        nint list;
        nuint rv = ((delegate* unmanaged<nint*, nuint>)getFunctionList)(&list);
        if (rv != 0 || list == 0)
            throw new InvalidOperationException($"C_GetFunctionList returned {(CKR)(ulong)rv}");
        return new CryptokiFunctions(list);
    }

    /// <summary>C_Login with the PIN bytes read in place from secret memory.</summary>
    internal CKR Login(ulong session, CKU userType, SecretBuffer pin)
    {
        Span<byte> bytes = pin.Reveal();
        fixed (byte* p = bytes)
            return (CKR)(ulong)_login((nuint)session, (nuint)(ulong)userType, p, (nuint)bytes.Length);
    }

    /// <summary>C_GenerateRandom writing straight into <paramref name="destination"/> (secret memory).</summary>
    internal CKR GenerateRandom(ulong session, Span<byte> destination)
    {
        fixed (byte* p = destination)
            return (CKR)(ulong)_generateRandom((nuint)session, p, (nuint)destination.Length);
    }
}
