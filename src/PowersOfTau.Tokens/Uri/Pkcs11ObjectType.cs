namespace PowersOfTau.Tokens.Uri;

/// <summary>The RFC 7512 <c>type</c> path attribute: which object class a URI names.</summary>
public enum Pkcs11ObjectType
{
    /// <summary><c>type=public</c>: CKO_PUBLIC_KEY.</summary>
    Public,
    /// <summary><c>type=private</c>: CKO_PRIVATE_KEY.</summary>
    Private,
    /// <summary><c>type=cert</c>: CKO_CERTIFICATE.</summary>
    Cert,
    /// <summary><c>type=secret-key</c>: CKO_SECRET_KEY.</summary>
    SecretKey,
    /// <summary><c>type=data</c>: CKO_DATA.</summary>
    Data,
}
