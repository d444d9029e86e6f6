using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Profiles;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Sql;

/// <summary>
/// Profiles a SQL source inside its engine, whatever the engine (the queries come from <see cref="SqlProfileQueries"/>):
/// one scan for every column's counts and moments, a GROUP BY per categorical column, and per numeric column either its
/// sorted values (at most <see cref="ColumnSummarizer.ExactValuesLimit"/>, then summarised exactly as a file's column
/// is) or exact bucket counts (<see cref="SqlRankSummary"/>) that give its decile plan exactly and a sketch within the
/// stated bound; last, one scan for the counts under every plan (docs/profiles.md, "SQL sources").
/// </summary>
public static class SqlProfiler
{
    /// <summary>A reference profile: every numeric column under its own decile plan.</summary>
    public static SqlProfile Reference(SqlProfileContext context) => Run(context, reference: null);

    /// <summary>
    /// A current profile: a numeric column that the reference has as a numeric column of the same name is counted under
    /// the reference's plan (its edges are the reference's), any other column under its own.
    /// </summary>
    public static SqlProfile Current(SqlProfileContext context, ProfileBody reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Run(context, reference);
    }

    private static SqlProfile Run(SqlProfileContext context, ProfileBody? reference)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (columns, skipped) = Describe(context);
        var moments = context.Runner.Query(context.Queries.Moments(columns), context.CancellationToken)[0];
        var rows = SqlValues.Long(moments[0]);
        if (rows == 0)
        {
            throw new InputException("The source has no rows.", context.Source, hint: "Check the query's filter, table or files: a profile needs data.");
        }

        var at = 1;
        var profiled = new ProfileColumn?[columns.Count];
        var large = new List<(int Index, ColumnMoments Moments, SqlRankSummary Ranks, double[] Edges)>();
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (!column.Type.IsNumber)
            {
                var present = SqlValues.Long(moments[at++]);
                profiled[i] = Categorical(context, column, rows, rows - present);
                continue;
            }

            var m = ColumnMoments.Read(moments, at);
            at += SqlProfileQueries.NumberMomentsWidth;
            if (double.IsInfinity(m.Min) && m.Count > 0 || double.IsInfinity(m.Max) && m.Count > 0)
            {
                throw new InputException(
                    "The column holds infinite values; drift tests need finite numbers.",
                    context.Source,
                    column: column.Name,
                    hint: "Turn them into NULL or a finite value in the query (for example CASE WHEN isinf(x) THEN NULL ELSE x END).");
            }

            var plan = PlanOf(reference, column);
            if (m.Count <= ColumnSummarizer.ExactValuesLimit)
            {
                profiled[i] = Exact(context, column, rows, plan, seed: (ulong)i);
                continue;
            }

            var ranks = plan is null ? QuantileBinning.EdgeRanks(m.Count) : [];
            var summary = SqlRankSummary.Build(context, column, m.Count, m.Min, m.Max, ranks);
            var edges = plan ?? Edges(context, column, summary, m.Count, ranks);
            large.Add((i, m, summary, edges));
        }

        if (large.Count > 0)
        {
            // A reference's edges lie in buckets it fetched, so its counts need no scan; a current's plan came from elsewhere.
            var known = large.Select(l => reference is null ? l.Ranks.Below(l.Edges) : null).ToArray();
            var counted = large.Where((_, i) => known[i] is null).ToArray();
            var row = counted.Length == 0 ? [] : context.Runner.Query(context.Queries.BelowCounts([.. counted.Select(l => (columns[l.Index], l.Edges))]), context.CancellationToken)[0];
            var next = 1;
            for (var l = 0; l < large.Count; l++)
            {
                var (index, m, summary, edges) = large[l];
                var below = known[l] ?? [.. edges.Select(_ => SqlValues.Long(row[next++]))];
                var counts = new long[edges.Length + 1];
                var previous = 0L;
                for (var e = 0; e < edges.Length; e++)
                {
                    counts[e] = below[e] - previous;
                    previous = below[e];
                }

                counts[edges.Length] = m.Count - previous;
                var column = columns[index];
                profiled[index] = new ProfileColumn(
                    column.Name,
                    ColumnComparer.KindName(column.Type.Kind!.Value),
                    rows,
                    rows - m.Count,
                    new ProfileMoments(m.Count, m.Min, m.Max, m.Mean, m.M2, m.AllInteger),
                    DistinctIntegers(context, column, m, summary),
                    edges,
                    counts,
                    null,
                    ProfileSummaries.ToSketch(summary.Sketch(m.Min, m.Max, seed: (ulong)index)),
                    null,
                    null);
            }
        }

        return new SqlProfile(new ProfileBody(rows, [context.Source], [.. profiled.Select(c => c!)]), skipped);
    }

    private static (List<SqlSourceColumn> Columns, List<SkippedColumn> Skipped) Describe(SqlProfileContext context)
    {
        var described = context.Runner.Query(context.Queries.Describe(), context.CancellationToken);
        var columns = new List<SqlSourceColumn>();
        var skipped = new List<SkippedColumn>();
        for (var i = 0; i < described.Count; i++)
        {
            var name = SqlValues.Text(described[i][0]) ?? string.Empty;
            var type = context.Queries.Dialect.Classify(SqlValues.Text(described[i][1]) ?? string.Empty);
            if (type.Kind is null)
            {
                skipped.Add(new SkippedColumn(name, type.SkipReason ?? "its type cannot be summarised"));
            }
            else
            {
                columns.Add(new SqlSourceColumn(name, i, type));
            }
        }

        if (columns.Count == 0)
        {
            throw new InputException(
                described.Count == 0 ? "The source has no columns." : $"None of the source's {described.Count} columns can be summarised ({string.Join("; ", skipped.Select(s => $"'{s.Name}': {s.Reason}"))}).",
                context.Source,
                hint: "Select numeric, Boolean, date, timestamp or text columns, casting others in the query.");
        }

        return (columns, skipped);
    }

    private static double[]? PlanOf(ProfileBody? reference, SqlSourceColumn column) =>
        reference?.Columns.FirstOrDefault(c => c.Name == column.Name && c.Moments is not null) is { } match ? match.Edges ?? [] : null;

    private static ProfileColumn Categorical(SqlProfileContext context, SqlSourceColumn column, long rows, long missing)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (column.Type.Kind == ColumnKind.Boolean)
        {
            // A Boolean column lists both values, as one read from a file does.
            counts["false"] = 0;
            counts["true"] = 0;
        }

        foreach (var row in context.Runner.Query(context.Queries.Categories(column), context.CancellationToken))
        {
            counts[SqlValues.Text(row[0]) ?? string.Empty] = SqlValues.Long(row[1]);
        }

        return new ProfileColumn(column.Name, ColumnComparer.KindName(column.Type.Kind!.Value), rows, missing, null, false, null, null, null, null, [.. counts.Keys], [.. counts.Values]);
    }

    /// <summary>A column of few values, summarised from its sorted values by the same code as a file's column (so the two agree to the bit).</summary>
    private static ProfileColumn Exact(SqlProfileContext context, SqlSourceColumn column, long rows, double[]? plan, ulong seed)
    {
        var values = context.Runner.Query(context.Queries.SortedValues(column), context.CancellationToken).Select(r => SqlValues.Double(r[0])).ToArray();
        var data = new NumericColumn(column.Name, values, column.Type.Kind!.Value);
        using var summary = plan is null ? ColumnSummarizer.Reference(data) : ColumnSummarizer.Current(data, PlanSummary(column, plan));
        return ProfileSummaries.ToColumn(summary, seed) with { Rows = rows, Missing = rows - values.Length };
    }

    private static ColumnSummary PlanSummary(SqlSourceColumn column, double[] plan) => new()
    {
        Name = column.Name,
        Kind = column.Type.Kind!.Value,
        IsNumeric = true,
        Rows = 0,
        Missing = 0,
        Edges = plan,
    };

    private static double[] Edges(SqlProfileContext context, SqlSourceColumn column, SqlRankSummary summary, long count, long[] ranks)
    {
        var values = summary.ValuesAt(context, column, ranks);
        return QuantileBinning.Edges(count, rank => values[rank]);
    }

    /// <summary>Whether the values are distinct whole numbers (an identifier): counted by the engine only when the range leaves room for it.</summary>
    private static bool DistinctIntegers(SqlProfileContext context, SqlSourceColumn column, ColumnMoments m, SqlRankSummary summary)
    {
        if (!m.AllInteger || summary.HasRepeatedValue || m.Max - m.Min + 1 < m.Count)
        {
            return false;
        }

        return SqlValues.Long(context.Runner.Query(context.Queries.DistinctCount(column), context.CancellationToken)[0][0]) == m.Count;
    }

    private sealed record ColumnMoments(long Count, double Min, double Max, double Mean, double M2, bool AllInteger)
    {
        public static ColumnMoments Read(object?[] row, int at)
        {
            var count = SqlValues.Long(row[at]);
            var variance = SqlValues.Double(row[at + 4]);
            return new ColumnMoments(
                count,
                count == 0 ? double.PositiveInfinity : SqlValues.Double(row[at + 1]),
                count == 0 ? double.NegativeInfinity : SqlValues.Double(row[at + 2]),
                count == 0 ? 0 : SqlValues.Double(row[at + 3]),
                count == 0 || double.IsNaN(variance) ? 0 : variance * count,
                count == 0 || SqlValues.Double(row[at + 5]) == 0);
        }
    }
}
