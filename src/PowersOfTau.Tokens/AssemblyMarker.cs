namespace PowersOfTau.Tokens;

/// <summary>Room marker; see ../shared/ARCHITECTURE.md §2.</summary>
internal static class AssemblyMarker { }
