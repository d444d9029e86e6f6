using System.Globalization;
using AdaptGate.Core.Adaptation;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;

namespace AdaptGate.Tool.Output;

/// <summary>The adapt report for a person: what was done and why, then each candidate's measured cost and benefit.</summary>
internal static class AdaptText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One line for logs.</summary>
    public static string Headline(AdaptReport report)
    {
        var a = report.Adaptation;
        var what = a.Performed == Verdict.Skip ? "skip (no model written)" : a.Output is { } o ? $"{a.Performed.Name()} → {InertText.Escape(o)}" : $"{a.Performed.Name()} (not written: no --output)";
        return $"adapt {a.Action.Name()}: {what}";
    }

    public static string Render(AdaptReport report)
    {
        var a = report.Adaptation;
        var text = new StringWriter(Invariant);
        text.WriteLine(Headline(report));
        text.WriteLine($"  - {InertText.Escape(a.Reason)}");
        foreach (var warning in a.Warnings)
        {
            text.WriteLine($"  ! {InertText.Escape(warning)}");
        }

        text.WriteLine();
        text.WriteLine($"Model: {InertText.Escape(a.Model.Path)} ({a.Model.Task}, {InertText.Escape(a.Model.Trainer)}{(a.Model.CanFineTune ? string.Empty : ", retrain only")}); primary metric {InertText.Escape(a.Primary)}.");
        text.WriteLine($"Rows: reference {a.Rows.ReferenceTrain:N0} train + {a.Rows.ReferenceHoldout:N0} held out; current {a.Rows.CurrentTrain:N0} train + {a.Rows.CurrentHoldout:N0} held out; replay {Number(a.Settings.Replay)} of the current training rows.");
        if (a.ForgettingBaseline == "in-sample")
        {
            text.WriteLine("Forgetting: on held-out reference rows, against the unchanged model's score on them, which is in-sample (it was trained on them): pass --reference-validation to measure it out of sample.");
        }
        else if (a.ForgettingBaseline == "out-of-sample")
        {
            text.WriteLine($"Forgetting: on the {a.Rows.ReferenceHoldout:N0} --reference-validation rows, which no model was trained on.");
        }

        if (a.Retrain is { } retrain)
        {
            text.WriteLine(retrain.Featurizer == "refitted"
                ? $"Retrain: the whole pipeline refitted from the recipe {InertText.Escape(retrain.Recipe!)} ({InertText.Escape(retrain.Trainer)}) on the window {InertText.Escape(retrain.Window)}{(retrain.DroppedColumns.Count > 0 ? $"; dropped {string.Join(", ", retrain.DroppedColumns.Select(c => $"'{InertText.Escape(c)}'"))}" : string.Empty)}."
                : $"Retrain: a new {InertText.Escape(retrain.Trainer)} behind the old model's fitted featurizer (reused: its categories and normalisation are the reference's) on the window {InertText.Escape(retrain.Window)}; pass --recipe to refit the whole pipeline.");
        }

        foreach (var removed in a.RemovedFeatures)
        {
            text.WriteLine($"Removed feature '{InertText.Escape(removed.Column)}': filled with {InertText.Escape(removed.FilledWith)} on every row (the model learns without it).");
        }

        text.WriteLine();
        var rows = new List<string[]> { new[] { "Candidate", "Status", "Ref rows", "Cur rows", $"{a.Primary} current", $"{a.Primary} reference", "Forgetting", "Seconds" } };
        foreach (var c in a.Candidates)
        {
            var mark = c.Action == a.Recommended ? " *" : string.Empty;
            rows.Add([c.Action.Name() + mark, c.Status, c.ReferenceRows.ToString("N0", Invariant), c.CurrentRows.ToString("N0", Invariant),
                Optional(c.Current), Optional(c.Reference), Optional(c.Forgetting), c.Seconds is { } s ? s.ToString("0.00", Invariant) : "-"]);
        }

        WriteTable(text, rows);
        foreach (var note in a.Candidates.Where(c => c.Note is not null))
        {
            text.WriteLine($"{note.Action.Name()}: {InertText.Escape(note.Note!)}");
        }

        if (a.Recommended is { } recommended)
        {
            text.WriteLine($"* recommended: {recommended.Name()} (cheapest within {Recommendation.Describe(a.Settings.Tolerance, a.Primary)} on held-out current rows).");
        }

        return text.ToString();
    }

    private static void WriteTable(TextWriter text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            // Names left, numbers right, as a person reads a table.
            var cells = row.Select((cell, i) => i < 2 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]));
            text.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    private static string Optional(double? value) => value is { } v ? Number(v) : "-";

    private static string Number(double value) => value.ToString("0.####", Invariant);
}
