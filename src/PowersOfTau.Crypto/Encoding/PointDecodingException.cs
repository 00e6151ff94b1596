namespace PowersOfTau.Crypto.Encoding;

/// <summary>
/// A point could not be decoded. <see cref="Reason"/> says why; <see cref="Index"/> is the point's position in a
/// bulk decode (−1 for a single point). Messages carry only public data (group name, index, reason).
/// </summary>
public sealed class PointDecodingException : FormatException
{
    public PointDecodingException(string group, string encoding, PointDecodingError reason, long index = -1)
        : base(BuildMessage(group, encoding, reason, index))
    {
        Group = group;
        Encoding = encoding;
        Reason = reason;
        Index = index;
    }

    /// <summary>The group, e.g. "bn128 G1".</summary>
    public string Group { get; }

    /// <summary>The encoding name: "LEM", "uncompressed" or "compressed".</summary>
    public string Encoding { get; }

    public PointDecodingError Reason { get; }

    /// <summary>Position in a bulk decode, or −1.</summary>
    public long Index { get; }

    private static string BuildMessage(string group, string encoding, PointDecodingError reason, long index)
    {
        string where = index >= 0 ? $"{group} point {index} ({encoding})" : $"{group} point ({encoding})";
        string what = reason switch
        {
            PointDecodingError.WrongLength => "has the wrong byte length",
            PointDecodingError.NonCanonical => "has a coordinate not below the field modulus (non-canonical)",
            PointDecodingError.BadFlags => "has invalid flag bits",
            PointDecodingError.NotOnCurve => "is not on the curve",
            PointDecodingError.NotInSubgroup => "is not in the prime-order subgroup",
            _ => "is invalid",
        };
        return $"{where} {what}; the input is corrupt or for another curve";
    }
}
