using System.Collections.Concurrent;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Native;

namespace PowersOfTau.Tokens.Modules;

/// <summary>
/// A loaded PKCS#11 module (.so). Each module is loaded once per process and kept until the process ends:
/// disposing one Pkcs11Interop library instance calls C_Finalize, which would kill every other user of the
/// same module in the process (tokens.md finding 3).
/// </summary>
public sealed class Pkcs11Module
{
    private static readonly ConcurrentDictionary<string, Lazy<Pkcs11Module>> s_loaded = new(StringComparer.Ordinal);

    /// <summary>Directories searched for <c>module-name</c> (RFC 7512), in order.</summary>
    public static IReadOnlyList<string> ModuleSearchDirectories { get; } =
    [
        "/usr/lib/x86_64-linux-gnu/pkcs11", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu/pkcs11",
        "/usr/lib/aarch64-linux-gnu", "/usr/lib/softhsm", "/usr/lib/pkcs11", "/usr/lib64/pkcs11", "/usr/lib64", "/usr/lib",
    ];

    private Pkcs11Module(string path, IPkcs11Library library, Pkcs11InteropFactories factories, CryptokiFunctions functions)
    {
        Path = path;
        Library = library;
        Factories = factories;
        Functions = functions;
        var info = library.GetInfo();
        Manufacturer = Pkcs11Text.Trim(info.ManufacturerId);
        Description = Pkcs11Text.Trim(info.LibraryDescription);
        Version = info.LibraryVersion;
        CryptokiVersion = info.CryptokiVersion;
    }

    /// <summary>The module's file path as given (after module-name resolution).</summary>
    public string Path { get; }
    /// <summary>CK_INFO.manufacturerID, trimmed.</summary>
    public string Manufacturer { get; }
    /// <summary>CK_INFO.libraryDescription, trimmed.</summary>
    public string Description { get; }
    /// <summary>CK_INFO.libraryVersion as "major.minor".</summary>
    public string Version { get; }
    /// <summary>CK_INFO.cryptokiVersion as "major.minor".</summary>
    public string CryptokiVersion { get; }

    internal IPkcs11Library Library { get; }
    internal Pkcs11InteropFactories Factories { get; }
    internal CryptokiFunctions Functions { get; }

    /// <summary>
    /// Loads (once per process) the module at <paramref name="path"/> and calls C_Initialize with OS locking.
    /// Set the module's environment variables with <see cref="NativeEnvironment.Set"/> before the first load.
    /// </summary>
    /// <exception cref="TokenException">The file is missing, is not a PKCS#11 module, or C_Initialize failed.</exception>
    public static Pkcs11Module Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new TokenException($"PKCS#11 module '{path}' not found; install its package or correct module-path");
        string key = System.IO.Path.GetFullPath(path);
        var lazy = s_loaded.GetOrAdd(key, k => new Lazy<Pkcs11Module>(() => LoadNew(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_loaded.TryRemove(new KeyValuePair<string, Lazy<Pkcs11Module>>(key, lazy));
            throw;
        }
    }

    /// <summary>Resolves an RFC 7512 <c>module-name</c> ("softhsm2" → ".../libsofthsm2.so") in <see cref="ModuleSearchDirectories"/>.</summary>
    /// <exception cref="TokenException">No such module in the search directories.</exception>
    public static string ResolveModuleName(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
            throw new TokenException($"module-name '{name}' must be a bare name; use module-path for a path");
        foreach (string dir in ModuleSearchDirectories)
        {
            foreach (string file in new[] { $"lib{name}.so", $"{name}.so", $"lib{name}.so.1" })
            {
                string candidate = System.IO.Path.Combine(dir, file);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new TokenException($"PKCS#11 module-name '{name}' not found in {string.Join(", ", ModuleSearchDirectories)}; use module-path");
    }

    private static Pkcs11Module LoadNew(string path)
    {
        Pkcs11InteropSetup.EnsureLibdlResolver();
        var factories = new Pkcs11InteropFactories();
        IPkcs11Library library;
        try
        {
            library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, path, AppType.MultiThreaded);
        }
        catch (Pkcs11Exception e)
        {
            throw TokenErrors.From(e, "C_Initialize", $"PKCS#11 module '{path}'");
        }
        catch (Exception e) when (e is UnmanagedException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
        {
            throw new TokenException($"PKCS#11 module '{path}' cannot be loaded: {FirstLine(e.Message)}", inner: e);
        }
        CryptokiFunctions functions;
        try
        {
            functions = CryptokiFunctions.Resolve(path);
        }
        catch (Exception e) when (e is InvalidOperationException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new TokenException($"PKCS#11 module '{path}' has no usable C_GetFunctionList: {FirstLine(e.Message)}", inner: e);
        }
        return new Pkcs11Module(path, library, factories, functions);
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    /// <inheritdoc/>
    public override string ToString() => $"{Path} ({Manufacturer}, {Description} {Version})";
}
