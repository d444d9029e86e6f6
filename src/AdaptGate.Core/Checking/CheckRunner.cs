using AdaptGate.Core.Data;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Reports;
using AdaptGate.Core.Schema;

namespace AdaptGate.Core.Checking;

/// <summary>
/// The one entry point both doors (the tool and the MSBuild task) call: load, compare schemas,
/// test drift per column, decide, and return the report. Nothing here prints or exits.
/// </summary>
public static class CheckRunner
{
    /// <exception cref="InputException">A file is missing or malformed, or the request names columns that are not there.</exception>
    public static CheckReport Run(CheckRequest request, CancellationToken cancellationToken = default)
    {
        var options = new TableReadOptions { Delimiter = request.Delimiter };

        // The two files are independent: reading them at once halves the wait on two cores.
        var referenceTask = Task.Run(() => TableReader.Read(request.ReferencePath, options, cancellationToken), cancellationToken);
        var currentTask = Task.Run(() => TableReader.Read(request.CurrentPath, options, cancellationToken), cancellationToken);
        var reference = Await(referenceTask);
        var current = Await(currentTask);

        return Compare(request, reference, current, cancellationToken);
    }

    /// <summary>Runs the check on tables already in memory (tests, callers with their own loaders).</summary>
    public static CheckReport Compare(CheckRequest request, DataTable reference, DataTable current, CancellationToken cancellationToken = default)
    {
        var ignored = new HashSet<string>(request.IgnoredColumns, StringComparer.Ordinal);
        ValidateIgnored(request, reference, current, ignored);

        var (shared, onlyInReference, onlyInCurrent, kindMismatches) = SchemaComparer.Align(reference, current);
        if (shared.Count == 0)
        {
            throw new InputException(
                $"The reference and current files have no column in common (reference: {Preview(reference)}; current: {Preview(current)}).",
                request.CurrentPath,
                line: 1,
                hint: "Check that both files are the same dataset and use the same delimiter (--delimiter).");
        }

        var comparer = new ColumnComparer(request.DriftMethod, request.DriftThreshold);
        var candidates = shared.Where(pair => !ignored.Contains(pair.Reference.Name)).ToArray();

        // Columns are independent; each result lands in its own slot, so the order (and every
        // digit) is the same as a sequential run.
        var comparisons = new ColumnComparison[candidates.Length];
        Parallel.For(
            0,
            candidates.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            i => comparisons[i] = comparer.Compare(candidates[i].Reference, candidates[i].Current));

        var columns = comparisons.Where(c => c.Drift is not null).Select(c => c.Drift!).ToArray();
        var excluded = shared.Where(pair => ignored.Contains(pair.Reference.Name))
            .Select(pair => new ExcludedColumn(pair.Reference.Name, "ignored on request"))
            .Concat(comparisons.Where(c => c.Excluded is not null).Select(c => c.Excluded!))
            .ToArray();

        var schema = new SchemaSection(
            onlyInReference,
            onlyInCurrent,
            kindMismatches,
            comparisons.Where(c => c.Unseen is not null).Select(c => c.Unseen!).ToArray(),
            shared.Select(pair => Missing(pair.Reference, pair.Current)).ToArray(),
            excluded);

        var driftedCount = columns.Count(c => c.Drifted);
        var drift = new DriftSection(
            DriftMethods.Name(request.DriftMethod),
            columns.Length == 0 ? 0 : (double)driftedCount / columns.Length,
            driftedCount > 0,
            columns.Length,
            driftedCount,
            columns);

        var (verdict, reasons) = DefaultRules.Decide(drift, schema, ignored);
        return new CheckReport(
            ReportVersion.Current,
            verdict,
            reasons,
            drift,
            Metrics: null,
            new RowCounts(reference.RowCount, current.RowCount),
            schema,
            new InputFiles(request.ReferencePath, request.CurrentPath));
    }

    private static DataTable Await(Task<DataTable> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static void ValidateIgnored(CheckRequest request, DataTable reference, DataTable current, HashSet<string> ignored)
    {
        foreach (var name in ignored)
        {
            if (reference.Find(name) is null && current.Find(name) is null)
            {
                throw new InputException(
                    $"The --ignore option names column '{name}', which is in neither file.",
                    request.ReferencePath,
                    line: 1,
                    hint: $"Column names are case-sensitive; the reference has: {Preview(reference)}.");
            }
        }
    }

    private static ColumnMissing Missing(DataColumn reference, DataColumn current)
    {
        var r = reference.Length == 0 ? 0 : (double)reference.MissingCount / reference.Length;
        var c = current.Length == 0 ? 0 : (double)current.MissingCount / current.Length;
        return new ColumnMissing(reference.Name, r, c, c - r);
    }

    private static string Preview(DataTable table)
    {
        const int shown = 8;
        var names = table.Columns.Take(shown).Select(c => $"'{c.Name}'");
        var text = string.Join(", ", names);
        return table.Columns.Count > shown ? $"{text}, … ({table.Columns.Count} columns)" : text;
    }
}
