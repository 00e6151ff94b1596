using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PowersOfTau.Attestation.Verification;

/// <summary>Loads the pinned trust anchors an auditor names (<c>--root ROOT.pem</c>, repeatable).</summary>
public static class TrustedRoots
{
    /// <summary>Every certificate in each PEM file, in order; a file may hold several (a bundle).</summary>
    /// <exception cref="TrustedRootException">A file cannot be read or holds no PEM certificate.</exception>
    public static IReadOnlyList<X509Certificate2> LoadPemFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var roots = new List<X509Certificate2>();
        foreach (string path in paths)
        {
            var collection = new X509Certificate2Collection();
            try
            {
                collection.ImportFromPemFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TrustedRootException($"{path}: cannot read the root certificate ({e.Message})");
            }
            catch (CryptographicException e)
            {
                throw new TrustedRootException($"{path}: not a PEM certificate ({e.Message})");
            }
            if (collection.Count == 0) throw new TrustedRootException($"{path}: holds no \"BEGIN CERTIFICATE\" block");
            roots.AddRange(collection);
        }
        return roots;
    }
}
