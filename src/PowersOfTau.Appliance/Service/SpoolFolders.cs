using PowersOfTau.Appliance.Cli;

namespace PowersOfTau.Appliance.Service;

/// <summary>
/// The spool the service works on: <c>inbox/</c> (a coordinator or operator drops <c>*.ptau</c> / <c>*.zkey</c>,
/// by renaming a finished file into it), <c>outbox/</c> (results and their attestations), <c>done/</c> and
/// <c>failed/</c> (inputs after their job, the latter with <c>&lt;name&gt;.error.txt</c>). All four must exist and
/// be writable; the service never creates them, so a typo in the path cannot start an empty, unwatched spool.
/// </summary>
public sealed class SpoolFolders
{
    /// <summary>The prefix of the service's own in-progress names in outbox/ (hidden, never a finished file).</summary>
    public const string InProgressPrefix = ".inprogress-";

    private SpoolFolders(string root)
    {
        Root = root;
        Inbox = Path.Combine(root, "inbox");
        Outbox = Path.Combine(root, "outbox");
        Done = Path.Combine(root, "done");
        Failed = Path.Combine(root, "failed");
    }

    /// <summary>The spool root.</summary>
    public string Root { get; }

    /// <summary>Where inputs arrive.</summary>
    public string Inbox { get; }

    /// <summary>Where outputs and attestations appear.</summary>
    public string Outbox { get; }

    /// <summary>Inputs whose contribution succeeded.</summary>
    public string Done { get; }

    /// <summary>Inputs whose contribution failed, each with its reason.</summary>
    public string Failed { get; }

    /// <summary>Checks that the four folders exist and are writable (by creating and deleting a probe file in each).</summary>
    /// <exception cref="UserFacingError">A folder is missing or not writable (exit 2).</exception>
    public static SpoolFolders Open(string root)
    {
        var spool = new SpoolFolders(root);
        foreach (string folder in new[] { spool.Inbox, spool.Outbox, spool.Done, spool.Failed })
        {
            if (!Directory.Exists(folder))
                throw new UserFacingError(ExitCodes.BadInput, $"spool folder {folder} does not exist; create inbox/, outbox/, done/ and failed/ under {root} (images/README.md)");
            string probe = Path.Combine(folder, $".probe-{Environment.ProcessId}");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserFacingError(ExitCodes.BadInput, $"spool folder {folder} is not writable by this service: {e.Message}");
            }
        }
        return spool;
    }

    /// <summary>
    /// The next input: the oldest <c>*.ptau</c> or <c>*.zkey</c> in inbox/ (by modification time, then name), or null.
    /// Hidden names (a dot first, e.g. a file still being copied as <c>.x.ptau.part</c>) are ignored.
    /// </summary>
    public FileInfo? NextInput() =>
        new DirectoryInfo(Inbox).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && SpoolJobKinds.Of(f.Name) is not null)
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Removes what a killed run left in outbox/: in-progress names and the atomic writer's temporaries.</summary>
    /// <returns>The names removed.</returns>
    public IReadOnlyList<string> RemoveLeftovers()
    {
        var removed = new List<string>();
        foreach (var file in new DirectoryInfo(Outbox).EnumerateFiles(InProgressPrefix + "*"))
        {
            file.Delete();
            removed.Add(file.Name);
        }
        return removed;
    }

    /// <summary>Moves <paramref name="file"/> into <paramref name="folder"/>, with a time suffix when the name is taken.</summary>
    /// <returns>The new path.</returns>
    public static string MoveInto(string file, string folder)
    {
        string target = Path.Combine(folder, Path.GetFileName(file));
        if (File.Exists(target))
            target = Path.Combine(folder, $"{Path.GetFileName(file)}.{DateTime.UtcNow:yyyyMMddTHHmmssfff}");
        File.Move(file, target);
        return target;
    }
}
