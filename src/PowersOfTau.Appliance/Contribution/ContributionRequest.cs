using PowersOfTau.Appliance.Progress;
using PowersOfTau.Entropy;
using PowersOfTau.Secrets;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>
/// The operation seam of the pipeline: runs one contribution with the 64-byte snarkjs getRandomRng digest
/// (spec/ptau.md §6 step 2; the caller seeds ChaCha with its first 32 bytes). It must not keep the digest or
/// anything derived from it after returning; the pipeline wipes the digest right after.
/// </summary>
public delegate ContributionOutcome ContributionOperation(SecretBuffer digest64, ContributionContext context, CancellationToken cancellationToken);

/// <summary>What the operation gets besides the digest: the contribution name to store and where to report progress.</summary>
public sealed record ContributionContext(string? Name, IProgress<OperationProgress> Progress);

/// <summary>One contribution for <see cref="ContributionPipeline.Run"/>.</summary>
/// <param name="InputPath">The file read (its digests go into the attestation).</param>
/// <param name="OutputPath">The file the operation will write (refused when it exists, unless --force).</param>
/// <param name="ReadChallengeHash">Reads the input's 64-byte challenge hash, which the entropy is bound to.</param>
/// <param name="Operation">The contribution itself.</param>
public sealed record ContributionRequest(string InputPath, string OutputPath, Func<byte[]> ReadChallengeHash, ContributionOperation Operation);

/// <summary>What the pipeline did.</summary>
/// <param name="Outcome">The operation's outcome.</param>
/// <param name="AttestationPath">The attestation written, or null with --no-attestation.</param>
/// <param name="Entropy">The entropy reports (kinds, devices, byte counts; never bytes).</param>
public sealed record ContributionResult(ContributionOutcome Outcome, string? AttestationPath, IReadOnlyList<EntropyReport> Entropy);
