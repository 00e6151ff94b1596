namespace PowersOfTau.Tokens.Inventory;

/// <summary>A key or certificate object on a token, as `tau tokens list` shows it.</summary>
/// <param name="Kind">"private-key", "public-key" or "certificate".</param>
/// <param name="Label">CKA_LABEL.</param>
/// <param name="IdHex">CKA_ID in lowercase hex.</param>
/// <param name="Detail">Key type and curve ("EC P-256") or the certificate subject.</param>
/// <param name="Uri">A PKCS#11 URI that selects this object (without module or PIN).</param>
public sealed record InventoryObject(string Kind, string Label, string IdHex, string Detail, string Uri)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind,-12} {Label,-20} id {IdHex,-8} {Detail}";
}
