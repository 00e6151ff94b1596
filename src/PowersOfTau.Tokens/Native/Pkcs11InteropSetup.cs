using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace PowersOfTau.Tokens.Native;

/// <summary>
/// Pkcs11Interop P/Invokes dlopen from "libdl", but glibc 2.34+ ships only libdl.so.2 (no libdl.so), so the
/// first module load throws DllNotFoundException on Debian 12 (tokens.md finding 1; Pkcs11Interop issue
/// #239). A resolver can be registered once per assembly; this does it once per process.
/// </summary>
internal static class Pkcs11InteropSetup
{
    private static int s_done;

    internal static void EnsureLibdlResolver()
    {
        if (Interlocked.Exchange(ref s_done, 1) == 1) return;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly,
                (name, _, _) => name == "libdl" ? NativeLibrary.Load("libdl.so.2") : IntPtr.Zero);
        }
        catch (InvalidOperationException)
        {
            // Another component of this process registered a resolver first; it must handle libdl the same way.
        }
    }
}
