using System.Text;

namespace PowersOfTau.Tokens.Inventory;

/// <summary>What `tau tokens list` prints: modules, their tokens, and the tokens' keys and certificates.</summary>
public sealed record InventoryReport(IReadOnlyList<InventoryModule> Modules)
{
    /// <summary>One row per object (or per token without objects, or per failed module), for a table.</summary>
    public IEnumerable<InventoryRow> Rows()
    {
        foreach (var m in Modules)
        {
            if (m.Error is not null) { yield return new InventoryRow(m.Path, "", "", "", "", "", "", "", m.Error); continue; }
            foreach (var t in m.Tokens)
            {
                string rng = t.HasRng ? "yes" : "no";
                if (t.Objects.Count == 0)
                    yield return new InventoryRow(m.Path, t.Device.Label, t.Device.Serial, $"{t.Device.Manufacturer} {t.Device.Model}", rng, "", "", "", t.Error ?? "");
                foreach (var o in t.Objects)
                    yield return new InventoryRow(m.Path, t.Device.Label, t.Device.Serial, $"{t.Device.Manufacturer} {t.Device.Model}", rng, o.Kind, o.Label, o.IdHex, o.Detail);
            }
        }
    }

    /// <summary>An indented plain-text listing.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var m in Modules)
        {
            sb.AppendLine(m.ToString());
            foreach (var t in m.Tokens)
            {
                sb.Append("  ").AppendLine(t.ToString());
                sb.Append("    uri: ").AppendLine(t.Uri);
                if (t.Error is not null) sb.Append("    ").AppendLine(t.Error);
                foreach (var o in t.Objects) sb.Append("    ").AppendLine(o.ToString());
            }
        }
        return sb.ToString();
    }
}

/// <summary>A flat table row of <see cref="InventoryReport.Rows"/>.</summary>
public sealed record InventoryRow(string Module, string Token, string Serial, string Model, string Rng, string Kind, string Label, string Id, string Detail);
