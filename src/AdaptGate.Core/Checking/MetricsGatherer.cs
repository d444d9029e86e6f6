using AdaptGate.Core.Data;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Collects baseline and current metrics from whichever source the request names, then picks the
/// primary metric. Sources, strongest first: an ML.NET model scored on the files; metrics files
/// from any framework; predictions stored in the files. With metrics, performance decides.
/// </summary>
internal static class MetricsGatherer
{
    /// <summary>Metrics in the order a primary is looked for when the task is unknown (metrics files).</summary>
    private static readonly string[] PrimaryPreference =
        [MetricNames.Auc, MetricNames.Accuracy, MetricNames.MicroAccuracy, MetricNames.Rmse, MetricNames.R2, MetricNames.F1, MetricNames.LogLoss, MetricNames.Mae, MetricNames.Mse];

    /// <returns>The metrics section, or null when no metric source was given.</returns>
    public static MetricsSection? Gather(CheckSettings settings, CheckSide reference, CheckSide current, List<string> warnings, NotRunSteps notRun, CancellationToken cancellationToken)
    {
        var request = settings.Request;
        Sourced? current_;
        try
        {
            current_ = CurrentMetrics(settings, reference, current, warnings, notRun, cancellationToken);
        }
        catch (InputException e) when (request.ModelPath is not null && e.Column is { } lost && current.Find(lost) is null && reference.Find(lost) is not null)
        {
            // A feature the model needs left the data: the model cannot score it at all, which is
            // the schema change the schema-change rule reports. Failing the check would hide that verdict.
            warnings.Add($"The model cannot score the current file: it needs '{lost}', which the reference has and the current file does not. Metrics are left out; the schema change decides.");
            return null;
        }

        if (current_ is null)
        {
            if (request.BaselineMetricsPath is not null && !notRun.Has(NotRunSteps.Metrics))
            {
                throw new InputException(
                    "Baseline metrics were given, but nothing to compare them with.",
                    request.BaselineMetricsPath,
                    hint: "Also pass --metrics (current metrics), --model with --label, or --label with --prediction.");
            }

            return null;
        }

        var baseline = BaselineMetrics(settings, reference, cancellationToken)
            ?? throw new InputException(
                "Current metrics were given without a baseline to compare them with.",
                request.MetricsPath,
                hint: "Pass --baseline-metrics with the metrics the model had when it was accepted.");

        var primary = PrimaryMetric(settings, current_, baseline);
        var bootstrap = settings.Policy.Metrics.Bootstrap;
        var seed = settings.Policy.Seed;
        var currentReplicates = current_.Evidence is { } currentRows ? SampleReplicates.Draw(currentRows, bootstrap.Resamples, seed, stream: 2, cancellationToken) : null;
        var baselineReplicates = baseline.Replicates
            ?? (baseline.Evidence is { } baselineRows ? SampleReplicates.Draw(baselineRows, bootstrap.Resamples, seed, stream: 1, cancellationToken) : null);
        var comparisons = current_.Values.Names
            .Select(name => Compare(name, baseline.Values, current_.Values, baselineReplicates, currentReplicates, bootstrap.Level, warnings))
            .ToArray();
        var drop = MetricDrop.Compute(primary, baseline.Values[primary], current_.Values[primary]);
        if (!double.IsFinite(baseline.Values[primary]) || !double.IsFinite(current_.Values[primary]) || !double.IsFinite(drop))
        {
            throw new InputException(
                $"The primary metric '{primary}' is not a finite number (baseline {Text(baseline.Values[primary])}, current {Text(current_.Values[primary])}, drop {Text(drop)}): there is nothing to decide on.",
                request.MetricsPath ?? request.ModelPath ?? request.CurrentPath,
                hint: "Check the predictions for values beyond double's range, or set metrics.primary in the policy to another metric.");
        }

        var primaryComparison = comparisons.FirstOrDefault(c => string.Equals(c.Name, primary, StringComparison.OrdinalIgnoreCase));
        var uncertainty = new MetricUncertainty(
            bootstrap.Level, bootstrap.Resamples, seed, primaryComparison?.IntervalMethod, IntervalNote(current_, baseline));
        return new MetricsSection(
            primary,
            baseline.Values[primary],
            current_.Values[primary],
            drop,
            MetricDrop.IsRelative(primary) ? "relative" : "absolute",
            current_.Task is { } task ? TaskName(task) : null,
            current_.Source,
            baseline.Source,
            baseline.Optimistic,
            current_.Rows,
            comparisons,
            primaryComparison?.BaselineLow,
            primaryComparison?.BaselineHigh,
            primaryComparison?.CurrentLow,
            primaryComparison?.CurrentHigh,
            primaryComparison?.DropLow,
            primaryComparison?.DropHigh,
            uncertainty,
            baseline.Rows);
    }

    /// <summary>Why some intervals are missing or narrower than a two-sided comparison would have; null when both files had rows.</summary>
    private static string? IntervalNote(Sourced current, Sourced baseline) => (current.Evidence, baseline.Evidence ?? (object?)baseline.Replicates) switch
    {
        (null, _) when current.Source == "metrics-file" => "The current metrics come from a metrics file, which has no rows to resample: no intervals, and the metric rules decide on the point values.",
        (null, _) => "The current metrics' rows could not be read back: no intervals, and the metric rules decide on the point values.",
        (_, null) => "The baseline comes from a metrics file, which has no rows: it counts as exact, so the drop's interval holds the current file's sampling error only.",
        _ => null,
    };

    private static Sourced? CurrentMetrics(CheckSettings settings, CheckSide reference, CheckSide currentSide, List<string> warnings, NotRunSteps notRun, CancellationToken cancellationToken)
    {
        var request = settings.Request;
        if (request.MetricsPath is null && currentSide.Table is null && (request.ModelPath is not null || (settings.Label is not null && settings.Prediction is not null)))
        {
            notRun.Add(NotRunSteps.Metrics, "the current data is a profile: the current metrics need its rows (pass --metrics with metrics computed elsewhere)");
            return null;
        }

        if (request.ModelPath is { } model)
        {
            var label = settings.Label ?? throw new InputException(
                "A model was given without the label column to evaluate it against.", model, hint: "Pass --label COLUMN (or set target.label in the policy).");
            var metrics = ModelEvaluator.Evaluate(model, currentSide.Table!, label, settings.Task, settings.PositiveClass, cancellationToken);
            return new Sourced(metrics.Values, metrics.Task, "model", metrics.Rows, Optimistic: false, metrics.Evidence);
        }

        if (request.MetricsPath is { } path)
        {
            return new Sourced(MetricsFile.Read(path), null, "metrics-file", null, Optimistic: false);
        }

        if (settings.Label is { } labelColumn && settings.Prediction is { } prediction)
        {
            var current = currentSide.Table!;
            if (LabelFreeEstimate.Applies(current, labelColumn))
            {
                if (reference.Table is null)
                {
                    notRun.Add(NotRunSteps.Metrics, "the reference is a profile: estimating metrics without current labels refits the calibration on resamples of the reference's rows");
                    return null;
                }

                var estimate = LabelFreeEstimate.Estimate(settings, reference.Table, current);
                warnings.Add(estimate.Warning);
                var estimatedTask = ProbabilityColumns.IsSeveral(settings.ProbabilitySpec) ? MetricTask.Multiclass : MetricTask.Binary;
                return new Sourced(estimate.Values, estimatedTask, "estimated", estimate.Rows, Optimistic: false, estimate.Evidence);
            }

            var realized = StoredPredictionMetrics.Compute(current, new PredictionColumns(labelColumn, prediction, settings.Probability), settings.Task, settings.PositiveClass);
            return new Sourced(realized.Values, realized.Task, "stored-predictions", realized.RowsUsed, Optimistic: false, realized.Evidence);
        }

        return null;
    }

    private static Sourced? BaselineMetrics(CheckSettings settings, CheckSide referenceSide, CancellationToken cancellationToken)
    {
        var request = settings.Request;
        if (request.BaselineMetricsPath is { } path)
        {
            return new Sourced(MetricsFile.Read(path), null, "metrics-file", null, Optimistic: false);
        }

        if (referenceSide.Table is not { } reference)
        {
            return ProfiledBaseline.Read(settings, referenceSide);
        }

        if (request.ModelPath is { } model)
        {
            // The model saw (some of) the reference when it was trained: its score there is a
            // best case, and the report says so.
            var metrics = ModelEvaluator.Evaluate(model, reference, settings.Label!, settings.Task, settings.PositiveClass, cancellationToken);
            return new Sourced(metrics.Values, metrics.Task, "model-on-reference", metrics.Rows, Optimistic: true, metrics.Evidence);
        }

        if (request.MetricsPath is null && settings.Label is { } label && settings.Prediction is { } prediction)
        {
            var realized = StoredPredictionMetrics.Compute(reference, new PredictionColumns(label, prediction, settings.Probability), settings.Task, settings.PositiveClass);
            return new Sourced(realized.Values, realized.Task, "stored-predictions", realized.RowsUsed, Optimistic: false, realized.Evidence);
        }

        return null;
    }

    private static string PrimaryMetric(CheckSettings settings, Sourced current, Sourced baseline)
    {
        var named = settings.Policy.Metrics.Primary;
        var primary = named is not null
            ? MetricNames.Normalize(named)
            : current.Task is { } task
                ? MetricDefaults.Primary(task, current.Values.Contains(MetricNames.Auc))
                : PrimaryPreference.FirstOrDefault(name => current.Values.Contains(name) && baseline.Values.Contains(name))
                  ?? throw new InputException(
                      $"The current and baseline metrics share no metric AdaptGate knows (current: {string.Join(", ", current.Values.Names)}; baseline: {string.Join(", ", baseline.Values.Names)}).",
                      settings.Request.MetricsPath,
                      hint: $"Use the same names in both files; known metrics: {string.Join(", ", MetricNames.All)}.");

        // As TFX's model blessing: a metric the policy relies on but the inputs lack is an error, never a silent pass.
        foreach (var (set, side) in new[] { (current, "current"), (baseline, "baseline") })
        {
            if (!set.Values.Contains(primary))
            {
                throw new InputException(
                    $"The primary metric '{primary}' is not among the {side} metrics ({string.Join(", ", set.Values.Names)}).",
                    side == "current" ? settings.Request.MetricsPath ?? settings.Request.ModelPath : settings.Request.BaselineMetricsPath ?? settings.Request.ModelPath,
                    hint: primary == MetricNames.Auc
                        ? "auc needs a probability or score: pass --probability COLUMN, or set metrics.primary to accuracy in the policy."
                        : "Set metrics.primary in the policy to a metric both sides have.");
            }
        }

        foreach (var floor in settings.Policy.Metrics.Floors.Keys)
        {
            if (!current.Values.Contains(floor))
            {
                throw new InputException(
                    $"The policy sets a floor for '{floor}', but the current metrics do not include it ({string.Join(", ", current.Values.Names)}).",
                    settings.Request.PolicyPath,
                    hint: "Remove the floor or give metrics that include it.");
            }
        }

        return primary;
    }

    /// <summary>A value that is not a finite number (JSON has none) becomes null, and a warning says which and why.</summary>
    private static MetricComparison Compare(string name, MetricSet baseline, MetricSet current, SampleReplicates? baselineReplicates, SampleReplicates? currentReplicates, double level, List<string> warnings)
    {
        double? now = current[name];
        double? before = baseline.TryGetValue(name, out var b) ? b : null;
        double? drop = now is { } n && before is { } p && MetricDirection.TryHigherIsBetter(name, out _) ? MetricDrop.Compute(name, p, n) : null;
        foreach (var (value, what) in new[] { (before, "baseline"), (now, "current value"), (drop, "drop") })
        {
            if (value is { } v && !double.IsFinite(v) && (what != "drop" || (Finite(before) is not null && Finite(now) is not null)))
            {
                warnings.Add($"The {what} of '{name}' is not a finite number ({Text(v)}): it is left out of the report.");
            }
        }

        var interval = MetricIntervals.Compare(name, before, current[name], baselineReplicates, currentReplicates, level);
        return new MetricComparison(
            name, Finite(before), Finite(now), Finite(drop),
            Finite(interval?.BaselineLow), Finite(interval?.BaselineHigh), Finite(interval?.CurrentLow), Finite(interval?.CurrentHigh),
            drop is null ? null : Finite(interval?.DropLow), drop is null ? null : Finite(interval?.DropHigh), interval?.Method);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static string Text(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TaskName(MetricTask task) => task.ToString().ToLowerInvariant();

    /// <summary>Metrics and where they came from; <c>Replicates</c> were drawn before (a profile's reference), else they are drawn from <c>Evidence</c>.</summary>
    internal sealed record Sourced(MetricSet Values, MetricTask? Task, string Source, int? Rows, bool Optimistic, MetricRows? Evidence = null, SampleReplicates? Replicates = null);
}
