using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Says, column by column, why a check found nothing to compare (every column an id, a timestamp,
/// a label or prediction, or a file read as one column with the wrong delimiter).
/// </summary>
internal static class NoFeatureColumns
{
    private const int Shown = 12;

    public static string Explain(
        CheckSide reference,
        CheckSide current,
        CheckSettings settings,
        IReadOnlyList<ExcludedColumn> excluded,
        IReadOnlyList<string> onlyInReference,
        IReadOnlyList<string> onlyInCurrent)
    {
        var reasons = new List<string>();
        var explained = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, string reason)
        {
            if (explained.Add(name))
            {
                reasons.Add($"'{name}': {reason}");
            }
        }

        foreach (var (name, role) in new[] { (settings.Label, "label"), (settings.Prediction, "prediction"), (settings.Probability, "probability") })
        {
            if (name is not null)
            {
                Add(name, $"the {role} column (its drift is reported apart, never as a feature)");
            }
        }

        foreach (var column in excluded)
        {
            Add(column.Name, column.Reason);
        }

        foreach (var name in onlyInReference)
        {
            Add(name, $"only in the reference file {reference.SourcePath}");
        }

        foreach (var name in onlyInCurrent)
        {
            Add(name, $"only in the current file {current.SourcePath}");
        }

        var shown = string.Join("; ", reasons.Take(Shown));
        return reasons.Count > Shown ? $"{shown}; and {reasons.Count - Shown} more" : shown;
    }
}
