using System.Text.RegularExpressions;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Columns whose names say they hold the label or a model's output (y, label, target, y_pred, proba...).
/// Left as features they count toward the drift share although drift of the label and of the
/// predictions means something else (target and prediction drift), so the report warns when no
/// target columns were named.
/// </summary>
internal static partial class TargetLikeColumns
{
    public static string? Warning(CheckSettings settings, CheckSide reference)
    {
        if (settings.TargetColumns.Any())
        {
            return null;
        }

        var suspects = reference.Columns
            .Select(c => c.Name)
            .Where(name => !settings.Ignored.Contains(name) && TargetName().IsMatch(name))
            .ToArray();
        if (suspects.Length == 0)
        {
            return null;
        }

        var names = string.Join(", ", suspects.Select(n => $"'{n}'"));
        return $"Columns named like a label or a model's output are compared as features: {names}. "
            + "Name them with --label, --prediction and --probability (or target.* in the policy) to get target and prediction drift and realized metrics instead, or --ignore them.";
    }

    [GeneratedRegex(@"^(y|label|labels|target|class|outcome|y_?true|y_?pred(_?proba)?|pred|preds|prediction|predictions|predicted(_?label)?|proba|probability|score)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TargetName();
}
