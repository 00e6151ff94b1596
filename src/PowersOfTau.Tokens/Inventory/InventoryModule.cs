namespace PowersOfTau.Tokens.Inventory;

/// <summary>A PKCS#11 module and its tokens, as `tau tokens list` shows it.</summary>
/// <param name="Path">The module file.</param>
/// <param name="Description">Manufacturer, description and version from CK_INFO, or empty when it did not load.</param>
/// <param name="Tokens">Initialised tokens present in its slots.</param>
/// <param name="Error">Why the module could not be listed, if it could not.</param>
public sealed record InventoryModule(string Path, string Description, IReadOnlyList<InventoryToken> Tokens, string? Error)
{
    /// <inheritdoc/>
    public override string ToString() => Error is null ? $"module {Path}: {Description}" : $"module {Path}: {Error}";
}
