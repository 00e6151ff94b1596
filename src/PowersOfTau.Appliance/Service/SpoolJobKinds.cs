namespace PowersOfTau.Appliance.Service;

/// <summary>What a spool input is, by its extension.</summary>
public enum SpoolJobKind
{
    /// <summary>A .ptau: phase-1 contribution (snarkjs powersoftau contribute).</summary>
    Ptau,

    /// <summary>A .zkey: phase-2 contribution (snarkjs zkey contribute); its circuit is <c>&lt;stem&gt;.r1cs</c> next to it.</summary>
    Zkey,
}

/// <summary>Maps file names to <see cref="SpoolJobKind"/>.</summary>
public static class SpoolJobKinds
{
    /// <summary>The kind of <paramref name="fileName"/>, or null when the service does not take it.</summary>
    public static SpoolJobKind? Of(string fileName) =>
        fileName.EndsWith(".ptau", StringComparison.OrdinalIgnoreCase) ? SpoolJobKind.Ptau
        : fileName.EndsWith(".zkey", StringComparison.OrdinalIgnoreCase) ? SpoolJobKind.Zkey
        : null;
}
