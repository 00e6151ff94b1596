using System.Runtime.InteropServices;
using PowersOfTau.Secrets;

namespace PowersOfTau.Tokens.Native;

/// <summary>
/// The real process environment, as native code sees it. PKCS#11 modules read their configuration with
/// getenv() (SoftHSM: SOFTHSM2_CONF; tpm2-pkcs11: TPM2_PKCS11_STORE, TPM2_PKCS11_TCTI), and
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach it (tokens.md finding 2).
/// </summary>
public static unsafe class NativeEnvironment
{
    /// <summary>Sets a variable with libc setenv(), before the module that reads it is loaded.</summary>
    public static void Set(string name, string value)
    {
        if (Libc.setenv(name, value, 1) != 0)
            throw new InvalidOperationException($"setenv({name}) failed (errno {Marshal.GetLastPInvokeError()})");
        Environment.SetEnvironmentVariable(name, value); // keep the managed view in step
    }

    /// <summary>
    /// Copies a variable's bytes straight from the native environment into secret memory (never a string),
    /// or returns null when it is not set.
    /// </summary>
    public static SecretBuffer? ReadSecret(string name)
    {
        byte* p = Libc.getenv(name);
        if (p == null) return null;
        int length = 0;
        while (p[length] != 0) length++;
        var buffer = new SecretBuffer(length);
        new ReadOnlySpan<byte>(p, length).CopyTo(buffer.Reveal());
        return buffer;
    }
}
