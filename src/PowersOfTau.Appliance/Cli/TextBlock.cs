namespace PowersOfTau.Appliance.Cli;

/// <summary>Prints a rendered block with exactly one final newline (renderers end theirs with one already).</summary>
public static class TextBlock
{
    /// <summary>Writes <paramref name="text"/>, adding a newline only when it lacks one.</summary>
    public static void Write(TextWriter output, string text) => output.Write(text.EndsWith('\n') ? text : text + "\n");
}
