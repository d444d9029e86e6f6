using AdaptGate.Core.Checking;
using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Profiles;

/// <summary>
/// A profile made with the roles a check uses (<c>profile --label … --prediction …</c>): the file read and its kinds set as
/// the check's policy says, every column summarised, and what a check reads from the roles' rows stored beside them
/// (docs/profiles.md, "What travels").
/// </summary>
public static class RoleProfiler
{
    /// <summary>The profile of <paramref name="file"/> with the roles and reading settings of <paramref name="roles"/>, as a check would take them (its paths are the file) under <paramref name="policy"/>.</summary>
    public static ProfileBody Profile(string file, CheckRequest roles, GatePolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var settings = new CheckSettings(policy, roles);
        var table = KindOverrides.Apply(settings, TableReader.Read(file, CheckSettings.ReadOptions(policy, roles), cancellationToken));
        foreach (var (name, option) in new[] { (settings.Label, "--label"), (settings.Prediction, "--prediction"), (settings.Probability, "--probability") })
        {
            if (name is not null && table.Find(name) is null)
            {
                throw new InputException($"The {option} column '{MessageText.Name(name)}' is not in this file.", file, line: 1, hint: "Column names are case-sensitive; name a column of the file.");
            }
        }

        var body = ProfileSummaries.Of(table) with { SourceSha256 = table.ContentSha256 ?? History.FileHash.Sha256(file) };
        if (settings.Label is null && settings.Prediction is null && settings.Probability is null)
        {
            return body;
        }

        var side = CheckSide.Of(table);
        var task = settings.Task ?? (settings.Label is { } label ? side.InferredTask(label) : null);
        var classes = task is MetricTask.Binary or MetricTask.Multiclass
            ? new[] { settings.Label, settings.Prediction }.OfType<string>().Distinct(StringComparer.Ordinal).Select(name =>
            {
                using var summary = side.ClassSummary(name)!;
                return ProfileSummaries.ToColumn(summary);
            }).ToArray()
            : [];

        var decomposition = task == MetricTask.Binary && settings.Label is not null && settings.Prediction is not null && settings.Probability is not null
            ? DecompositionReference.Fit(settings, table, DecompositionReference.SupportedMetrics)?.ToProfile()
            : null;
        return body with
        {
            Roles = new ProfileRoles(settings.Label, settings.Prediction, settings.Probability, settings.PositiveClass, task?.ToString().ToLowerInvariant(), classes, Baseline(settings, table, cancellationToken))
            {
                Decomposition = decomposition,
            },
        };
    }

    /// <summary>How a check with this policy and request reads its files: the profile reads them the same way.</summary>
    public static TableReadOptions ReadOptions(GatePolicy policy, CheckRequest request) => CheckSettings.ReadOptions(policy, request);

    private static ProfileBaseline? Baseline(CheckSettings settings, DataTable table, CancellationToken cancellationToken)
    {
        if (settings.Label is not { } label || settings.Prediction is not { } prediction || table.Find(label) is not { } column || column.MissingCount == column.Length)
        {
            return null;
        }

        var realized = StoredPredictionMetrics.Compute(table, new PredictionColumns(label, prediction, settings.Probability), settings.Task, settings.PositiveClass);
        var bootstrap = settings.Policy.Metrics.Bootstrap;
        ProfileReplicates? replicates = null;
        if (realized.Evidence is { } evidence)
        {
            // Stream 1 is the baseline's, as a check draws it (MetricsGatherer).
            var drawn = SampleReplicates.Draw(evidence, bootstrap.Resamples, settings.Policy.Seed, stream: 1, cancellationToken);
            replicates = new ProfileReplicates(
                settings.Policy.Seed,
                bootstrap.Resamples,
                drawn.Rows,
                [.. drawn.Point.Select(p => new ProfileMetric(p.Key, p.Value))],
                [.. drawn.Replicates.Select(r => new ProfileMetricReplicates(r.Key, r.Value))],
                drawn.AucVariance);
        }

        return new ProfileBaseline(realized.Task.ToString().ToLowerInvariant(), realized.RowsUsed, [.. realized.Values.Select(v => new ProfileMetric(v.Key, v.Value))], replicates);
    }
}
