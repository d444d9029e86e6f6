using System.Globalization;
using AdaptGate.Core.Metrics;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Checking;

/// <summary>
/// What a profile side gives a check of its roles: the baseline its stored predictions had, with the resamples a check of
/// the data file would have drawn; and the refusal, naming the profile and how to make it again, when it was made with
/// other roles than the check asks for.
/// </summary>
internal static class ProfiledBaseline
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <returns>The stored predictions' baseline, or null when the check asks for none (no --label with --prediction, or --metrics).</returns>
    public static MetricsGatherer.Sourced? Read(CheckSettings settings, CheckSide reference)
    {
        var request = settings.Request;
        if (request.ModelPath is { } model)
        {
            throw new InputException(
                "The reference is a profile, which holds no rows to score the model on for its baseline.",
                reference.SourcePath,
                hint: $"Pass --baseline-metrics FILE with the metrics {Path.GetFileName(model)} had when it was accepted (a flat JSON object such as {{\"auc\": 0.91}}), or check against the reference data file.");
        }

        if (request.MetricsPath is not null || settings.Label is null || settings.Prediction is null)
        {
            return null;
        }

        var baseline = reference.Roles?.Baseline ?? throw RolesMissing(settings, reference, "the stored predictions' baseline metrics");
        ProfileReplicatesCheck(settings, reference, baseline.Replicates);
        var values = Set(baseline.Values.Select(v => (v.Name, v.Value)));
        SampleReplicates? replicates = baseline.Replicates is { } r
            ? SampleReplicates.Restore(r.Rows, Set(r.Point.Select(p => (p.Name, p.Value))), r.Values.Select(v => KeyValuePair.Create(v.Name, v.Replicates)), r.AucVariance)
            : null;
        return new MetricsGatherer.Sourced(values, CheckSide.ParseTask(baseline.Task), "stored-predictions", baseline.Rows, Optimistic: false, Replicates: replicates);
    }

    /// <summary>A profile side must have been made with the roles the check names (the same columns, positive class and task).</summary>
    /// <exception cref="InputException">It was not: exit 2, naming the profile and the command that makes it again.</exception>
    public static void RequireRoles(CheckSettings settings, CheckSide side)
    {
        if (!side.IsProfile)
        {
            return;
        }

        var roles = side.Roles;
        foreach (var (asked, held, role) in new[] { (settings.Label, roles?.Label, "label"), (settings.Prediction, roles?.Prediction, "prediction"), (settings.Probability, roles?.Probability, "probability") })
        {
            if (asked is not null && !string.Equals(asked, held, StringComparison.Ordinal))
            {
                throw RolesMissing(settings, side, held is null ? $"the {role} column '{MessageText.Name(asked)}' (it was made without a {role})" : $"the {role} column '{MessageText.Name(asked)}' (it was made with '{MessageText.Name(held)}')");
            }
        }

        if (roles is null)
        {
            return;
        }

        if (settings.Label is not null && !string.Equals(settings.PositiveClass, roles.PositiveClass, StringComparison.OrdinalIgnoreCase))
        {
            throw RolesMissing(settings, side, $"the positive class {Shown(settings.PositiveClass)} (it was made with {Shown(roles.PositiveClass)})");
        }

        if (settings.Task is { } task && roles.Task is { } held2 && !string.Equals(task.ToString(), held2, StringComparison.OrdinalIgnoreCase))
        {
            throw RolesMissing(settings, side, $"the task {task.ToString().ToLowerInvariant()} (it was made as {held2})");
        }
    }

    private static void ProfileReplicatesCheck(CheckSettings settings, CheckSide reference, Profiles.ProfileReplicates? replicates)
    {
        var bootstrap = settings.Policy.Metrics.Bootstrap;
        if (replicates is not null && (replicates.Seed != settings.Policy.Seed || replicates.Resamples != bootstrap.Resamples))
        {
            throw new InputException(
                string.Create(Invariant, $"The profile's baseline resamples were drawn with seed {replicates.Seed} and {replicates.Resamples:N0} resamples, but the policy asks for seed {settings.Policy.Seed} and {bootstrap.Resamples:N0}: the intervals would not be a check of the data file's."),
                reference.SourcePath,
                hint: "Make the profile again with the check's policy ('adaptgate profile DATA --policy adaptgate.json ... --output FILE.agprofile').");
        }
    }

    private static InputException RolesMissing(CheckSettings settings, CheckSide side, string what)
    {
        var options = string.Join(" ", new[] { ("--label", settings.Label), ("--prediction", settings.Prediction), ("--probability", settings.Probability), ("--positive-class", settings.PositiveClass), ("--task", settings.Task?.ToString().ToLowerInvariant()) }
            .Where(o => o.Item2 is not null)
            .Select(o => $"{o.Item1} {MessageText.Name(o.Item2!)}"));
        return new InputException(
            $"The profile does not carry {what}, which this check reads from the rows.",
            side.SourcePath,
            hint: $"Make the profile again with the check's roles: 'adaptgate profile DATA {options} --output {Path.GetFileName(side.SourcePath)}'.");
    }

    private static string Shown(string? value) => value is null ? "none" : $"'{MessageText.Name(value)}'";

    private static MetricSet Set(IEnumerable<(string Name, double Value)> values)
    {
        var set = new MetricSet();
        foreach (var (name, value) in values)
        {
            set.Add(name, value);
        }

        return set;
    }
}
