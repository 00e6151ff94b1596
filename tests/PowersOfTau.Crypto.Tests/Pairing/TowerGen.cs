using CsCheck;
using PowersOfTau.Crypto.Fields;

namespace PowersOfTau.Crypto.Tests.Pairing;

/// <summary>CsCheck generators of uniformly random tower elements (64 random bytes reduced mod p per coefficient).</summary>
internal static class TowerGen<TFp, TTower>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : ITowerParameters<TFp>
{
    public static readonly Gen<TFp> Fp = Gen.Byte.Array[64].Select(b => TFp.FromLEReduce(b));

    public static readonly Gen<Fp2<TFp>> Fp2 = Gen.Select(Fp, Fp, (a, b) => new Fp2<TFp>(a, b));

    public static readonly Gen<Fp6<TFp, TTower>> Fp6 = Gen.Select(Fp2, Fp2, Fp2, (a, b, c) => new Fp6<TFp, TTower>(a, b, c));

    public static readonly Gen<Fp12<TFp, TTower>> Fp12 = Gen.Select(Fp6, Fp6, (a, b) => new Fp12<TFp, TTower>(a, b));
}
