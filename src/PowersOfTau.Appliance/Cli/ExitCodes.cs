namespace PowersOfTau.Appliance.Cli;

/// <summary>Exit codes of every `tau` verb (ARCHITECTURE.md §3).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int VerificationFailed = 1;
    public const int BadInput = 2;
    public const int DeviceFailed = 3;
    public const int Cancelled = 130;
}
