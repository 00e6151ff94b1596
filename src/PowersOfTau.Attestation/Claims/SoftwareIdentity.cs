using System.Reflection;

namespace PowersOfTau.Attestation.Claims;

/// <summary>The software that made the contribution: EAT swname (270) and swversion (271, semver scheme).</summary>
public sealed record SoftwareIdentity(string Name, string Version)
{
    /// <summary>"powersoftau" at this assembly's informational version (without any "+commit" suffix).</summary>
    public static SoftwareIdentity Current { get; } = new(
        AttestationProfile.SoftwareName,
        (typeof(SoftwareIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? "0.0.0").Split('+')[0]);
}
