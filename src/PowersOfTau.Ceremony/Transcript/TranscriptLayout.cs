using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Ptau;

namespace PowersOfTau.Ceremony.Transcript;

/// <summary>
/// Byte layout of a challenge or response file for a curve and power (spec/ptau.md §9): a 64-byte hash,
/// then the point sections 2..6 back to back (uncompressed in a challenge, compressed in a response), then,
/// in a response only, the uncompressed public key.
/// </summary>
public sealed class TranscriptLayout
{
    /// <summary>Size of the leading hash.</summary>
    public const int HashSize = 64;

    private TranscriptLayout(TranscriptFileKind kind, CurveDescriptor curve, int power)
    {
        Kind = kind;
        Curve = curve;
        Power = power;
        long at = HashSize;
        foreach (int id in PtauSections.PointSectionIds) at += SectionSize(id);
        PublicKeyOffset = at;
        FileSize = kind == TranscriptFileKind.Response ? at + PtauPublicKey.ByteSize(curve) : at;
    }

    /// <summary>Challenge or response.</summary>
    public TranscriptFileKind Kind { get; }

    /// <summary>The curve.</summary>
    public CurveDescriptor Curve { get; }

    /// <summary>The power p.</summary>
    public int Power { get; }

    /// <summary>Total file size.</summary>
    public long FileSize { get; }

    /// <summary>Offset of the public key (response) / end of the points (challenge).</summary>
    public long PublicKeyOffset { get; }

    /// <summary>The layout of a <paramref name="kind"/> file of <paramref name="curve"/> at <paramref name="power"/>.</summary>
    public static TranscriptLayout For(TranscriptFileKind kind, CurveDescriptor curve, int power)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThan(power, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, curve.MaxPower);
        return new TranscriptLayout(kind, curve, power);
    }

    /// <summary>
    /// The layout whose size is exactly <paramref name="fileSize"/>, or null (challenge contribute infers the
    /// power this way, spec/ptau.md §9).
    /// </summary>
    public static TranscriptLayout? ForFileSize(TranscriptFileKind kind, CurveDescriptor curve, long fileSize)
    {
        for (int power = 1; power <= curve.MaxPower; power++)
        {
            var layout = new TranscriptLayout(kind, curve, power);
            if (layout.FileSize == fileSize) return layout;
            if (layout.FileSize > fileSize) return null;
        }
        return null;
    }

    /// <summary>Size of one point of <paramref name="group"/> in this file's point encoding.</summary>
    public int PointSize(CurveGroup group) =>
        Kind == TranscriptFileKind.Challenge ? Curve.PointSize(group) : Curve.CompressedPointSize(group);

    /// <summary>Bytes of point section <paramref name="id"/> (2..6) in this file.</summary>
    public long SectionSize(int id) => PtauSections.PointCount(id, Power) * PointSize(PtauSections.Group(id));

    /// <summary>Offset of point section <paramref name="id"/> (2..6) in this file.</summary>
    public long SectionOffset(int id)
    {
        long at = HashSize;
        foreach (int section in PtauSections.PointSectionIds)
        {
            if (section == id) return at;
            at += SectionSize(section);
        }
        throw new ArgumentOutOfRangeException(nameof(id), id, "challenge and response files hold sections 2 to 6 only");
    }
}
