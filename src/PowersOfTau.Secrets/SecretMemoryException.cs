namespace PowersOfTau.Secrets;

/// <summary>Secret memory could not be allocated, locked or protected. The message never holds secret data.</summary>
public sealed class SecretMemoryException(string message) : Exception(message);
