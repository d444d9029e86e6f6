namespace AdaptGate.Core.Policy;

/// <summary>The metrics a policy can name, and which way each one is better.</summary>
public static class MetricNames
{
    /// <summary>Every metric name AdaptGate knows, lower case, as the policy and the reports write them.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["auc", "accuracy", "f1", "precision", "recall", "log-loss", "micro-accuracy", "macro-accuracy", "rmse", "mae", "mse", "r2"];

    // Errors: lower is better, so a drop is a rise and is measured relative to the baseline.
    private static readonly string[] Errors = ["log-loss", "rmse", "mae", "mse"];

    /// <summary>The canonical (lower-case) name, or null when the metric is unknown.</summary>
    public static string? Normalize(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return Known.Contains(lower) ? lower : null;
    }

    /// <summary>True for errors (log-loss, rmse, mae, mse), where lower is better; false for scores (auc, r2, ...).</summary>
    public static bool IsError(string name) => Errors.Contains(name.Trim().ToLowerInvariant());

    /// <summary>True for scores bounded by [0, 1] (auc, accuracy, f1, ...); r2 and the errors are not.</summary>
    public static bool IsUnitScore(string name) => !IsError(name) && !string.Equals(name.Trim(), "r2", StringComparison.OrdinalIgnoreCase);
}
