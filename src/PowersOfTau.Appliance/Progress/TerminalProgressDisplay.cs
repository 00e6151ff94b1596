using System.Globalization;
using Spectre.Console;

namespace PowersOfTau.Appliance.Progress;

/// <summary>A Spectre.Console progress bar on stderr: one task per section, with points done, points/s and ETA.</summary>
public sealed class TerminalProgressDisplay : IProgressDisplay
{
    /// <inheritdoc/>
    public T Run<T>(Func<IProgress<OperationProgress>, T> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new Sink(context)));
    }

    private sealed class Sink(ProgressContext context) : IProgress<OperationProgress>
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<string, (ProgressTask Task, ProgressRate Rate)> _tasks = new(StringComparer.Ordinal);

        public void Report(OperationProgress value)
        {
            lock (_lock)
            {
                if (!_tasks.TryGetValue(value.Section, out var entry))
                {
                    entry = (context.AddTask(Markup.Escape(value.Section), maxValue: Math.Max(1, value.Total)), new ProgressRate());
                    _tasks[value.Section] = entry;
                }
                entry.Task.MaxValue = Math.Max(1, value.Total);
                entry.Task.Value = value.Done;
                double rate = entry.Rate.PointsPerSecond(value.Done);
                entry.Task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{value.Section} {value.Done}/{value.Total} ({rate:F0} points/s)"));
            }
        }
    }
}
