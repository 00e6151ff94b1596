namespace PowersOfTau.Entropy;

/// <summary>
/// What the attestation says about one entropy source: its kind, the device that produced the bytes and how
/// many were drawn. Never the bytes, never their hash (a hash of typed text can be brute-forced; a hash of
/// high-entropy bytes commits to the secret for no benefit; attestation.md).
/// </summary>
/// <param name="Kind">One of <see cref="EntropyKinds"/>.</param>
/// <param name="Device">Who produced the bytes: token label/serial/manufacturer/model, TPM vendor, hwrng driver, "linux getrandom".</param>
/// <param name="Bytes">How many bytes were drawn (for operator text: how many bytes were typed).</param>
/// <param name="Hardware">True only when the bytes come from a device RNG (a token, a TPM, /dev/hwrng), as far as we can tell.</param>
public sealed record EntropyReport(string Kind, string Device, int Bytes, bool Hardware)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Bytes} bytes from {Device}{(Hardware ? " (hardware)" : "")}";
}
