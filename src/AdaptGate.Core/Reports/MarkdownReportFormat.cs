using System.Globalization;
using System.Text;
using AdaptGate.Core.Decision;

namespace AdaptGate.Core.Reports;

/// <summary>
/// The report for a pull request: verdict and reasons first, then the evidence as tables, then a
/// collapsible chart per drifted column. Every piece of text that comes from the data goes
/// through <see cref="MarkdownText"/>; numbers are formatted without culture.
/// </summary>
public static class MarkdownReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(CheckReport report, MarkdownOptions? options = null)
    {
        var all = new Limits(int.MaxValue, int.MaxValue);
        var full = Render(report, all);
        if (options?.MaxLength is not { } max || full.Length <= max)
        {
            return full;
        }

        if (max < MarkdownOptions.MinimumMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), max, $"MaxLength must be at least {MarkdownOptions.MinimumMaxLength}.");
        }

        // Charts go first (the tables say the same in fewer characters), then table rows from
        // the least drifted up; the verdict and the reasons always stay.
        var charts = Largest(report.Drift.DriftedColumns, n => Render(report, new Limits(n, int.MaxValue)).Length <= max);
        if (charts >= 0)
        {
            return Render(report, new Limits(charts, int.MaxValue));
        }

        var rows = Largest(Math.Max(report.Drift.Columns.Count, LongestSchemaList(report.Schema)), n => Render(report, new Limits(0, n)).Length <= max);
        return rows >= 0 ? Render(report, new Limits(0, rows)) : Cut(Render(report, new Limits(0, 0)), max);
    }

    /// <summary>How much of the report to write: charts of the first drifted columns, rows of each long table or list.</summary>
    private readonly record struct Limits(int Charts, int Rows);

    private static string Render(CheckReport report, Limits limits)
    {
        var md = new StringBuilder();
        WriteVerdict(md, report);
        WriteMetrics(md, report.Metrics);
        WriteTarget(md, report.Target);
        WriteDomain(md, report.DomainClassifier);
        var rowsLeftOut = WriteDriftTable(md, report, limits.Rows);
        rowsLeftOut += WriteSchema(md, report.Schema, limits.Rows);
        var chartsLeftOut = WriteCharts(md, report.Drift, limits.Charts);
        WriteLeftOut(md, chartsLeftOut, report.Drift.DriftedColumns, rowsLeftOut);
        md.Append(CultureInfo.InvariantCulture, $"<sub>AdaptGate {MarkdownText.Escape(report.Version)}: reference {MarkdownText.Escape(report.Inputs.Reference)}, current {MarkdownText.Escape(report.Inputs.Current)}.</sub>\n");
        return md.ToString();
    }

    public static string Symbol(Verdict verdict) => verdict switch
    {
        Verdict.Skip => "✅",
        Verdict.FineTune => "🔧",
        _ => "🔁",
    };

    private static void WriteVerdict(StringBuilder md, CheckReport report)
    {
        md.Append(Invariant, $"## {Symbol(report.Verdict)} AdaptGate verdict: **{report.Verdict.Name()}**\n\n");
        foreach (var reason in report.Reasons)
        {
            md.Append(Invariant,
                $"- **{MarkdownText.Escape(reason.Rule)}** → {reason.Verdict.Name()}: {MarkdownText.Escape(reason.Message)} ({ReasonEvidence.Of(reason, report.Metrics)})\n");
        }

        foreach (var warning in report.Warnings)
        {
            md.Append("- ⚠️ ").Append(MarkdownText.Escape(warning)).Append('\n');
        }

        var drift = report.Drift;
        md.Append(Invariant,
            $"\n**Rows:** reference {report.Rows.Reference:N0}, current {report.Rows.Current:N0}. **Drift** ({MarkdownText.Escape(drift.Method)}, correction {MarkdownText.Escape(drift.Correction)}): {drift.DriftedColumns} of {drift.ComparedColumns} feature columns drifted, share {Number(drift.Share)}.\n\n");
    }

    private static void WriteMetrics(StringBuilder md, MetricsSection? metrics)
    {
        if (metrics is null)
        {
            return;
        }

        var optimistic = metrics.BaselineOptimistic ? ", optimistic" : string.Empty;
        md.Append("### Metrics\n\n");
        md.Append(Invariant,
            $"Primary **{MarkdownText.Escape(metrics.Primary)}**: {Number(metrics.Baseline)}{IntervalText.Of(metrics.BaselineLow, metrics.BaselineHigh)} → {Number(metrics.Current)}{IntervalText.Of(metrics.CurrentLow, metrics.CurrentHigh)}, {MetricDropText.Phrase(metrics)}{MetricDropText.Interval(metrics.Primary, metrics.Baseline, metrics.DropLow, metrics.DropHigh)} (source {MarkdownText.Escape(metrics.Source)}; baseline {MarkdownText.Escape(metrics.BaselineSource)}{optimistic}).\n\n");
        if (IntervalText.Describe(metrics) is { Length: > 0 } intervals)
        {
            md.Append(MarkdownText.Escape(intervals)).Append("\n\n");
        }

        md.Append(Invariant, $"| Metric | Baseline | Current | {MetricDropText.Header} |\n|---|---:|---:|---:|\n");
        foreach (var value in metrics.Values)
        {
            md.Append(Invariant, $"| {MarkdownText.Escape(value.Name)} | {Number(value.Baseline)}{IntervalText.Of(value.BaselineLow, value.BaselineHigh)} | {Number(value.Current)}{IntervalText.Of(value.CurrentLow, value.CurrentHigh)} | {(value.Drop is null ? "–" : MetricDropText.For(value.Name, value.Baseline, value.Drop) + MetricDropText.Interval(value.Name, value.Baseline, value.DropLow, value.DropHigh))} |\n");
        }

        md.Append('\n');
    }

    private static void WriteTarget(StringBuilder md, TargetSection target)
    {
        var rows = new[] { ("Target (label)", target.Label), ("Prediction", target.Prediction), ("Probability", target.Probability) }
            .Where(r => r.Item2 is not null)
            .ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        md.Append("### Target and prediction drift\n\n| Role | Column | Method | Score | p-value | Threshold | Drifted |\n|---|---|---|---:|---:|---:|:---:|\n");
        foreach (var (role, column) in rows)
        {
            md.Append(Invariant,
                $"| {role} | {MarkdownText.Escape(column!.Name)} | {MarkdownText.Escape(column.Method)} | {Number(column.Score)} | {PValue(column.AdjustedPValue)} | {Number(column.Threshold)} | {Drifted(column)} |\n");
        }

        foreach (var (role, column) in rows)
        {
            if (column!.Test is { } test)
            {
                md.Append(Invariant, $"\n{role} '{MarkdownText.Escape(column.Name)}': {MarkdownText.Escape(Decision.DecisionEngine.LabelTestText(test))}.\n");
            }
        }

        md.Append('\n');
    }

    private static void WriteDomain(StringBuilder md, DomainSection? domain)
    {
        if (domain is null)
        {
            return;
        }

        var top = string.Join(", ", domain.TopColumns.Select(c => $"{MarkdownText.Escape(c.Name)} ({Number(c.Importance)})"));
        md.Append(Invariant,
            $"### Domain classifier\n\nAUC **{Number(domain.Auc)}** ({domain.Folds}-fold, {domain.ReferenceRows:N0} + {domain.CurrentRows:N0} rows; 0.5: same distribution, 1: fully separable). Most separating: {(top.Length > 0 ? top : "none")}.\n\n");
    }

    /// <returns>How many rows were left out.</returns>
    private static int WriteDriftTable(StringBuilder md, CheckReport report, int maxRows)
    {
        var columns = report.Drift.Columns;
        if (columns.Count == 0)
        {
            return 0;
        }

        var pHeader = report.Drift.Correction == "none" ? "p-value" : $"p ({MarkdownText.Escape(report.Drift.Correction)})";
        md.Append(Invariant, $"### Drift by column\n\n| Column | Kind | Method | Score | {pHeader} | Threshold | Drifted | Missing ref → cur | Note |\n|---|---|---|---:|---:|---:|:---:|---:|---|\n");
        foreach (var column in DriftSeverity.Order(columns).Take(maxRows))
        {
            md.Append(Invariant,
                $"| {MarkdownText.Escape(column.Name)} | {MarkdownText.Escape(column.Kind)} | {MarkdownText.Escape(column.Method)} | {Number(column.Score)} | {PValue(column.AdjustedPValue)} | {Number(column.Threshold)} | {Drifted(column)} | {Percent(column.Missing.Reference)} → {Percent(column.Missing.Current)} | {MarkdownText.Escape(column.Note ?? string.Empty)} |\n");
        }

        md.Append('\n');
        return Math.Max(0, columns.Count - maxRows);
    }

    /// <returns>How many list items were left out.</returns>
    private static int WriteSchema(StringBuilder md, SchemaSection schema, int maxItems)
    {
        var lists = new (string Label, string[] Items)[]
        {
            ("Only in reference", schema.OnlyInReference.Select(MarkdownText.Escape).ToArray()),
            ("Only in current", schema.OnlyInCurrent.Select(MarkdownText.Escape).ToArray()),
            ("Kind changed", schema.KindMismatches.Select(k => $"{MarkdownText.Escape(k.Name)}: {MarkdownText.Escape(k.Reference)} → {MarkdownText.Escape(k.Current)}").ToArray()),
            ("Unseen categories", schema.UnseenCategories.Select(u => string.Create(Invariant,
                $"{MarkdownText.Escape(u.Name)}: {u.Count} new on {u.Rows:N0} rows, e.g. {string.Join(", ", u.Examples.Select(e => "'" + MarkdownText.Escape(e) + "'"))}")).ToArray()),
            ("Not compared", schema.Excluded.Select(e => $"{MarkdownText.Escape(e.Name)}: {MarkdownText.Escape(e.Reason)}").ToArray()),
        };
        if (lists.All(l => l.Items.Length == 0))
        {
            return 0;
        }

        var leftOut = 0;
        md.Append("### Schema\n\n");
        foreach (var (label, items) in lists.Where(l => l.Items.Length > 0))
        {
            md.Append(Invariant, $"- {label} ({items.Length}):\n");
            foreach (var item in items.Take(maxItems))
            {
                md.Append("  - ").Append(item).Append('\n');
            }

            if (items.Length > maxItems)
            {
                md.Append(Invariant, $"  - … {items.Length - maxItems} more\n");
                leftOut += items.Length - maxItems;
            }
        }

        md.Append('\n');
        return leftOut;
    }

    /// <returns>How many drifted columns got no chart.</returns>
    private static int WriteCharts(StringBuilder md, DriftSection drift, int maxCharts)
    {
        var drifted = DriftSeverity.Order(drift.Columns).Where(c => c.Drifted).ToArray();
        var charted = drifted.Take(maxCharts).ToArray();
        if (charted.Length > 0)
        {
            md.Append("### Drifted columns\n\n");
        }

        foreach (var column in charted)
        {
            var measure = column.PValue is not null
                ? $"{MarkdownText.EscapeHtml(column.Method)} p-value {PValue(column.AdjustedPValue)}"
                : $"{MarkdownText.EscapeHtml(column.Method)} score {Number(column.Score)}";
            md.Append(Invariant, $"<details><summary><b>{MarkdownText.EscapeHtml(column.Name)}</b>: {measure} (threshold {Number(column.Threshold)})</summary>\n\n");
            if (column.Distribution is { } distribution)
            {
                WriteChart(md, distribution);
            }
            else
            {
                md.Append(MarkdownText.Escape(column.Note ?? "No distribution: the column could not be compared.")).Append("\n\n");
            }

            md.Append("</details>\n\n");
        }

        return drifted.Length - charted.Length;
    }

    /// <summary>
    /// Mermaid's xychart has no legend, so the series order is said in words and the same numbers
    /// follow as a table (which also serves readers where Mermaid does not render).
    /// </summary>
    private static void WriteChart(StringBuilder md, ColumnDistribution distribution)
    {
        var highest = distribution.Reference.Concat(distribution.Current).DefaultIfEmpty(0).Max();
        var top = Math.Max(0.05, Math.Ceiling(highest * 20) / 20);
        md.Append("```mermaid\nxychart-beta\n    x-axis [");
        md.AppendJoin(", ", distribution.Bins.Select(b => "\"" + MermaidText.Label(b) + "\""));
        md.Append(Invariant, $"]\n    y-axis \"share of rows\" 0 --> {Number(top)}\n");
        md.Append("    bar [").AppendJoin(", ", distribution.Reference.Select(Share)).Append("]\n");
        md.Append("    bar [").AppendJoin(", ", distribution.Current.Select(Share)).Append("]\n```\n\n");
        md.Append("Bars: reference first, current second.\n\n| Bin | Reference | Current |\n|---|---:|---:|\n");
        for (var i = 0; i < distribution.Bins.Count; i++)
        {
            md.Append(Invariant, $"| {MarkdownText.Escape(distribution.Bins[i])} | {Percent(distribution.Reference[i])} | {Percent(distribution.Current[i])} |\n");
        }

        md.Append('\n');
    }

    private static void WriteLeftOut(StringBuilder md, int charts, int drifted, int rows)
    {
        if (charts == 0 && rows == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (charts > 0)
        {
            parts.Add(string.Create(Invariant, $"the charts of {charts} of {drifted} drifted columns"));
        }

        if (rows > 0)
        {
            parts.Add(string.Create(Invariant, $"{rows} table rows and list items"));
        }

        md.Append(Invariant, $"_Left out to fit the size limit: {string.Join(" and ", parts)}. The JSON report has everything._\n\n");
    }

    /// <summary>The last resort when even the tables without rows are too long (say, thousands of warnings).</summary>
    private static string Cut(string text, int max)
    {
        const string Template = "\n\n_The report was cut here to fit the size limit: {0:N0} more characters. The JSON report has everything._\n";
        var note = string.Format(Invariant, Template, text.Length);
        var keep = text[..(max - note.Length)];
        var lineEnd = keep.LastIndexOf('\n');
        keep = lineEnd > 0 ? keep[..lineEnd] : keep;
        return keep + string.Format(Invariant, Template, text.Length - keep.Length);
    }

    /// <summary>The largest n in [0, upper] for which <paramref name="fits"/> holds, or -1; fits must hold for every n below one that fits.</summary>
    private static int Largest(int upper, Func<int, bool> fits)
    {
        if (!fits(0))
        {
            return -1;
        }

        int lo = 0, hi = upper;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (fits(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static int LongestSchemaList(SchemaSection schema) =>
        new[] { schema.OnlyInReference.Count, schema.OnlyInCurrent.Count, schema.KindMismatches.Count, schema.UnseenCategories.Count, schema.Excluded.Count }.Max();

    private static string Drifted(ColumnDrift column) => column.Drifted ? "**yes**" : "no";

    /// <summary>Four decimals, but a tiny non-zero value keeps its digits rather than reading as 0.</summary>
    private static string Number(double? value) => value switch
    {
        null => "–",
        var v when v != 0 && Math.Abs(v.Value) < 1e-4 => v.Value.ToString("0.###E+0", Invariant),
        var v => v.Value.ToString("0.####", Invariant),
    };

    private static string Share(double value) => value.ToString("0.####", Invariant);

    private static string Percent(double value) => value.ToString("0.#%", Invariant);

    private static string PValue(double? p) => p switch
    {
        null => "–",
        > 0 and < 1e-4 => p.Value.ToString("0.00E+00", Invariant),
        _ => p.Value.ToString("0.0000", Invariant),
    };
}
