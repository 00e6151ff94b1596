using PowersOfTau.Ceremony.Curves;

namespace PowersOfTau.Ceremony.R1cs;

/// <summary>
/// Section 1 of a .r1cs file (spec/zkey.md §7). Wire 0 is the constant 1; wires 1..<see cref="Outputs"/> are the
/// outputs, then the public inputs, then the private inputs. snarkjs takes nVars = <see cref="Wires"/> and
/// nPublic = outputs + public inputs.
/// </summary>
public sealed record R1csHeader
{
    /// <summary>The curve whose scalar field r the file's prime is.</summary>
    public required CurveDescriptor Curve { get; init; }

    /// <summary>Byte size of a field element (32).</summary>
    public required int N8 { get; init; }

    /// <summary>Number of wires (snarkjs nVars), including the constant-1 wire.</summary>
    public required uint Wires { get; init; }

    /// <summary>Number of public outputs.</summary>
    public required uint Outputs { get; init; }

    /// <summary>Number of public inputs.</summary>
    public required uint PublicInputs { get; init; }

    /// <summary>Number of private inputs.</summary>
    public required uint PrivateInputs { get; init; }

    /// <summary>Number of labels (signals before optimisation).</summary>
    public required ulong Labels { get; init; }

    /// <summary>Number of constraints.</summary>
    public required uint Constraints { get; init; }

    /// <summary>Groth16's nPublic: outputs + public inputs (not counting the constant-1 wire).</summary>
    public uint Public => Outputs + PublicInputs;
}
