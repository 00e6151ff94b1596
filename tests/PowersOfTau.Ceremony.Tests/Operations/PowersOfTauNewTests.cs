using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Operations;
using PowersOfTau.Ceremony.Ptau;
using PowersOfTau.Ceremony.Tests.Support;

namespace PowersOfTau.Ceremony.Tests.Operations;

public sealed class PowersOfTauNewTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bn128")]
    [InlineData("bls12381")]
    public void New_is_byte_identical_to_snarkjs(string curve)
    {
        string output = _temp.File("new.ptau");
        PowersOfTauNew.Write(CurveDescriptor.FromName(curve)!, 4, output);
        Assert.Equal(File.ReadAllBytes(PtauFixtures.PathOf($"{curve}_p4_0000.ptau")), File.ReadAllBytes(output));
        Assert.Equal(["new.ptau"], _temp.Entries());
    }

    [Fact]
    public void New_at_another_power_differs_and_parses()
    {
        string output = _temp.File("new3.ptau");
        PowersOfTauNew.Write(CurveDescriptor.Bn128, 3, output);
        Assert.NotEqual(File.ReadAllBytes(PtauFixtures.PathOf("bn128_p4_0000.ptau")), File.ReadAllBytes(output));
        using var ptau = PtauFile.Open(output);
        Assert.Equal(3, ptau.Header.Power);
        Assert.Empty(ptau.Contributions);
    }

    [Fact]
    public void New_refuses_an_existing_output_and_powers_snarkjs_refuses()
    {
        string output = _temp.Write("exists.ptau", [1]);
        Assert.Throws<OutputFileException>(() => PowersOfTauNew.Write(CurveDescriptor.Bn128, 4, output));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowersOfTauNew.Write(CurveDescriptor.Bn128, 0, _temp.File("a.ptau")));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowersOfTauNew.Write(CurveDescriptor.Bn128, 29, _temp.File("b.ptau")));
        Assert.Equal(["exists.ptau"], _temp.Entries());
    }
}
