using PowersOfTau.Secrets;

namespace PowersOfTau.Entropy.Sources;

/// <summary>
/// A public beacon value for the beacon verbs (snarkjs `beacon`: the key comes from the beacon hash alone,
/// deterministically). Public, so never mixed with secret sources; it is a source only so that the
/// attestation reports it the same way.
/// </summary>
public sealed class BeaconEntropySource : IEntropySource
{
    private readonly byte[] _beacon;

    /// <summary>Holds a copy of the public beacon bytes.</summary>
    public BeaconEntropySource(ReadOnlySpan<byte> beacon, string description = "public beacon")
    {
        if (beacon.IsEmpty) throw new ArgumentException("the beacon value is empty", nameof(beacon));
        _beacon = beacon.ToArray();
        Description = description;
    }

    /// <summary>Where the beacon value comes from (e.g. "drand round 1234").</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public string Kind => EntropyKinds.Beacon;

    /// <summary>Returns the whole beacon value (<paramref name="byteCount"/> is ignored: a beacon has its own length).</summary>
    public EntropySample Draw(int byteCount) =>
        new(new EntropyReport(Kind, Description, _beacon.Length, Hardware: false), SecretBuffer.CopyOf(_beacon));
}
