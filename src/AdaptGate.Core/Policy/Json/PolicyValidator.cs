using System.Globalization;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Drift.Methods;
using AdaptGate.Core.Metrics;

namespace AdaptGate.Core.Policy.Json;

/// <summary>
/// The checks JSON types cannot express: ranges, known names, non-empty column names. Returns the
/// policy with names normalised (metric names and the task in lower case).
/// </summary>
internal sealed class PolicyValidator(PolicyErrors errors)
{
    /// <summary>The Jensen-Shannon distance with the natural log is at most √ln 2: a larger threshold could never fire.</summary>
    public static readonly double JensenShannonMax = DriftMethodRegistry.JensenShannonMax;

    public static IReadOnlyList<string> Tasks { get; } = ["binary", "multiclass", "regression"];

    public GatePolicy Validate(GatePolicy policy)
    {
        AtLeast(policy.Seed, 0, "$.seed", "The seed of every random step; any whole number from 0 will do.");
        Drift(policy.Drift);

        for (var i = 0; i < policy.Ignore.Count; i++)
        {
            ColumnName(policy.Ignore[i], JsonPathText.Element("$.ignore", i));
        }

        foreach (var (name, column) in policy.Columns)
        {
            Column(name, column, JsonPathText.Property("$.columns", name));
        }

        var target = Target(policy.Target);
        var metrics = Metrics(policy.Metrics);
        DomainClassifier(policy.DomainClassifier);
        Rules(policy.Rules);
        Decision(policy.Decision);
        NotBlank(policy.History.Path, "$.history.path", "Write the path of the history file, such as \".adaptgate/history.jsonl\".");
        Input(policy.Input);
        if (!Adaptation.RetrainWindow.TryParse(policy.Retrain.Window, out _))
        {
            throw errors.At("$.retrain.window", $"Unknown retrain window '{policy.Retrain.Window}'.", Adaptation.RetrainWindow.Hint);
        }

        NotBlank(policy.History.Gate, "$.history.gate", "Write a name for this gate, such as \"churn-model\", or null to tell gates apart by the reference file's content.");

        return policy with { Target = target, Metrics = metrics };
    }

    private void Decision(DecisionPolicy decision)
    {
        if (!double.IsFinite(decision.TrialBudgetSeconds) || decision.TrialBudgetSeconds <= 0)
        {
            throw OutOfRange(decision.TrialBudgetSeconds, "$.decision.trialBudgetSeconds", "greater than 0", "The wall-clock seconds an auto trial may train for (120 by default); set decision.trial to \"on\" to let it take as long as it needs.");
        }

        if (!(decision.TrialShare is > 0 and <= 0.5))
        {
            throw OutOfRange(decision.TrialShare, "$.decision.trialShare", "greater than 0 and at most 0.5", "The last share of the current rows the trial scores on (0.4 by default); it adapts on the rows before them.");
        }

        if (decision.TrialFolds is < 1 or > DecisionPolicy.MaxTrialFolds)
        {
            throw OutOfRange(decision.TrialFolds, "$.decision.trialFolds", $"from 1 to {DecisionPolicy.MaxTrialFolds}", "Into how many blocks the trial cuts its scored rows, each scored by actions adapted on the rows before it; every block trains fine-tune and retrain again.");
        }

        if (decision.MinGain is { } gain && (!double.IsFinite(gain) || gain < 0))
        {
            throw OutOfRange(gain, "$.decision.minGain", "at least 0", "How much a costlier action must gain to be chosen: 0.01 for a score such as auc (in its units), 0.02 for an error such as rmse (2% of the best), or null for those defaults.");
        }
    }

    private void Input(InputPolicy input)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.ColumnNames.Count; i++)
        {
            var path = JsonPathText.Element("$.input.columnNames", i);
            ColumnName(input.ColumnNames[i], path);
            if (!seen.Add(input.ColumnNames[i].Trim()))
            {
                throw errors.At(path, $"The column '{input.ColumnNames[i]}' is named twice in $.input.columnNames (again at {path}).", "Name every column of the file once, in file order.");
            }
        }

        for (var i = 0; i < input.NaValues.Count; i++)
        {
            var path = JsonPathText.Element("$.input.naValues", i);
            if (string.IsNullOrWhiteSpace(input.NaValues[i]))
            {
                throw errors.At(path, $"The missing-value token at {path} is empty.", "An empty cell is already missing; write the text that marks a missing value, such as \"?\".");
            }
        }
    }

    private void Drift(DriftPolicy drift)
    {
        foreach (var definition in DriftMethodRegistry.All)
        {
            Threshold(definition, definition.PolicyThreshold(drift.Thresholds), "$.drift.thresholds." + definition.PolicyKey);
        }
    }

    private void Column(string name, ColumnPolicy? column, string path)
    {
        ColumnName(name, path);
        if (column is null)
        {
            throw errors.At(path, $"The value at {path} must be an object ({{ ... }}), not null.", "Remove the column's entry, or give it settings such as { \"method\": \"psi\" }.");
        }

        if (column.Threshold is { } threshold)
        {
            var thresholdPath = path + ".threshold";
            if (column.Method is { } method and not DriftMethod.Auto)
            {
                Threshold(DriftMethodRegistry.Get(method), threshold, thresholdPath);
            }
            else
            {
                Positive(threshold, thresholdPath, UnknownMethodThresholdHint);
            }
        }

        if (!double.IsFinite(column.Weight) || column.Weight < 0)
        {
            throw OutOfRange(column.Weight, path + ".weight", "at least 0", "A column's weight in the drift share: 1 by default, 0 keeps it in the report but out of the share.");
        }
    }

    private TargetPolicy Target(TargetPolicy target)
    {
        NotBlank(target.Label, "$.target.label", "Write the label column's name, or null when there is none.");
        NotBlank(target.Prediction, "$.target.prediction", "Write the prediction column's name, or null when there is none.");
        NotBlank(target.Probability, "$.target.probability", "Write the probability column's name, or null when there is none.");
        NotBlank(target.PositiveClass, "$.target.positiveClass", "Write the label value that counts as positive, or null to infer it.");

        if (target.Label is { } label && (label == target.Prediction || label == target.Probability))
        {
            var other = label == target.Prediction ? "prediction" : "probability";
            throw errors.At(
                "$.target." + other,
                $"The label and the {other} are the same column ('{label}').",
                "The label holds the true values and the prediction or probability the model's outputs: name two different columns.");
        }

        if (target.Task is not { } task)
        {
            return target;
        }

        var lower = task.Trim().ToLowerInvariant();
        if (!Tasks.Contains(lower))
        {
            throw errors.At("$.target.task", $"Unknown task '{task}' at $.target.task.", $"{ClosestName.Suggestion(task, Tasks)}Valid tasks: {string.Join(", ", Tasks)}, or null to infer it from the label.");
        }

        return target with { Task = lower };
    }

    private MetricsPolicy Metrics(MetricsPolicy metrics)
    {
        string? primary = null;
        if (metrics.Primary is { } name)
        {
            primary = KnownMetric(name, "$.metrics.primary");
        }

        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (metric, floor) in metrics.Floors)
        {
            var path = JsonPathText.Property("$.metrics.floors", metric);
            var known = KnownMetric(metric, path);
            if (!floors.TryAdd(known, floor))
            {
                throw errors.At(path, $"The floor of '{known}' is given twice in $.metrics.floors (metric names ignore case).", "Keep one floor per metric.");
            }

            if (!MetricDirection.HigherIsBetter(known))
            {
                if (!double.IsFinite(floor) || floor < 0)
                {
                    throw OutOfRange(floor, path, "at least 0", $"'{known}' is an error (lower is better): its floor is the largest acceptable value.");
                }
            }
            else if (known != MetricNames.R2)
            {
                if (!double.IsFinite(floor) || floor < 0 || floor > 1)
                {
                    throw OutOfRange(floor, path, "from 0 to 1", $"'{known}' is a score from 0 to 1: its floor is the smallest acceptable value.");
                }
            }
            else if (!double.IsFinite(floor) || floor > 1)
            {
                throw OutOfRange(floor, path, "at most 1", "r2 is at most 1: its floor is the smallest acceptable value.");
            }
        }

        AtLeast(metrics.Bootstrap.Resamples, 100, "$.metrics.bootstrap.resamples", "Bootstrap resamples per file for the metrics' intervals (1000 by default); fewer than 100 cannot place a 95% interval's ends.");
        if (!(metrics.Bootstrap.Level is > 0.5 and < 1))
        {
            throw OutOfRange(metrics.Bootstrap.Level, "$.metrics.bootstrap.level", "greater than 0.5 and less than 1", "The confidence level of every metric's interval: 0.95 by default, 0.9 or 0.99 are common.");
        }

        return metrics with { Primary = primary, Floors = floors };
    }

    private void DomainClassifier(DomainClassifierPolicy classifier)
    {
        AtLeast(classifier.MaxRowsPerSide, 100, "$.domainClassifier.maxRowsPerSide", "Rows sampled from each file to train the domain classifier; fewer than 100 cannot tell anything apart.");
        if (classifier.Folds is < 2 or > 20)
        {
            throw OutOfRange(classifier.Folds, "$.domainClassifier.folds", "from 2 to 20", "Cross-validation folds of the domain classifier (5 by default).");
        }
    }

    private void Rules(RulesPolicy rules)
    {
        MetricDrop(rules.MetricCollapse, "$.rules.metricCollapse");
        DriftShare(rules.MetricDropDiverged.DriftShare, "$.rules.metricDropDiverged.driftShare");
        MetricDrop(rules.MetricDrop, "$.rules.metricDrop");
        Positive(rules.MajorShift.Psi, "$.rules.majorShift.psi", "It is the PSI at or above which a column counts as shifted far: 0.25 is the usual line of a major shift.");
        DriftShare(rules.MajorShift.DriftShare, "$.rules.majorShift.driftShare");
        DriftShare(rules.DriftShareSevere.DriftShare, "$.rules.driftShareSevere.driftShare");

        var auc = rules.DomainSeparable.Auc;
        if (!(auc > 0.5 && auc <= 1))
        {
            throw OutOfRange(auc, "$.rules.domainSeparable.auc", "greater than 0.5 and at most 1", "An AUC of 0.5 means the classifier cannot tell the files apart; 1 means fully separable (0.9 by default).");
        }

        PValue(rules.TargetDrift.Alpha, "$.rules.targetDrift.alpha");
        if (!(rules.TargetDrift.MinChange is >= 0 and < 1))
        {
            throw OutOfRange(rules.TargetDrift.MinChange, "$.rules.targetDrift.minChange", "from 0 to less than 1", "The change of the label's class shares (total variation; for a binary label the change of the positive rate) that is material: 0.05 by default, 0 makes any significant change count.");
        }

        AtLeast(rules.FineTuneStreak.MaxFineTunes, 1, "$.rules.fineTuneStreak.maxFineTunes", "Fine-tunes since the last retrain at which the next fine-tune becomes a retrain (10 by default).");
        AtLeast(rules.TooLittleData.MinRows, 0, "$.rules.tooLittleData.minRows", "Labeled current rows below which a fine-tune becomes a skip (500 by default; 0 turns the check off).");
    }

    private void MetricDrop(MetricDropRule rule, string path)
    {
        if (!(rule.AbsoluteDrop > 0 && rule.AbsoluteDrop <= 1))
        {
            throw OutOfRange(rule.AbsoluteDrop, path + ".absoluteDrop", "greater than 0 and at most 1", "It is the drop of a score in the metric's units: 0.02 is two points of AUC or accuracy.");
        }

        Positive(rule.RelativeDrop, path + ".relativeDrop", "It is the rise of an error relative to the baseline: 0.1 is 10% worse.");
    }

    private void DriftShare(double share, string path)
    {
        if (!(share > 0 && share <= 1))
        {
            throw OutOfRange(share, path, "greater than 0 and at most 1", "It is the share of feature columns that drifted: 0.5 is half of them.");
        }
    }

    private static readonly string UnknownMethodThresholdHint =
        $"It is a p-value for {string.Join(" and ", DriftMethodRegistry.All.Where(d => d.ScoreKind == DriftScoreKind.PValue).Select(d => d.Name))}, a distance for the other methods; set \"method\" too to have it checked against that method's range.";

    private void Threshold(DriftMethodDefinition definition, double threshold, string path)
    {
        if (definition.ScoreKind == DriftScoreKind.PValue)
        {
            if (!(threshold > 0 && threshold < 1))
            {
                throw OutOfRange(threshold, path, "greater than 0 and less than 1", definition.ThresholdHint);
            }
        }
        else if (definition.MaxThreshold is { } max)
        {
            if (!(threshold > 0 && threshold <= max))
            {
                throw OutOfRange(threshold, path, $"greater than 0 and at most {max.ToString("0.####", CultureInfo.InvariantCulture)}", definition.ThresholdHint);
            }
        }
        else
        {
            Positive(threshold, path, definition.ThresholdHint);
        }
    }

    private void PValue(double threshold, string path)
    {
        if (!(threshold > 0 && threshold < 1))
        {
            throw OutOfRange(threshold, path, "greater than 0 and less than 1", "It is a p-value: a column drifts when its test's p-value is below it (0.05 by default).");
        }
    }

    private void Positive(double value, string path, string why)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw OutOfRange(value, path, "greater than 0", why);
        }
    }

    private void AtLeast(int value, int minimum, string path, string why)
    {
        if (value < minimum)
        {
            throw OutOfRange(value, path, $"at least {minimum.ToString(CultureInfo.InvariantCulture)}", why);
        }
    }

    private void ColumnName(string? name, string path)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw errors.At(path, $"The column name at {path} is empty.", "Write the column's name as the data file's header has it, or remove the entry.");
        }
    }

    private void NotBlank(string? value, string path, string hint)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw errors.At(path, $"The value at {path} is empty.", hint);
        }
    }

    private string KnownMetric(string name, string path)
    {
        var known = MetricNames.Normalize(name);
        return MetricNames.All.Contains(known) ? known : throw errors.At(
            path,
            $"Unknown metric '{name}' at {path}.",
            $"{ClosestName.Suggestion(name, MetricNames.All)}Known metrics: {string.Join(", ", MetricNames.All)}.");
    }

    private InputException OutOfRange(double value, string path, string range, string why) =>
        errors.At(path, $"The value {errors.Written(path, value)} at {path} is out of range: it must be {range}.", why);
}
