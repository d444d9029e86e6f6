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
        var reference = new Option<string?>("--reference", "-r")
        {
            Description = "The reference data of the model acted on: its content hash places the action in that gate's streak. Default: the policy's history.gate, else the gate of the last check in the history.",
        };
        var policy = PolicySource.CreateOption();

        var command = new Command("record", "Append what the pipeline did to the model to the history, so the fine-tune streak rule counts real fine-tunes.\n\nExample:\n  adaptgate record --action fine-tune --reference data/reference.csv")
        {
            action, history, reference, policy,
        };

        command.SetAction(parse =>
        {
            // AcceptOnly has already refused anything TryParse would not take.
            _ = VerdictNames.TryParse(parse.GetValue(action)!, out var done);
            var (loaded, policyPath) = PolicySource.Load(parse.GetValue(policy));
            var gatePolicy = loaded.History;
            var path = parse.GetValue(history) ?? gatePolicy.Path;
            if (policyPath is not null)
            {
                OutputGuard.Refuse([new FileRole("the history file (--history)", path)], [new FileRole("the policy (--policy)", policyPath)]);
            }

            var (entry, streak, read, gate) = ActionRecorder.Record(new HistoryLog(path), done, gatePolicy.Gate, parse.GetValue(reference));
            var count = streak.FineTunes;

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Recorded {done.Name()} in {path} at {entry.Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} ({gate}); {count} fine-tune{(count == 1 ? string.Empty : "s")} since the last retrain."));
            if (read.Problems.Count > 0)
            {
                stdout.WriteLine($"Skipped {read.Problems.Count} unreadable line(s) of the history, first line {read.Problems[0].Line}: {read.Problems[0].Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
