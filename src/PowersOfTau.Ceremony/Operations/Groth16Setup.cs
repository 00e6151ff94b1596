using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Files;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.R1cs;
using PowersOfTau.Ceremony.Zkey;
using PowersOfTau.Crypto.Fft;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Ceremony.Operations;

/// <summary>
/// <c>groth16 setup &lt;circuit.r1cs&gt; &lt;final.ptau&gt; &lt;circuit_0000.zkey&gt;</c> (= <c>zkey new</c>,
/// spec/zkey.md §2): the initial Groth16 key, byte-identical to snarkjs 0.7.6 for bn128 and bls12381.
/// Deterministic. Points are composed from the ptau's Lagrange sections (12–15) on all cores; every point read
/// is checked (on curve, in subgroup).
/// </summary>
public static class Groth16Setup
{
    /// <summary>Writes the initial zkey to <paramref name="zkeyPath"/> atomically.</summary>
    /// <exception cref="CeremonyFormatException">An input is unreadable or unusable: the r1cs is for the other curve, the
    /// ptau is not prepared for phase 2 or its power is too small (the message says which power is needed).</exception>
    /// <exception cref="OutputFileException">The output exists (without overwrite), is an input, or the disk is full.</exception>
    public static Groth16SetupResult Run(string r1csPath, string ptauPath, string zkeyPath, bool overwrite = false,
        IProgress<ZkeyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var r1cs = R1csFile.Open(r1csPath);
        using var ptau = PtauFile.Open(ptauPath);
        int cirPower = CheckInputs(r1cs, ptau);
        byte[] csHash = [];
        AtomicFileWriter.Write(zkeyPath,
            stream => csHash = Phase2Backend.For(r1cs.Header.Curve).Setup(r1cs, ptau, stream, cirPower, progress, cancellationToken),
            overwrite, [r1csPath, ptauPath]);
        var h = r1cs.Header;
        return new Groth16SetupResult(h.Curve, csHash, h.Wires, h.Public, h.Constraints, 1u << cirPower);
    }

    /// <summary>Writes the initial zkey to a seekable stream (used by verify to recompute it).</summary>
    internal static byte[] WriteTo(R1csFile r1cs, PtauFile ptau, Stream output, IProgress<ZkeyProgress>? progress, CancellationToken cancellationToken)
    {
        int cirPower = CheckInputs(r1cs, ptau);
        return Phase2Backend.For(r1cs.Header.Curve).Setup(r1cs, ptau, output, cirPower, progress, cancellationToken);
    }

    /// <summary>
    /// The domain power the circuit needs: m = constraints + public inputs + outputs + 1 (the extra public-input
    /// constraints and one more), cirPower = ⌊log2(m − 1)⌋ + 1 (snarkjs zkey_new.js).
    /// </summary>
    public static int RequiredPower(R1csHeader header)
    {
        long m = (long)header.Constraints + header.PublicInputs + header.Outputs + 1;
        return m <= 1 ? 1 : System.Numerics.BitOperations.Log2((ulong)(m - 1)) + 1;
    }

    private static int CheckInputs(R1csFile r1cs, PtauFile ptau)
    {
        var curve = ptau.Header.Curve;
        if (r1cs.Header.Curve != curve) throw ZkeyErrors.CurveMismatch(r1cs.FileName, r1cs.Header.Curve.Name, ptau.FileName, curve.Name);
        int cirPower = RequiredPower(r1cs.Header);
        int maximum = curve == Curves.CurveDescriptor.Bn128 ? RootsOfUnity<Fr254>.TwoAdicity : RootsOfUnity<Fr381>.TwoAdicity;
        if (cirPower > maximum) throw ZkeyErrors.CircuitTooBig(r1cs.FileName, cirPower, maximum, curve.Name);
        long m = (long)r1cs.Header.Constraints + r1cs.Header.PublicInputs + r1cs.Header.Outputs + 1;
        if (cirPower > ptau.Header.Power) throw ZkeyErrors.PtauTooSmall(ptau.FileName, ptau.Header.Power, cirPower, m);
        if (!ptau.HasPhase2Sections) throw ZkeyErrors.PtauNotPrepared(ptau.FileName);
        return cirPower;
    }
}
