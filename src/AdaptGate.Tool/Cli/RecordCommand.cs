using System.CommandLine;
using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.History;
using AdaptGate.Core.Output;

namespace AdaptGate.Tool.Cli;

/// <summary><c>adaptgate record</c>: note in the history what the pipeline did to the model, for the fine-tune streak.</summary>
internal static class RecordCommand
{
    private static readonly string[] ActionNames = ["fine-tune", "retrain", "skip"];

    public static Command Create(TextWriter stdout)
    {
        var action = new Option<string>("--action", "-a")
        {
            Description = "What the pipeline did: fine-tune, retrain or skip.",
            Required = true,
        };
        action.AcceptOnly(ActionNames);
        var history = new Option<string?>("--history")
        {
            Description = "History file (JSON lines). Default: history.path of the policy (.adaptgate/history.jsonl).",
        };
        var policy = PolicySource.CreateOption();

        var command = new Command("record", "Append what the pipeline did to the model to the history, so the fine-tune streak rule counts real fine-tunes.\n\nExample:\n  adaptgate record --action fine-tune")
        {
            action, history, policy,
        };

        command.SetAction(parse =>
        {
            // AcceptOnly has already refused anything TryParse would not take.
            _ = VerdictNames.TryParse(parse.GetValue(action)!, out var done);
            var (loaded, policyPath) = PolicySource.Load(parse.GetValue(policy));
            var path = parse.GetValue(history) ?? loaded.History.Path;
            if (policyPath is not null)
            {
                OutputGuard.Refuse([new FileRole("the history file (--history)", path)], [new FileRole("the policy (--policy)", policyPath)]);
            }

            var log = new HistoryLog(path);
            var entry = log.AppendAction(done);
            var read = log.Read();
            var streak = HistoryLog.FineTunesSinceLastRetrain(read.Entries);

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Recorded {done.Name()} in {path} at {entry.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; {streak} fine-tune{(streak == 1 ? string.Empty : "s")} since the last retrain."));
            if (read.Problems.Count > 0)
            {
                stdout.WriteLine($"Skipped {read.Problems.Count} unreadable line(s) of the history, first line {read.Problems[0].Line}: {read.Problems[0].Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
