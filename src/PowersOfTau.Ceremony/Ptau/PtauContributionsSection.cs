using System.Buffers.Binary;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;

namespace PowersOfTau.Ceremony.Ptau;

/// <summary>
/// Parses and writes section 7 (spec/ptau.md §4): nContributions u32, then the records.
/// Parse ∘ Write is the identity on the bytes of every valid section.
/// </summary>
public static class PtauContributionsSection
{
    /// <summary>
    /// Parses a section 7 body. Checks (as snarkjs's readContributions does, plus the type word): every
    /// record is complete; type is 0 or 1; parameter tags are 1, 2 or 3, strictly increasing, and each value
    /// ends inside paramsLength; the records fill the body exactly. Points and hashes are not checked.
    /// </summary>
    /// <exception cref="CeremonyFormatException">A check fails: unknown tag and truncation are Unreadable,
    /// unsorted tags, wrong type or size disagreements InvalidTranscript.</exception>
    public static IReadOnlyList<PtauContribution> Parse(ReadOnlySpan<byte> body, CurveDescriptor curve, string fileName)
    {
        var cursor = new Cursor(body, fileName);
        uint count = cursor.ReadUInt32(0, "the number of contributions");
        long minimum = 4 + (long)count * PtauContribution.FixedSize(curve);
        if (minimum > body.Length) throw CeremonyErrors.ContributionCountTooLarge(fileName, count, body.Length, PtauContribution.FixedSize(curve));

        var contributions = new List<PtauContribution>((int)count);
        for (int index = 1; index <= count; index++)
        {
            contributions.Add(ParseOne(ref cursor, curve, index));
        }
        if (cursor.Remaining != 0) throw CeremonyErrors.ContributionsTrailingBytes(fileName, cursor.Remaining, (int)count);
        return contributions;
    }

    private static PtauContribution ParseOne(ref Cursor c, CurveDescriptor curve, int index)
    {
        int g1 = curve.G1Size, g2 = curve.G2Size;
        var tauG1 = c.Take(g1, index, "tauG1");
        var tauG2 = c.Take(g2, index, "tauG2");
        var alphaG1 = c.Take(g1, index, "alphaG1");
        var betaG1 = c.Take(g1, index, "betaG1");
        var betaG2 = c.Take(g2, index, "betaG2");
        var key = PtauPublicKey.FromBytes(c.Take(PtauPublicKey.ByteSize(curve), index, "public key"), curve);
        var partialHash = c.Take(PtauContribution.PartialHashSize, index, "partialHash");
        var nextChallenge = c.Take(PtauContribution.HashSize, index, "nextChallenge");
        uint type = c.ReadUInt32(index, "type");
        if (type > (uint)ContributionType.Beacon) throw CeremonyErrors.ContributionUnknownType(c.FileName, index, type);
        uint paramsLength = c.ReadUInt32(index, "paramsLength");
        if (paramsLength > c.Remaining) throw CeremonyErrors.ContributionTruncated(c.FileName, index, "params");
        var parameters = ParseParams(c.Take((int)paramsLength, index, "params"), c.FileName, index);
        return new PtauContribution
        {
            TauG1 = tauG1, TauG2 = tauG2, AlphaG1 = alphaG1, BetaG1 = betaG1, BetaG2 = betaG2,
            PublicKey = key, PartialHash = partialHash, NextChallenge = nextChallenge,
            Type = (ContributionType)type, Params = parameters,
        };
    }

    /// <summary>
    /// Parses a parameter list (the bytes after paramsLength). Shared with .zkey contributions
    /// (spec/zkey.md §1), which use the same tags.
    /// </summary>
    /// <exception cref="CeremonyFormatException">Unknown tag, unsorted tags or a value past the end.</exception>
    public static ContributionParams ParseParams(ReadOnlySpan<byte> bytes, string fileName, int contributionIndex)
    {
        byte[]? name = null, beaconHash = null;
        byte? exp = null;
        int at = 0, lastTag = 0;
        while (at < bytes.Length)
        {
            byte tag = bytes[at++];
            if (tag is < ContributionParams.NameTag or > ContributionParams.BeaconHashTag)
                throw CeremonyErrors.ParamUnknownTag(fileName, contributionIndex, tag);
            if (tag <= lastTag) throw CeremonyErrors.ParamsUnsorted(fileName, contributionIndex, tag, lastTag);
            lastTag = tag;
            if (at >= bytes.Length) throw CeremonyErrors.ParamOverrun(fileName, contributionIndex, tag);
            if (tag == ContributionParams.NumIterationsExpTag)
            {
                exp = bytes[at++];
                continue;
            }
            int length = bytes[at++];
            if (length > bytes.Length - at) throw CeremonyErrors.ParamOverrun(fileName, contributionIndex, tag);
            var value = bytes.Slice(at, length).ToArray();
            at += length;
            if (tag == ContributionParams.NameTag) name = value;
            else beaconHash = value;
        }
        return new ContributionParams { NameUtf8 = name, NumIterationsExp = exp, BeaconHash = beaconHash };
    }

    /// <summary>Size of the section 7 body for <paramref name="contributions"/>.</summary>
    public static long BodySize(IReadOnlyList<PtauContribution> contributions, CurveDescriptor curve) =>
        4 + contributions.Sum(c => (long)PtauContribution.FixedSize(curve) + c.Params.EncodedLength);

    /// <summary>Serialises the section 7 body exactly as snarkjs's writeContributions does.</summary>
    /// <exception cref="ArgumentException">A point or hash has the wrong length for <paramref name="curve"/>.</exception>
    public static byte[] Write(IReadOnlyList<PtauContribution> contributions, CurveDescriptor curve)
    {
        var body = new byte[BodySize(contributions, curve)];
        BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)contributions.Count);
        int at = 4;
        foreach (var c in contributions)
        {
            Put(c.TauG1, curve.G1Size, "tauG1");
            Put(c.TauG2, curve.G2Size, "tauG2");
            Put(c.AlphaG1, curve.G1Size, "alphaG1");
            Put(c.BetaG1, curve.G1Size, "betaG1");
            Put(c.BetaG2, curve.G2Size, "betaG2");
            foreach (var (point, i) in c.PublicKey.PointsInOrder().Select((p, i) => (p, i)))
                Put(point, i < 6 ? curve.G1Size : curve.G2Size, "public key point");
            Put(c.PartialHash, PtauContribution.PartialHashSize, "partialHash");
            Put(c.NextChallenge, PtauContribution.HashSize, "nextChallenge");
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), (uint)c.Type);
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at + 4), (uint)c.Params.EncodedLength);
            at += 8;
            c.Params.WriteTo(body.AsSpan(at));
            at += c.Params.EncodedLength;
        }
        return body;

        void Put(byte[] field, int size, string what)
        {
            if (field.Length != size)
                throw new ArgumentException($"{what} is {field.Length} bytes; {curve.Name} needs {size}", nameof(contributions));
            field.CopyTo(body, at);
            at += size;
        }
    }

    private ref struct Cursor(ReadOnlySpan<byte> body, string fileName)
    {
        private readonly ReadOnlySpan<byte> _body = body;
        private int _at;

        public readonly string FileName => fileName;
        public readonly int Remaining => _body.Length - _at;

        public byte[] Take(int size, int index, string field)
        {
            if (size > Remaining) throw CeremonyErrors.ContributionTruncated(fileName, index, field);
            var value = _body.Slice(_at, size).ToArray();
            _at += size;
            return value;
        }

        public uint ReadUInt32(int index, string field)
        {
            if (Remaining < 4) throw CeremonyErrors.ContributionTruncated(fileName, index, field);
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(_body[_at..]);
            _at += 4;
            return value;
        }
    }
}
