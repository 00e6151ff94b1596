using CsCheck;
using PowersOfTau.Crypto.Fields;
using static PowersOfTau.Crypto.Tests.Fields.FieldTestHelpers;

namespace PowersOfTau.Crypto.Tests.Fields;

public sealed class BatchInversionTests
{
    [Fact]
    public void Matches_single_inversions_and_keeps_zeros() =>
        Element<Fr254>().Array[0, 40].Sample(values =>
        {
            if (values.Length > 3) { values[0] = Fr254.Zero; values[^1] = Fr254.Zero; }
            var dst = new Fr254[values.Length];
            BatchInversion.Invert<Fr254>(values, dst);
            var inPlace = (Fr254[])values.Clone();
            BatchInversion.InvertInPlace<Fr254>(inPlace);
            for (int i = 0; i < values.Length; i++)
            {
                Fr254.Inverse(values[i], out var single);
                Assert.True(dst[i] == single && inPlace[i] == single);
            }
        }, iter: 50);

    [Fact]
    public void All_zero_input_gives_all_zero()
    {
        var values = new Fp381[5];
        BatchInversion.InvertInPlace<Fp381>(values);
        Assert.All(values, v => Assert.True(v == Fp381.Zero));
    }

    [Fact]
    public void Rejects_overlapping_or_mismatched_spans()
    {
        var values = new Fp254[4];
        Assert.Throws<ArgumentException>(() => BatchInversion.Invert<Fp254>(values, values));
        Assert.Throws<ArgumentException>(() => BatchInversion.Invert<Fp254>(values, new Fp254[3]));
    }
}
