using System.Buffers.Binary;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Errors;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Zkey;

/// <summary>
/// Zkey section 10 (spec/zkey.md §1): csHash (64 bytes), u32 count, the contribution records.
/// <see cref="Parse"/> ∘ <see cref="ToBytes"/> is the identity on every valid body.
/// </summary>
public sealed record ZkeyMpcParams(byte[] CsHash, IReadOnlyList<ZkeyContribution> Contributions)
{
    /// <summary>The section body.</summary>
    public byte[] ToBytes()
    {
        var body = new byte[64 + 4 + Contributions.Sum(c => c.EncodedSize)];
        CsHash.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(64), (uint)Contributions.Count);
        int at = 68;
        foreach (var c in Contributions)
        {
            foreach (var part in new[] { c.DeltaAfter, c.G1S, c.G1Sx, c.G2Spx, c.Transcript })
            {
                part.CopyTo(body, at);
                at += part.Length;
            }
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), (uint)c.Type); at += 4;
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), (uint)c.Params.EncodedLength); at += 4;
            c.Params.WriteTo(body.AsSpan(at));
            at += c.Params.EncodedLength;
        }
        return body;
    }

    /// <summary>
    /// Parses a section 10 body. Checks, as snarkjs's readMPCParams does plus the type word: every record is
    /// complete; type is 0 or 1; parameter tags are 1, 2, 3, strictly increasing, each value inside paramsLength;
    /// the records fill the body exactly. Points are not decoded here.
    /// </summary>
    /// <exception cref="CeremonyFormatException">A check fails.</exception>
    public static ZkeyMpcParams Parse(ReadOnlySpan<byte> body, CurveDescriptor curve, string fileName)
    {
        if (body.Length < 68) throw ZkeyErrors.MpcTruncated(fileName, 0, "csHash and the number of contributions");
        var csHash = body[..64].ToArray();
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(body[64..]);
        if (count > (body.Length - 68) / ZkeyContribution.FixedSize(curve)) throw ZkeyErrors.MpcTruncated(fileName, 0, $"the {count} contributions it declares");
        int at = 68;
        var list = new List<ZkeyContribution>((int)count);
        for (int index = 1; index <= count; index++)
        {
            byte[] Take(int size, string field, ReadOnlySpan<byte> b)
            {
                if (b.Length - at < size) throw ZkeyErrors.MpcTruncated(fileName, index, field);
                var v = b.Slice(at, size).ToArray();
                at += size;
                return v;
            }
            var deltaAfter = Take(curve.G1Size, "deltaAfter", body);
            var g1s = Take(curve.G1Size, "g1_s", body);
            var g1sx = Take(curve.G1Size, "g1_sx", body);
            var g2spx = Take(curve.G2Size, "g2_spx", body);
            var transcript = Take(64, "transcript", body);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "type", body));
            if (type > 1) throw ZkeyErrors.MpcUnknownType(fileName, index, type);
            uint paramsLength = BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "paramsLength", body));
            if (paramsLength > body.Length - at) throw ZkeyErrors.MpcTruncated(fileName, index, "params");
            var parameters = ParseParams(Take((int)paramsLength, "params", body), fileName, index);
            list.Add(new ZkeyContribution
            {
                DeltaAfter = deltaAfter, G1S = g1s, G1Sx = g1sx, G2Spx = g2spx, Transcript = transcript,
                Type = (ContributionType)type, Params = parameters,
            });
        }
        if (at != body.Length) throw ZkeyErrors.MpcTrailing(fileName, body.Length - at, (int)count);
        return new ZkeyMpcParams(csHash, list);
    }

    private static ContributionParams ParseParams(byte[] p, string fileName, int index)
    {
        byte[]? name = null, beaconHash = null;
        byte? exp = null;
        int last = 0, at = 0;
        while (at < p.Length)
        {
            byte tag = p[at++];
            if (tag <= last) throw ZkeyErrors.MpcParam(fileName, index, $"parameter tag {tag} after tag {last}; tags must be strictly increasing");
            last = tag;
            if (at >= p.Length) throw ZkeyErrors.MpcParam(fileName, index, $"the value of parameter {tag} runs past paramsLength");
            switch (tag)
            {
                case ContributionParams.NameTag:
                case ContributionParams.BeaconHashTag:
                    int length = p[at++];
                    if (length > p.Length - at) throw ZkeyErrors.MpcParam(fileName, index, $"the value of parameter {tag} runs past paramsLength");
                    var value = p.AsSpan(at, length).ToArray();
                    at += length;
                    if (tag == ContributionParams.NameTag) name = value; else beaconHash = value;
                    break;
                case ContributionParams.NumIterationsExpTag:
                    exp = p[at++];
                    break;
                default:
                    throw ZkeyErrors.MpcParam(fileName, index, $"parameter tag {tag} is unknown; known tags are 1 (name), 2 (numIterationsExp), 3 (beacon hash)");
            }
        }
        return new ContributionParams { NameUtf8 = name, NumIterationsExp = exp, BeaconHash = beaconHash };
    }
}
