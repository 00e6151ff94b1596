using System.Text;
using PowersOfTau.Ceremony.Curves;
using PowersOfTau.Ceremony.Operations;

namespace PowersOfTau.Interop.Tests.Infrastructure;

/// <summary>
/// The tau side of every phase-1 verb. A verb that the `tau` CLI has (<see cref="TauCli.HasVerb"/>) runs as the real
/// executable; a verb the CLI does not have (beacon, prepare phase2 and challenge contribute had no CLI verb when this
/// suite was written; all have one now) runs the Ceremony room's operation in-process, so a build without the verb
/// still checks the room. <see cref="UsedCli"/> records which path ran, for the test output.
/// </summary>
public sealed class TauVerbs(Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    /// <summary>Which verbs ran through the CLI (true) or in-process (false).</summary>
    public Dictionary<string, bool> UsedCli { get; } = [];

    /// <summary>Whether `tau powersoftau verify` exists in this build.</summary>
    public static bool HasVerify => TauCli.HasVerb("powersoftau", "verify");

    /// <summary>tau powersoftau new.</summary>
    public void New(string curve, int power, string output) =>
        Cli("new", ["powersoftau", "new", curve, power.ToString(), output], null);

    /// <summary>tau powersoftau contribute with the 64 random bytes fixed (--insecure-test-randomness) and -e text.</summary>
    public void Contribute(string input, string output, string name, string entropyText, string randomHex) =>
        Cli("contribute", ["powersoftau", "contribute", input, output, "--name", name, "-e", entropyText,
            "--no-attestation", "--insecure-test-randomness", randomHex], null);

    /// <summary>tau powersoftau export challenge.</summary>
    public void ExportChallenge(string ptau, string challenge) =>
        Cli("export challenge", ["powersoftau", "export", "challenge", ptau, challenge], null);

    /// <summary>tau powersoftau import response.</summary>
    public void ImportResponse(string ptau, string response, string output, string name) =>
        Cli("import response", ["powersoftau", "import", "response", ptau, response, output, "--name", name], null);

    /// <summary>tau powersoftau truncate (writes &lt;name&gt;_NN.ptau next to the input).</summary>
    public void Truncate(string ptau) => Cli("truncate", ["powersoftau", "truncate", ptau], null);

    /// <summary>tau powersoftau beacon.</summary>
    public void Beacon(string input, string output, string beaconHashHex, int numIterationsExp, string name) =>
        Cli("beacon", ["powersoftau", "beacon", input, output, beaconHashHex, numIterationsExp.ToString(), "--name", name],
            () => PowersOfTauBeacon.Apply(input, output, Convert.FromHexString(beaconHashHex), numIterationsExp, name));

    /// <summary>tau powersoftau prepare phase2.</summary>
    public void PreparePhase2(string input, string output) =>
        Cli("prepare phase2", ["powersoftau", "prepare", "phase2", input, output],
            () => PowersOfTau.Ceremony.Operations.PreparePhase2.Prepare(input, output));

    /// <summary>tau powersoftau challenge contribute with the 64 random bytes fixed.</summary>
    public void ChallengeContribute(string curve, string challenge, string response, string name, string entropyText, string randomHex) =>
        Cli("challenge contribute", ["powersoftau", "challenge", "contribute", curve, challenge, response, "--name", name, "-e", entropyText,
                "--no-attestation", "--insecure-test-randomness", randomHex],
            () =>
            {
                using var seed = PowersOfTauContribute.SnarkjsSeed(Convert.FromHexString(randomHex), Encoding.UTF8.GetBytes(entropyText));
                PowersOfTau.Ceremony.Operations.ChallengeContribute.Apply(CurveDescriptor.FromName(curve)!, challenge, response, seed);
            });

    /// <summary>tau powersoftau verify; null when this build has no verify verb.</summary>
    public ProcessResult? Verify(string ptau) => HasVerify ? TauCli.Run("powersoftau", "verify", ptau) : null;

    private void Cli(string verb, string[] args, Action? inProcess)
    {
        string[] words = verb.Split(' ');
        bool viaCli = inProcess is null || TauCli.HasVerb(["powersoftau", .. words]);
        UsedCli[verb] = viaCli;
        _log($"tau {verb} ({(viaCli ? "CLI" : "in-process operation, the CLI verb is not there yet")})");
        if (viaCli) TauCli.RunOk(args);
        else inProcess!();
    }
}
