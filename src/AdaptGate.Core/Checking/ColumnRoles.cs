namespace AdaptGate.Core.Checking;

/// <summary>
/// A column plays one role in a check: the label, the prediction, the probability, or ignored. `--label class
/// --prediction class` would score the labels against themselves (a perfect model forever); ignoring the label
/// would both report and drop it. Such a request is refused, naming the column and both roles.
/// </summary>
internal static class ColumnRoles
{
    /// <exception cref="InputException">One column is named for two roles.</exception>
    public static void RequireOneEach(CheckSettings settings)
    {
        var request = settings.Request;
        var policy = settings.Policy;
        var roles = new List<(string Column, string Role)>();
        Add(roles, settings.Label, request.LabelColumn is null ? "the label (target.label in the policy)" : "the label (--label)");
        Add(roles, settings.Prediction, request.PredictionColumn is null ? "the prediction (target.prediction in the policy)" : "the prediction (--prediction)");
        Add(roles, settings.Probability, request.ProbabilityColumn is null ? "the probability (target.probability in the policy)" : "the probability (--probability)");
        var targets = roles.Count;
        foreach (var name in request.IgnoredColumns)
        {
            Add(roles, name, "ignored (--ignore)");
        }

        foreach (var name in policy.Ignore)
        {
            Add(roles, name, "ignored (ignore in the policy)");
        }

        foreach (var name in policy.Columns.Where(c => c.Value.Ignore).Select(c => c.Key))
        {
            Add(roles, name, $"ignored (columns.{name}.ignore in the policy)");
        }

        // Two targets may not share a column, and no target may be ignored; the ignore lists may repeat each other.
        for (var i = 0; i < targets; i++)
        {
            for (var j = i + 1; j < roles.Count; j++)
            {
                if (string.Equals(roles[i].Column, roles[j].Column, StringComparison.Ordinal))
                {
                    throw new InputException(
                        $"Column '{MessageText.Name(roles[i].Column)}' is given two roles: {roles[i].Role} and {roles[j].Role}.",
                        hint: "A column is the label, the prediction, the probability, or ignored: give each role its own column.");
                }
            }
        }
    }

    private static void Add(List<(string Column, string Role)> roles, string? column, string role)
    {
        if (column is not null)
        {
            roles.Add((column, role));
        }
    }
}
