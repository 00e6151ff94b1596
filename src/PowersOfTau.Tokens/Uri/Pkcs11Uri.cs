using System.Text;
using PowersOfTau.Tokens.Errors;

namespace PowersOfTau.Tokens.Uri;

/// <summary>
/// A parsed PKCS#11 URI (RFC 7512): <c>pkcs11:token=…;serial=…;object=…;id=%01?module-path=…&amp;pin-source=file:…</c>.
/// Path attributes identify the library, slot, token and object; query attributes say how to reach them.
/// Every attribute absent from the URI matches anything (RFC 7512 §3.3), so <c>pkcs11:</c> matches every token.
/// </summary>
/// <remarks>
/// <see cref="Parse"/> checks: the scheme; that every character outside percent-escapes is allowed by the
/// RFC 7512 ABNF for its component; well-formed <c>%XX</c> escapes; that text attributes decode to valid
/// UTF-8; that no path attribute and no standard query attribute appears twice; <c>type</c> is one of
/// public/private/cert/secret-key/data; <c>slot-id</c> is a decimal CK_SLOT_ID; <c>library-version</c> is
/// M or M.N; <c>module-path</c> is absolute; <c>module-name</c> and <c>module-path</c> are not both given.
/// <c>pin-value</c> is REFUSED: a PIN in a URI sits in argv, shell history and logs, and in a .NET string
/// that can never be wiped; use <c>pin-source=file:…</c> (or this appliance's <c>pin-source=env:NAME</c>).
/// </remarks>
public sealed class Pkcs11Uri
{
    private Pkcs11Uri() { }

    /// <summary>CK_TOKEN_INFO.label, or null to match any.</summary>
    public string? Token { get; private init; }
    /// <summary>CK_TOKEN_INFO.manufacturerID.</summary>
    public string? Manufacturer { get; private init; }
    /// <summary>CK_TOKEN_INFO.serialNumber.</summary>
    public string? Serial { get; private init; }
    /// <summary>CK_TOKEN_INFO.model.</summary>
    public string? Model { get; private init; }
    /// <summary>CKA_LABEL of the object.</summary>
    public string? Object { get; private init; }
    /// <summary>The object class (<c>type</c>).</summary>
    public Pkcs11ObjectType? Type { get; private init; }
    /// <summary>CKA_ID of the object, as raw bytes.</summary>
    public IReadOnlyList<byte>? Id { get; private init; }
    /// <summary>CK_INFO.manufacturerID of the module.</summary>
    public string? LibraryManufacturer { get; private init; }
    /// <summary>CK_INFO.libraryDescription of the module.</summary>
    public string? LibraryDescription { get; private init; }
    /// <summary>CK_INFO.libraryVersion of the module (major, minor; "3" means 3.0).</summary>
    public (byte Major, byte Minor)? LibraryVersion { get; private init; }
    /// <summary>CK_SLOT_INFO.slotDescription.</summary>
    public string? SlotDescription { get; private init; }
    /// <summary>CK_SLOT_INFO.manufacturerID.</summary>
    public string? SlotManufacturer { get; private init; }
    /// <summary>The CK_SLOT_ID (unstable across re-initialisation: prefer token=/serial=).</summary>
    public ulong? SlotId { get; private init; }
    /// <summary>Absolute path of the PKCS#11 module (<c>module-path</c>).</summary>
    public string? ModulePath { get; private init; }
    /// <summary>Module name without "lib" prefix and ".so" suffix (<c>module-name</c>).</summary>
    public string? ModuleName { get; private init; }
    /// <summary>Where the PIN comes from (<c>pin-source</c>), e.g. <c>file:/run/secrets/pin</c> or <c>env:TAU_PIN</c>.</summary>
    public string? PinSource { get; private init; }
    /// <summary>Path attributes this appliance does not know (vendor-specific). Selection refuses them.</summary>
    public IReadOnlyDictionary<string, string> VendorPathAttributes { get; private init; } = new Dictionary<string, string>();
    /// <summary>Query attributes this appliance does not know (vendor-specific); they do not identify anything.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> VendorQueryAttributes { get; private init; } = [];

    /// <summary>True when the URI names no object attribute (it names a token, slot or library).</summary>
    public bool NamesNoObject => Object is null && Id is null && Type is null;

    private const string Scheme = "pkcs11:";

    /// <summary>Parses and checks a PKCS#11 URI (see the remarks for what is checked).</summary>
    /// <exception cref="Pkcs11UriException">The URI is malformed or uses <c>pin-value</c>.</exception>
    public static Pkcs11Uri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw new Pkcs11UriException("a PKCS#11 URI starts with 'pkcs11:' (RFC 7512), e.g. pkcs11:token=my-token;object=my-key");
        int fragment = text.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
            throw new Pkcs11UriException($"PKCS#11 URI: '#' at position {fragment} is not allowed (a fragment is not part of RFC 7512); percent-encode it as %23");
        string rest = text[Scheme.Length..];
        int q = rest.IndexOf('?', StringComparison.Ordinal);
        string path = q < 0 ? rest : rest[..q];
        string? query = q < 0 ? null : rest[(q + 1)..];

        var builder = new Builder();
        if (path.Length > 0)
        {
            int offset = Scheme.Length;
            foreach (string part in path.Split(';'))
            {
                builder.AddPath(part, offset);
                offset += part.Length + 1;
            }
        }
        if (query is not null && query.Length > 0)
        {
            int offset = Scheme.Length + path.Length + 1;
            foreach (string part in query.Split('&'))
            {
                builder.AddQuery(part, offset);
                offset += part.Length + 1;
            }
        }
        return builder.Build();
    }

    /// <summary>The URI in canonical form (attributes in a fixed order, reserved characters percent-encoded).</summary>
    public override string ToString()
    {
        var path = new List<string>();
        void P(string name, string? value) { if (value is not null) path.Add(name + "=" + Escape(Encoding.UTF8.GetBytes(value), query: false)); }
        P("library-manufacturer", LibraryManufacturer);
        P("library-description", LibraryDescription);
        if (LibraryVersion is { } v) path.Add($"library-version={v.Major}.{v.Minor}");
        P("slot-manufacturer", SlotManufacturer);
        P("slot-description", SlotDescription);
        if (SlotId is { } s) path.Add($"slot-id={s}");
        P("manufacturer", Manufacturer);
        P("model", Model);
        P("serial", Serial);
        P("token", Token);
        P("object", Object);
        if (Id is not null) path.Add("id=" + string.Concat(Id.Select(b => $"%{b:X2}")));
        if (Type is { } t) path.Add("type=" + TypeName(t));
        foreach (var kv in VendorPathAttributes.OrderBy(kv => kv.Key, StringComparer.Ordinal)) P(kv.Key, kv.Value);
        var query = new List<string>();
        void Q(string name, string? value) { if (value is not null) query.Add(name + "=" + Escape(Encoding.UTF8.GetBytes(value), query: true)); }
        Q("module-name", ModuleName);
        Q("module-path", ModulePath);
        Q("pin-source", PinSource);
        foreach (var kv in VendorQueryAttributes) Q(kv.Key, kv.Value);
        return Scheme + string.Join(';', path) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>Percent-encodes a value for a URI path attribute (or query attribute when <paramref name="query"/>).</summary>
    public static string EscapeValue(string value, bool query = false) => Escape(Encoding.UTF8.GetBytes(value), query);

    private static string TypeName(Pkcs11ObjectType t) => t switch
    {
        Pkcs11ObjectType.Public => "public",
        Pkcs11ObjectType.Private => "private",
        Pkcs11ObjectType.Cert => "cert",
        Pkcs11ObjectType.SecretKey => "secret-key",
        _ => "data",
    };

    // RFC 7512 §2.3 ABNF: unreserved (RFC 3986) plus pk11-res-avail; the path also allows '&', the query '/', '?', '|'.
    private static bool IsAllowed(char c, bool query) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~'
            or ':' or '[' or ']' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or '+' or ',' or '='
        || (!query && c == '&')
        || (query && c is '/' or '?' or '|');

    private static string Escape(byte[] value, bool query)
    {
        var sb = new StringBuilder();
        foreach (byte b in value)
        {
            char c = (char)b;
            if (b < 0x80 && IsAllowed(c, query) && c != '=' && c != '&') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static byte[] Unescape(string value, int offset, bool query, string name)
    {
        var bytes = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length)
                    throw new Pkcs11UriException($"PKCS#11 URI: '%' at position {offset + i} in '{name}' must be followed by two hex digits");
                int hi = HexValue(value[i + 1]), lo = HexValue(value[i + 2]);
                if (hi < 0 || lo < 0)
                    throw new Pkcs11UriException($"PKCS#11 URI: '%' at position {offset + i} in '{name}' must be followed by two hex digits");
                bytes.Add((byte)(hi << 4 | lo));
                i += 2;
            }
            else if (c < 0x80 && IsAllowed(c, query))
            {
                bytes.Add((byte)c);
            }
            else
            {
                string shown = c is >= ' ' and < (char)0x7F ? $"'{c}'" : $"U+{(int)c:X4}";
                throw new Pkcs11UriException($"PKCS#11 URI: character {shown} at position {offset + i} in '{name}' must be percent-encoded (RFC 7512 §2.3)");
            }
        }
        return [.. bytes];
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static string Text(byte[] bytes, string name)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { throw new Pkcs11UriException($"PKCS#11 URI: '{name}' is not valid UTF-8 after percent-decoding"); }
    }

    private static bool IsAttributeName(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');

    private sealed class Builder
    {
        private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
        private byte[]? _id;
        private readonly HashSet<string> _seenPath = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seenQuery = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _vendorPath = new(StringComparer.Ordinal);
        private readonly List<KeyValuePair<string, string>> _vendorQuery = [];

        private static readonly HashSet<string> PathNames = new(StringComparer.Ordinal)
        {
            "token", "manufacturer", "serial", "model", "object", "type", "id", "library-manufacturer",
            "library-description", "library-version", "slot-description", "slot-manufacturer", "slot-id",
        };

        private static (string Name, string Value) Split(string part, int offset, char separator)
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new Pkcs11UriException($"PKCS#11 URI: expected name=value at position {offset}, separated by '{separator}'");
            string name = part[..eq];
            if (!IsAttributeName(name))
                throw new Pkcs11UriException($"PKCS#11 URI: '{name}' at position {offset} is not an attribute name");
            return (name, part[(eq + 1)..]);
        }

        private const string PinValueRefused =
            "PKCS#11 URI: 'pin-value' is refused: a PIN on the command line ends up in shell history, process listings and unwipeable memory; use pin-source=file:/path (a file readable only by you) or pin-source=env:NAME";

        public void AddPath(string part, int offset)
        {
            if (part.Length == 0) throw new Pkcs11UriException($"PKCS#11 URI: empty attribute at position {offset} (two ';' in a row?)");
            var (name, raw) = Split(part, offset, ';');
            // A PIN is refused wherever it stands: as a path attribute it would otherwise pass as a vendor
            // attribute and be repeated in every message that quotes the URI.
            if (name == "pin-value") throw new Pkcs11UriException(PinValueRefused);
            if (name == "pin-source")
                throw new Pkcs11UriException("PKCS#11 URI: 'pin-source' is a query attribute (RFC 7512 §2.3): write it after '?', e.g. pkcs11:token=x?pin-source=file:/path");
            if (!_seenPath.Add(name))
                throw new Pkcs11UriException($"PKCS#11 URI: path attribute '{name}' appears twice (RFC 7512 §2.3 forbids it)");
            byte[] value = Unescape(raw, offset + name.Length + 1, query: false, name);
            if (name == "id") { _id = value; return; }
            string text = Text(value, name);
            if (PathNames.Contains(name)) _text[name] = text;
            else _vendorPath[name] = text;
        }

        public void AddQuery(string part, int offset)
        {
            if (part.Length == 0) throw new Pkcs11UriException($"PKCS#11 URI: empty query attribute at position {offset} (two '&' in a row?)");
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? part : part[..eq];
            if (name == "pin-value") throw new Pkcs11UriException(PinValueRefused);
            var (n, raw) = Split(part, offset, '&');
            bool standard = n is "pin-source" or "module-name" or "module-path";
            if (standard && !_seenQuery.Add(n))
                throw new Pkcs11UriException($"PKCS#11 URI: query attribute '{n}' appears twice");
            string text = Text(Unescape(raw, offset + n.Length + 1, query: true, n), n);
            if (standard) _text[n] = text;
            else _vendorQuery.Add(new(n, text));
        }

        private string? Get(string name) => _text.TryGetValue(name, out var v) ? v : null;

        public Pkcs11Uri Build()
        {
            Pkcs11ObjectType? type = Get("type") switch
            {
                null => null,
                "public" => Pkcs11ObjectType.Public,
                "private" => Pkcs11ObjectType.Private,
                "cert" => Pkcs11ObjectType.Cert,
                "secret-key" => Pkcs11ObjectType.SecretKey,
                "data" => Pkcs11ObjectType.Data,
                var other => throw new Pkcs11UriException($"PKCS#11 URI: type='{other}' is not one of public, private, cert, secret-key, data"),
            };
            ulong? slotId = null;
            if (Get("slot-id") is { } sid)
            {
                if (sid.Length == 0 || !sid.All(char.IsAsciiDigit) || !ulong.TryParse(sid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong parsed))
                    throw new Pkcs11UriException($"PKCS#11 URI: slot-id='{sid}' is not a decimal number");
                slotId = parsed;
            }
            (byte, byte)? version = null;
            if (Get("library-version") is { } lv)
            {
                string[] parts = lv.Split('.');
                if (parts.Length is < 1 or > 2 || !parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit) && byte.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out _)))
                    throw new Pkcs11UriException($"PKCS#11 URI: library-version='{lv}' is not M or M.N (each 0..255)");
                version = (byte.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                           parts.Length == 2 ? byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : (byte)0);
            }
            string? modulePath = Get("module-path"), moduleName = Get("module-name");
            if (modulePath is not null && !modulePath.StartsWith('/'))
                throw new Pkcs11UriException($"PKCS#11 URI: module-path must be an absolute path, got '{modulePath}'");
            if (modulePath is not null && moduleName is not null)
                throw new Pkcs11UriException("PKCS#11 URI: give module-path or module-name, not both");
            return new Pkcs11Uri
            {
                Token = Get("token"), Manufacturer = Get("manufacturer"), Serial = Get("serial"), Model = Get("model"),
                Object = Get("object"), Type = type, Id = _id, LibraryManufacturer = Get("library-manufacturer"),
                LibraryDescription = Get("library-description"), LibraryVersion = version,
                SlotDescription = Get("slot-description"), SlotManufacturer = Get("slot-manufacturer"), SlotId = slotId,
                ModulePath = modulePath, ModuleName = moduleName, PinSource = Get("pin-source"),
                VendorPathAttributes = _vendorPath, VendorQueryAttributes = _vendorQuery,
            };
        }
    }
}
