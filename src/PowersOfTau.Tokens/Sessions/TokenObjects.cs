using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using PowersOfTau.Tokens.Errors;
using PowersOfTau.Tokens.Uri;
using Pkcs11Uri = PowersOfTau.Tokens.Uri.Pkcs11Uri;

namespace PowersOfTau.Tokens.Sessions;

/// <summary>Object searches on a token session (templates built from URI attributes).</summary>
internal static class TokenObjects
{
    internal static List<IObjectAttribute> Template(TokenSession s, CKO objectClass, Pkcs11Uri? uri)
    {
        var f = s.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute> { f.Create(CKA.CKA_CLASS, objectClass) };
        if (uri?.Object is { } label) template.Add(f.Create(CKA.CKA_LABEL, label));
        if (uri?.Id is { } id) template.Add(f.Create(CKA.CKA_ID, id.ToArray()));
        return template;
    }

    internal static List<IObjectHandle> Find(TokenSession s, List<IObjectAttribute> template)
    {
        try { return s.Session.FindAllObjects(template); }
        catch (Pkcs11Exception e) { throw TokenErrors.From(e, "C_FindObjects", $"token '{s.Device.Label}'"); }
    }

    internal static List<IObjectAttribute> Attributes(TokenSession s, IObjectHandle handle, params CKA[] attributes)
    {
        try { return s.Session.GetAttributeValue(handle, [.. attributes]); }
        catch (Pkcs11Exception e) { throw TokenErrors.From(e, "C_GetAttributeValue", $"token '{s.Device.Label}'"); }
    }

    /// <summary>(label, id) of an object, for listings and messages.</summary>
    internal static (string Label, byte[] Id) LabelAndId(TokenSession s, IObjectHandle handle)
    {
        var a = Attributes(s, handle, CKA.CKA_LABEL, CKA.CKA_ID);
        return (a[0].CannotBeRead ? "" : a[0].GetValueAsString() ?? "", a[1].CannotBeRead ? [] : a[1].GetValueAsByteArray() ?? []);
    }

    internal static IReadOnlyList<TokenCertificate> ReadCertificates(TokenSession s, Pkcs11Uri? filter)
    {
        if (filter?.Type is { } t && t != Pkcs11ObjectType.Cert) return [];
        var template = Template(s, CKO.CKO_CERTIFICATE, filter);
        template.Add(s.Factories.ObjectAttributeFactory.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509));
        var result = new List<TokenCertificate>();
        foreach (var handle in Find(s, template))
        {
            var a = Attributes(s, handle, CKA.CKA_LABEL, CKA.CKA_ID, CKA.CKA_VALUE);
            string label = a[0].CannotBeRead ? "" : a[0].GetValueAsString() ?? "";
            byte[] id = a[1].CannotBeRead ? [] : a[1].GetValueAsByteArray() ?? [];
            byte[]? der = a[2].CannotBeRead ? null : a[2].GetValueAsByteArray();
            if (der is null || der.Length == 0)
                throw new TokenException($"token '{s.Device.Label}': certificate object '{label}' has no readable CKA_VALUE");
            try
            {
                result.Add(new TokenCertificate(label, id, X509CertificateLoader.LoadCertificate(der)));
            }
            catch (CryptographicException e)
            {
                throw new TokenException($"token '{s.Device.Label}': certificate object '{label}' (id {Convert.ToHexStringLower(id)}) is not valid DER X.509: {e.Message}");
            }
        }
        return result;
    }
}
