namespace PowersOfTau.Crypto.Encoding;

/// <summary>Why a point encoding was rejected.</summary>
public enum PointDecodingError
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The input is not the encoding's exact byte length.</summary>
    WrongLength,

    /// <summary>A coordinate is not below the field modulus.</summary>
    NonCanonical,

    /// <summary>Flag bits that the encoding does not allow (or an identity whose other bytes are not zero).</summary>
    BadFlags,

    /// <summary>The coordinates do not satisfy the curve equation (or, compressed, x^3 + b has no square root).</summary>
    NotOnCurve,

    /// <summary>On the curve, but not in the prime-order subgroup.</summary>
    NotInSubgroup,
}
