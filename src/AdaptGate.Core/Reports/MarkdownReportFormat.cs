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
        ArgumentNullException.ThrowIfNull(report);
        options ??= new MarkdownOptions();
        foreach (var (limit, name) in new[] { (options.MaxLength, nameof(options.MaxLength)), (options.MaxUtf8Bytes, nameof(options.MaxUtf8Bytes)) })
        {
            if (limit < MarkdownOptions.MinimumMaxLength)
            {
                throw new ArgumentOutOfRangeException(nameof(options), limit, $"{name} must be at least {MarkdownOptions.MinimumMaxLength}.");
            }
        }

        if (options.Top is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Top, "Top must be at least 1.");
        }

        var ordered = DriftSeverity.Order(report.Drift.Columns);
        var shown = options.Top is { } top ? ordered.Take(top).ToArray() : ordered;
        var view = new View(report, shown, ordered.Count - shown.Count, ordered.Skip(shown.Count).Count(c => c.Drifted));
        var drifted = shown.Count(c => c.Drifted);
        bool Fits(Limits limits, out string text)
        {
            text = Render(view, limits);
            return options.Fits(text);
        }

        var all = new Limits(int.MaxValue, int.MaxValue, int.MaxValue);
        if (Fits(all, out var full))
        {
            return full;
        }

        // First the rows of the columns that did not drift (the least drifted first: the table is in that order),
        // then the drifted columns' charts (the tables say the same in fewer characters), then the drifted columns'
        // rows and the schema's list items; the verdict and the reasons always stay.
        var stable = Largest(shown.Count - drifted, n => Fits(all with { Rows = drifted + n }, out _));
        if (stable >= 0)
        {
            return Render(view, all with { Rows = drifted + stable });
        }

        var charts = Largest(drifted, n => Fits(new Limits(n, drifted, int.MaxValue), out _));
        if (charts >= 0)
        {
            return Render(view, new Limits(charts, drifted, int.MaxValue));
        }

        var rows = Largest(Math.Max(drifted, LongestSchemaList(report.Schema)), n => Fits(new Limits(0, n, n), out _));
        return rows >= 0 ? Render(view, new Limits(0, rows, rows)) : Cut(Render(view, new Limits(0, 0, 0)), options);
    }

    /// <summary>The report and the columns shown (the <c>--top</c> most drifted, or all), with how many were left out and how many of those drifted.</summary>
    private sealed record View(CheckReport Report, IReadOnlyList<ColumnDrift> Columns, int LeftOut, int LeftOutDrifted);

    /// <summary>How much of the report to write: charts of the first drifted columns, rows of the drift table, items of each schema list.</summary>
    private readonly record struct Limits(int Charts, int Rows, int SchemaItems);

    private static string Render(View view, Limits limits)
    {
        var report = view.Report;
        var md = new StringBuilder();
        WriteVerdict(md, report);
        WriteMetrics(md, report.Metrics);
        WriteTrial(md, report.Trial);
        WriteTarget(md, report.Target);
        WriteDomain(md, report.DomainClassifier);
        var rowsLeftOut = WriteDriftTable(md, view, limits.Rows);
        rowsLeftOut += WriteSchema(md, report.Schema, limits.SchemaItems);
        var chartsLeftOut = WriteCharts(md, view.Columns, limits.Charts);
        WriteLeftOut(md, chartsLeftOut, view.Columns.Count(c => c.Drifted), rowsLeftOut);
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
                $"- **{MarkdownText.Escape(reason.Rule)}** → {reason.Verdict.Name()}: {MarkdownText.Escape(reason.Message)} ({ReasonEvidence.Of(reason, report.Metrics, report.Trial)})\n");
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

    private static void WriteTrial(StringBuilder md, TrialSection? trial)
    {
        if (trial is null)
        {
            return;
        }

        md.Append("### Trial\n\n").Append(MarkdownText.Escape(TrialText.Summary(trial))).Append("\n\n");
        if (trial.Candidates.Count == 0)
        {
            return;
        }

        md.Append(Invariant, $"| Action | {MarkdownText.Escape(trial.Primary)} | Short of best |\n|---|---:|---:|\n");
        foreach (var candidate in trial.Candidates)
        {
            md.Append(Invariant, $"| {candidate.Action.Name()} | {TrialText.Metric(candidate)} | {TrialText.Shortfall(trial, candidate)} |\n");
        }

        md.Append('\n');
    }

    private static void WriteTarget(StringBuilder md, TargetSection target)
    {
        var rows = target.Compared().Select(r => (r.Role, r.Column)).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        md.Append("### Target and prediction drift\n\n| Role | Column | Method | Score | p-value | Threshold | Drifted |\n|---|---|---|---:|---:|---:|:---:|\n");
        foreach (var (role, column) in rows)
        {
            md.Append(Invariant,
                $"| {role} | {MarkdownText.Escape(column.Name)} | {MarkdownText.Escape(column.Method)} | {Number(column.Score)} | {PValue(column.AdjustedPValue)} | {Number(column.Threshold)} | {Drifted(column)} |\n");
        }

        foreach (var (role, column) in rows)
        {
            if (column.Test is { } test)
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

    /// <returns>How many rows were left out to fit the size limit.</returns>
    private static int WriteDriftTable(StringBuilder md, View view, int maxRows)
    {
        var report = view.Report;
        var columns = view.Columns;
        if (columns.Count == 0)
        {
            return 0;
        }

        var pHeader = report.Drift.Correction == "none" ? "p-value" : $"p ({MarkdownText.Escape(report.Drift.Correction)})";
        md.Append(Invariant, $"### Drift by column\n\n| Column | Kind | Method | Score | {pHeader} | Threshold | Drifted | Missing ref → cur | Note |\n|---|---|---|---:|---:|---:|:---:|---:|---|\n");
        foreach (var column in columns.Take(maxRows))
        {
            md.Append(Invariant,
                $"| {MarkdownText.Escape(column.Name)} | {MarkdownText.Escape(column.Kind)} | {MarkdownText.Escape(column.Method)} | {Number(column.Score)} | {PValue(column.AdjustedPValue)} | {Number(column.Threshold)} | {Drifted(column)} | {Percent(column.Missing.Reference)} → {Percent(column.Missing.Current)} | {MarkdownText.Escape(column.Note ?? string.Empty)} |\n");
        }

        md.Append('\n');
        if (view.LeftOut > 0)
        {
            md.Append(Invariant, $"_{TopText.LeftOut(columns.Count, view.LeftOut, view.LeftOutDrifted)}_\n\n");
        }

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
    private static int WriteCharts(StringBuilder md, IReadOnlyList<ColumnDrift> columns, int maxCharts)
    {
        var drifted = columns.Where(c => c.Drifted).ToArray();
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
                WriteChart(md, distribution, column.Kind == "numeric");
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
    /// Mermaid's xychart draws every series at the same x, so two bar series hide each other: the current data are
    /// bars and the reference a line over them. It has no legend, so one line above says which is which (the
    /// palette is set to Okabe and Ito's orange and blue, which a colour-blind reader tells apart too). Axis labels
    /// are short (b1 … b10 for numbers, shortened categories): the table under the chart has the full ranges and
    /// the same numbers, which also serves readers where Mermaid does not render.
    /// </summary>
    private static void WriteChart(StringBuilder md, ColumnDistribution distribution, bool numeric)
    {
        var highest = distribution.Reference.Concat(distribution.Current).DefaultIfEmpty(0).Max();
        var top = Math.Max(5, Math.Ceiling((highest * 20) - 1e-9) * 5);
        md.Append(numeric
            ? "Orange bars: current; blue line: reference. Share of non-missing rows (%) per bin of the reference's deciles; the bins' ranges are in the table.\n\n"
            : "Orange bars: current; blue line: reference. Share of non-missing rows (%) per category.\n\n");
        md.Append("```mermaid\n").Append(MermaidPalette).Append("\nxychart-beta\n    x-axis [");
        md.AppendJoin(", ", Enumerable.Range(0, distribution.Bins.Count).Select(i => "\"" + AxisLabel(distribution, numeric, i) + "\""));
        md.Append(Invariant, $"]\n    y-axis \"% of rows\" 0 --> {top}\n");
        md.Append("    bar [").AppendJoin(", ", distribution.Current.Select(Share)).Append("]\n");
        md.Append("    line [").AppendJoin(", ", distribution.Reference.Select(Share)).Append("]\n```\n\n");
        md.Append(numeric ? "| Bin | Range | Reference | Current |\n|---|---|---:|---:|\n" : "| Bin | Category | Reference | Current |\n|---|---|---:|---:|\n");
        for (var i = 0; i < distribution.Bins.Count; i++)
        {
            var bin = numeric ? $"b{i + 1}" : MarkdownText.Escape(AxisLabel(distribution, numeric, i));
            md.Append(Invariant, $"| {bin} | {MarkdownText.Escape(distribution.Bins[i])} | {Percent(distribution.Reference[i])} | {Percent(distribution.Current[i])} |\n");
        }

        md.Append('\n');
    }

    /// <summary>Bars (the first series) orange, the line blue: Okabe and Ito's colour-blind-safe pair, as in the HTML report.</summary>
    private const string MermaidPalette = "%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"#E69F00, #0072B2\"}}}}%%";

    /// <summary>b1 … bN for numbers; a category shortened so labels do not overlap (14 characters for up to 6 categories, 8 for more).</summary>
    private static string AxisLabel(ColumnDistribution distribution, bool numeric, int index)
    {
        if (numeric)
        {
            return string.Create(Invariant, $"b{index + 1}");
        }

        var label = MermaidText.Label(distribution.Bins[index]);
        var max = distribution.Bins.Count <= 6 ? 14 : 8;
        var info = new StringInfo(label);
        return info.LengthInTextElements <= max ? label : info.SubstringByTextElements(0, max - 1) + "…";
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
    private static string Cut(string text, MarkdownOptions options)
    {
        const string Template = "\n\n_The report was cut here to fit the size limit: {0:N0} more characters. The JSON report has everything._\n";
        var note = string.Format(Invariant, Template, text.Length);
        var keepLength = Math.Min(text.Length, Math.Min(options.MaxLength ?? int.MaxValue, options.MaxUtf8Bytes ?? int.MaxValue)) - note.Length;
        while (true)
        {
            var keep = text[..keepLength];
            var lineEnd = keep.LastIndexOf('\n');
            keep = lineEnd > 0 ? keep[..lineEnd] : keep;
            var cut = keep + string.Format(Invariant, Template, text.Length - keep.Length);
            if (options.Fits(cut) || keepLength == 0)
            {
                return cut;
            }

            // Multi-byte characters: shorten by what is still over, at least one character.
            keepLength = Math.Max(0, keepLength - Math.Max(1, Encoding.UTF8.GetByteCount(cut) - (options.MaxUtf8Bytes ?? int.MaxValue)));
        }
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

    /// <summary>A share as a percentage for the chart's y-axis: one decimal.</summary>
    private static string Share(double value) => (value * 100).ToString("0.#", Invariant);

    private static string Percent(double value) => value.ToString("0.#%", Invariant);

    private static string PValue(double? p) => p switch
    {
        null => "–",
        > 0 and < 1e-4 => p.Value.ToString("0.00E+00", Invariant),
        _ => p.Value.ToString("0.0000", Invariant),
    };
}
