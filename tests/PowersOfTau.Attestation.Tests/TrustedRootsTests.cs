using System.Security.Cryptography;
using PowersOfTau.Attestation.Tests.Support;
using PowersOfTau.Attestation.Verification;

namespace PowersOfTau.Attestation.Tests;

/// <summary>Loading --root files for the CLI.</summary>
public sealed class TrustedRootsTests
{
    [Fact]
    public void A_pem_bundle_loads_every_certificate_and_bad_files_name_themselves()
    {
        using var a = TestPki.Create(ECCurve.NamedCurves.nistP256);
        using var b = TestPki.Create(ECCurve.NamedCurves.nistP256, name: "B");
        string dir = Directory.CreateTempSubdirectory("pot-roots-").FullName;
        try
        {
            string bundle = Path.Combine(dir, "bundle.pem"), single = Path.Combine(dir, "b.pem"), empty = Path.Combine(dir, "empty.pem");
            File.WriteAllText(bundle, TestPki.ToPem(a.Root) + TestPki.ToPem(b.Root));
            File.WriteAllText(single, TestPki.ToPem(b.Root));
            File.WriteAllText(empty, "not a certificate\n");
            var roots = TrustedRoots.LoadPemFiles([bundle, single]);
            Assert.Equal([a.Root.Thumbprint, b.Root.Thumbprint, b.Root.Thumbprint], roots.Select(r => r.Thumbprint));
            Assert.StartsWith(empty, Assert.Throws<TrustedRootException>(() => TrustedRoots.LoadPemFiles([empty])).Message, StringComparison.Ordinal);
            string missing = Path.Combine(dir, "missing.pem");
            Assert.StartsWith(missing, Assert.Throws<TrustedRootException>(() => TrustedRoots.LoadPemFiles([missing])).Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
