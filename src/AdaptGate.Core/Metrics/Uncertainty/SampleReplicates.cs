namespace AdaptGate.Core.Metrics.Uncertainty;

/// <summary>
/// One file's metrics recomputed on seeded, stratified bootstrap resamples, and DeLong's auc variance
/// when the task is binary with a score.
/// </summary>
public sealed class SampleReplicates
{
    private readonly Dictionary<string, double[]> _replicates;

    private SampleReplicates(int rows, MetricSet point, Dictionary<string, double[]> replicates, double? aucVariance)
    {
        Rows = rows;
        Point = point;
        _replicates = replicates;
        AucVariance = aucVariance;
    }

    /// <summary>Rows resampled.</summary>
    public int Rows { get; }

    /// <summary>The metrics on the rows as they are (each counted once), by the weighted kernel.</summary>
    public MetricSet Point { get; }

    /// <summary>DeLong's variance of the auc, or null when there is no auc.</summary>
    public double? AucVariance { get; }

    /// <summary>
    /// Resamples <paramref name="rows"/> (all metrics but auc, whose interval DeLong's variance gives) <paramref name="resamples"/> times. Resample b draws from its own
    /// stream (seed, stream, b), so the result is the same whatever the number of threads and whichever
    /// file is resampled first; <paramref name="stream"/> keeps the baseline's and the current file's draws independent.
    /// </summary>
    public static SampleReplicates Draw(MetricRows rows, int resamples, int seed, int stream, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var point = rows.Compute(null);
        // Where DeLong's variance gives the auc's interval (labeled binary rows with a score), it is not resampled.
        var names = point.Names.Where(n => rows.Ranking is null || n != MetricNames.Auc).ToArray();
        var values = new double[names.Length][];
        for (var m = 0; m < names.Length; m++)
        {
            values[m] = new double[resamples];
        }

        var counts = new ResampleCounts(rows.Count, rows.Strata, rows.StrataCount);
        var streamSeed = unchecked((seed * 7919) + stream);
        Parallel.For(
            0, resamples, new ParallelOptions { CancellationToken = cancellationToken },
            b =>
            {
                var set = rows.Resample(counts, streamSeed, b);
                for (var m = 0; m < names.Length; m++)
                {
                    values[m][b] = counts.Scaled(set[names[m]], point[names[m]]);
                }
            });

        var replicates = new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase);
        for (var m = 0; m < names.Length; m++)
        {
            replicates[names[m]] = values[m];
        }

        double? aucVariance = rows.Ranking is { } ranking ? DeLong.Compute(ranking.Actual, ranking.Score).Variance : null;
        return new SampleReplicates(rows.Count, point, replicates, aucVariance);
    }

    /// <summary>Each resampled metric's replicates, by name (auc is absent where DeLong's variance stands for it).</summary>
    internal IReadOnlyDictionary<string, double[]> Replicates => _replicates;

    /// <summary>Replicates drawn before (a profile keeps the reference's): the same object <see cref="Draw"/> made from its rows.</summary>
    internal static SampleReplicates Restore(int rows, MetricSet point, IEnumerable<KeyValuePair<string, double[]>> replicates, double? aucVariance) =>
        new(rows, point, new Dictionary<string, double[]>(replicates, StringComparer.OrdinalIgnoreCase), aucVariance);

    /// <summary>
    /// The replicates of a metric, moved by (reported − kernel point) so they centre on the value the report
    /// shows even where it came from another implementation (ML.NET's evaluator); null when the metric is not here.
    /// </summary>
    internal double[]? Centered(string name, double reported)
    {
        if (!_replicates.TryGetValue(name, out var values) && (MetricNames.AliasOf(name) is not { } alias || !_replicates.TryGetValue(alias, out values)))
        {
            return null;
        }

        var shift = reported - Point[name];
        return shift == 0 ? values : Array.ConvertAll(values, v => v + shift);
    }
}
