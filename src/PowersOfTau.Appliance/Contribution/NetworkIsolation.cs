using System.Net.NetworkInformation;

namespace PowersOfTau.Appliance.Contribution;

/// <summary>What <c>--airgapped</c> checks: no network interface other than loopback is up.</summary>
public static class NetworkIsolation
{
    /// <summary>Names of the interfaces that are up and not loopback.</summary>
    public static IReadOnlyList<string> NonLoopbackInterfacesUp() =>
        [.. NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .Select(i => i.Name)];
}
