using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>What <c>groth16 setup</c> made: the circuit hash snarkjs prints ("Circuit hash:") and the key's shape.</summary>
public sealed record Groth16SetupResult(CurveDescriptor Curve, byte[] CsHash, uint NVars, uint NPublic, uint NConstraints, uint DomainSize);
