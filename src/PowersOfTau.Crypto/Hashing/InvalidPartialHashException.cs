namespace PowersOfTau.Crypto.Hashing;

/// <summary>
/// A 216-byte BLAKE2b "partialHash" (spec/ptau.md §4) that no BLAKE2b-512 hasher can be in:
/// the message says which field is wrong. Holds no hash bytes.
/// </summary>
public sealed class InvalidPartialHashException : FormatException
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public InvalidPartialHashException(string message) : base(message) { }
}
