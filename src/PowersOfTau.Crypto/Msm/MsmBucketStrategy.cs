namespace PowersOfTau.Crypto.Msm;

/// <summary>How <see cref="Pippenger"/> accumulates its buckets.</summary>
public enum MsmBucketStrategy
{
    /// <summary>Batch-affine for 4096 points or more, Jacobian below.</summary>
    Auto,

    /// <summary>Jacobian buckets with mixed additions.</summary>
    Jacobian,

    /// <summary>Affine buckets with batched additions sharing one inversion per batch.</summary>
    BatchAffine,
}
