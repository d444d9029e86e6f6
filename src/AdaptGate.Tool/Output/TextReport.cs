using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AdaptGate.Tool.Output;

/// <summary>The report for a person at a terminal: verdict first, then why, then the drifted columns first.</summary>
internal static class TextReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One line for logs: the verdict and the strongest reason.</summary>
    public static string Headline(CheckReport report) =>
        $"verdict: {report.Verdict.Name()} ({Inert(report.Reasons[0].Rule)}: {Inert(report.Reasons[0].Message)})";

    /// <summary>The whole report; with <paramref name="top"/> (--top) the drift table shows only that many columns, the most drifted first.</summary>
    public static string Render(CheckReport report, bool color = false, int width = 120, int? top = null)
    {
        var (console, writer) = StringConsole.Create(color, width);

        console.Write(new Markup($"[bold {VerdictColor(report.Verdict)}]Verdict: {report.Verdict.Name().ToUpperInvariant()}[/]"));
        console.WriteLine();
        foreach (var reason in report.Reasons)
        {
            console.Write(new Text(HangingIndent.Wrap($"  - [{Inert(reason.Rule)}] ", $"{Inert(reason.Message)} ({ReasonEvidence.Of(reason, report.Metrics, report.Trial)})", width)));
        }

        foreach (var warning in report.Warnings)
        {
            console.Write(new Markup("[yellow]  ! [/]"));
            console.Write(new Text(HangingIndent.Wrap(string.Empty, Inert(warning), width - 4, indent: 4)));
        }
        console.WriteLine();
        WriteMetrics(console, report.Metrics);
        WriteTrial(console, report.Trial);
        WriteTarget(console, report.Target);
        if (report.DomainClassifier is { } domain)
        {
            console.Write(new Text(string.Create(Invariant,
                $"Domain classifier: AUC {domain.Auc:0.###} ({domain.Folds}-fold, {domain.ReferenceRows:N0} + {domain.CurrentRows:N0} rows); most separating: {string.Join(", ", domain.TopColumns.Select(c => $"{Inert(c.Name)} ({c.Importance:0.##})"))}.")));
            console.WriteLine();
        }

        WriteHistory(console, report.History);
        var drift = report.Drift;
        console.Write(new Text(string.Create(Invariant,
            $"Rows: reference {report.Rows.Reference:N0}, current {report.Rows.Current:N0}. Drift ({Inert(drift.Method)}, correction {Inert(drift.Correction)}): {drift.DriftedColumns} of {drift.ComparedColumns} feature columns drifted, share {drift.Share:0.###}.")));
        console.WriteLine();

        if (drift.Columns.Count > 0)
        {
            var ordered = DriftSeverity.Order(drift.Columns);
            var shown = top is { } n ? ordered.Take(n).ToArray() : ordered;
            console.Write(DriftTable(drift, shown));
            if (shown.Count < ordered.Count)
            {
                console.Write(new Text(TopText.LeftOut(shown.Count, ordered.Count - shown.Count, ordered.Skip(shown.Count).Count(c => c.Drifted))));
                console.WriteLine();
            }
        }

        WriteSchema(console, report.Schema);
        return writer.ToString();
    }

    private static void WriteMetrics(IAnsiConsole console, MetricsSection? metrics)
    {
        if (metrics is null)
        {
            return;
        }

        var optimistic = metrics.BaselineOptimistic ? ", optimistic" : string.Empty;
        console.Write(new Text(string.Create(Invariant,
            $"Metrics ({Inert(metrics.Source)}; baseline: {Inert(metrics.BaselineSource)}{optimistic}): primary {Inert(metrics.Primary)} {metrics.Baseline:0.####}{IntervalText.Of(metrics.BaselineLow, metrics.BaselineHigh)} → {metrics.Current:0.####}{IntervalText.Of(metrics.CurrentLow, metrics.CurrentHigh)}, {MetricDropText.Phrase(metrics)}{MetricDropText.Interval(metrics.Primary, metrics.Baseline, metrics.DropLow, metrics.DropHigh)}.")));
        console.WriteLine();
        if (IntervalText.Describe(metrics) is { Length: > 0 } intervals)
        {
            console.Write(new Text(intervals));
            console.WriteLine();
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Baseline").RightAligned());
        table.AddColumn(new TableColumn("Current").RightAligned());
        table.AddColumn(new TableColumn(MetricDropText.Header).RightAligned());
        foreach (var value in metrics.Values)
        {
            table.AddRow(
                new Text(Inert(value.Name)),
                new Text(Format(value.Baseline) + IntervalText.Of(value.BaselineLow, value.BaselineHigh)),
                new Text(Format(value.Current) + IntervalText.Of(value.CurrentLow, value.CurrentHigh)),
                new Text(MetricDropText.For(value.Name, value.Baseline, value.Drop) + MetricDropText.Interval(value.Name, value.Baseline, value.DropLow, value.DropHigh)));
        }

        console.Write(table);
    }

    private static void WriteTrial(IAnsiConsole console, TrialSection? trial)
    {
        if (trial is null)
        {
            return;
        }

        console.Write(new Text(Inert(TrialText.Summary(trial))));
        console.WriteLine();
        if (trial.Candidates.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Action");
        table.AddColumn(new TableColumn(Inert(trial.Primary)).RightAligned());
        table.AddColumn(new TableColumn("Short of best").RightAligned());
        foreach (var candidate in trial.Candidates)
        {
            table.AddRow(new Text(candidate.Action.Name()), new Text(TrialText.Metric(candidate)), new Text(TrialText.Shortfall(trial, candidate)));
        }

        console.Write(table);
    }

    private static void WriteTarget(IAnsiConsole console, TargetSection target)
    {
        foreach (var (role, _, column) in target.Compared())
        {

            var measure = column.PValue is { } p ? $"p-value {FormatPValue(column.AdjustedPValue ?? p)}" : $"score {Format(column.Score)}";
            var test = column.Test is { } t ? $"; {DecisionEngine.LabelTestText(t)}" : string.Empty;
            console.Write(new Text($"{TextRole(role)}: '{Inert(column.Name)}' {(column.Drifted ? "drifted" : "stable")} ({Inert(column.Method)}, {measure}, threshold {column.Threshold.ToString("G4", Invariant)}{test})."));
            console.WriteLine();
        }
    }

    private static string TextRole(string role) => role == "Target (label)" ? "Target drift" : role + " drift";

    /// <summary>The streak the fine-tune-streak rule read, and which history lines it was counted from.</summary>
    private static void WriteHistory(IAnsiConsole console, HistorySection? history)
    {
        if (history is null)
        {
            return;
        }

        var counted = history.Counted.Count switch
        {
            0 => $"none in {history.Path}",
            1 => $"the entry at line {history.Counted[0]} of {history.Path}",
            _ => $"entries at lines {string.Join(", ", history.Counted)} of {history.Path}",
        };
        var notes = new List<string> { counted };
        if (history.Repeats.Count > 0)
        {
            notes.Add(Count(history.Repeats.Count, "repeat", "repeats") + " of the same files not counted");
        }

        if (history.OtherGates > 0)
        {
            notes.Add(Count(history.OtherGates, "entry", "entries") + " of other gates left out");
        }

        var from = history.CountedFrom == "actions" ? "recorded actions" : "check verdicts";
        var gate = history.Gate is { } g ? $"{g}, " : string.Empty;
        console.Write(new Text(
            $"History ({gate}from {from}): {Count(history.FineTunesSinceLastRetrain, "fine-tune", "fine-tunes")} since the last retrain ({string.Join("; ", notes)})."));
        console.WriteLine();
    }

    private static string Count(int count, string one, string many) => string.Create(Invariant, $"{count} {(count == 1 ? one : many)}");

    private static string Format(double? value) => value is { } v ? v.ToString("0.####", Invariant) : "-";

    private static Table DriftTable(DriftSection drift, IReadOnlyList<ColumnDrift> columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Column");
        table.AddColumn("Kind");
        table.AddColumn("Method");
        table.AddColumn(new TableColumn("Score").RightAligned());
        table.AddColumn(new TableColumn(drift.Correction == "none" ? "p-value" : $"p ({Inert(drift.Correction)})").RightAligned());
        table.AddColumn(new TableColumn("Threshold").RightAligned());
        table.AddColumn("Drifted");
        table.AddColumn(new TableColumn("Missing ref → cur").RightAligned());

        foreach (var column in columns)
        {
            var cells = new IRenderable[]
            {
                new Text(Inert(column.Name)),
                new Text(Inert(column.Kind)),
                new Text(Inert(column.Method)),
                new Text(column.Score is { } s ? s.ToString("G4", Invariant) : "-"),
                new Text(column.AdjustedPValue is { } p ? FormatPValue(p) : "-"),
                new Text(column.Threshold.ToString("G4", Invariant)),
                column.Drifted ? new Markup("[red]yes[/]") : new Text("no"),
                new Text(string.Create(Invariant, $"{column.Missing.Reference:0.#%} → {column.Missing.Current:0.#%}")),
            };
            table.AddRow(cells);
        }

        return table;
    }

    private static void WriteSchema(IAnsiConsole console, SchemaSection schema)
    {
        var lines = new List<string>();
        if (schema.OnlyInReference.Count > 0)
        {
            lines.Add($"only in reference: {Quote(schema.OnlyInReference)}");
        }

        if (schema.OnlyInCurrent.Count > 0)
        {
            lines.Add($"only in current: {Quote(schema.OnlyInCurrent)}");
        }

        lines.AddRange(schema.KindMismatches.Select(k => $"kind changed: '{Inert(k.Name)}' {Inert(k.Reference)} → {Inert(k.Current)}"));
        lines.AddRange(schema.UnseenCategories.Select(u =>
            $"unseen categories in '{Inert(u.Name)}': {u.Count} new on {u.Rows.ToString("N0", Invariant)} rows (e.g. {Quote(u.Examples)})"));
        lines.AddRange(schema.Excluded.Select(e => $"not compared: '{Inert(e.Name)}': {Inert(e.Reason)}"));

        if (lines.Count == 0)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Markup("[bold]Schema[/]"));
        console.WriteLine();
        foreach (var line in lines)
        {
            console.Write(new Text("  - " + line));
            console.WriteLine();
        }
    }

    private static string FormatPValue(double p) =>
        p is > 0 and < 1e-4 ? p.ToString("0.00E+00", Invariant) : p.ToString("0.0000", Invariant);

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{Inert(n)}'"));

    /// <summary>Every piece of text from the report goes through here: it comes from the data.</summary>
    private static string Inert(string text) => InertText.Escape(text);

    private static string VerdictColor(Verdict verdict) => verdict switch
    {
        Verdict.Skip => "green",
        Verdict.FineTune => "yellow",
        _ => "red",
    };
}
