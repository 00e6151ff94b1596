using System.Collections;
using System.Globalization;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// JSON text exactly as snarkjs writes it through bfj with <c>space: 1</c> (spec/zkey.md §6): one space of indentation
/// per level, every array and object element on its own line, <c>"key": value</c>, no trailing newline. Values:
/// strings (never needing escapes here: decimal numbers and fixed names), integers, null, <see cref="SnarkjsJsonObject"/>
/// and sequences (written lazily, so a large export streams).
/// </summary>
internal static class SnarkjsJson
{
    public static void Write(TextWriter writer, object? value, int level = 0)
    {
        switch (value)
        {
            case null:
                writer.Write("null");
                break;
            case string s:
                writer.Write('"');
                writer.Write(s);
                writer.Write('"');
                break;
            case int n:
                writer.Write(n.ToString(CultureInfo.InvariantCulture));
                break;
            case uint n:
                writer.Write(n.ToString(CultureInfo.InvariantCulture));
                break;
            case SnarkjsJsonObject o:
                writer.Write("{\n");
                for (int k = 0; k < o.Count; k++)
                {
                    Indent(writer, level + 1);
                    writer.Write('"');
                    writer.Write(o[k].Key);
                    writer.Write("\": ");
                    Write(writer, o[k].Value, level + 1);
                    writer.Write(k + 1 < o.Count ? ",\n" : "\n");
                }
                Indent(writer, level);
                writer.Write('}');
                break;
            case IEnumerable sequence:
                writer.Write('[');
                bool any = false;
                foreach (var item in sequence)
                {
                    writer.Write(any ? ",\n" : "\n");
                    Indent(writer, level + 1);
                    Write(writer, item, level + 1);
                    any = true;
                }
                if (any)
                {
                    writer.Write('\n');
                    Indent(writer, level);
                }
                writer.Write(']');
                break;
            default:
                throw new InvalidOperationException($"no JSON form for {value.GetType().Name}");
        }
    }

    private static void Indent(TextWriter writer, int level)
    {
        for (int i = 0; i < level; i++) writer.Write(' ');
    }
}

/// <summary>An ordered JSON object (keys keep insertion order, as JavaScript objects with string keys do).</summary>
internal sealed class SnarkjsJsonObject : List<KeyValuePair<string, object?>>
{
    /// <summary>Appends a key (collection-initializer syntax: <c>["key"] = value</c>).</summary>
    public object? this[string key] { set => Add(new(key, value)); }
}
