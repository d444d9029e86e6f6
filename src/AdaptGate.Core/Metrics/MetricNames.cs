namespace AdaptGate.Core.Metrics;

/// <summary>
/// The canonical metric names (lower-case, hyphenated) every metric source reports in,
/// so a baseline from one source compares with a current value from another.
/// </summary>
public static class MetricNames
{
    public const string Auc = "auc";
    public const string Accuracy = "accuracy";
    public const string F1 = "f1";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string LogLoss = "log-loss";
    public const string MicroAccuracy = "micro-accuracy";
    public const string MacroAccuracy = "macro-accuracy";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string Mse = "mse";
    public const string R2 = "r2";

    /// <summary>Every name AdaptGate computes itself, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Auc, Accuracy, F1, Precision, Recall, LogLoss, MicroAccuracy, MacroAccuracy, Rmse, Mae, Mse, R2];

    /// <summary>
    /// Lower-cases a name and maps the spellings other frameworks use to the canonical one
    /// ("logloss", "log_loss" → "log-loss"; "roc_auc", "roc-auc", "auc_roc" → "auc"; "r_squared", "r^2" → "r2").
    /// Unknown names are kept (lower-cased): a metrics file may carry metrics AdaptGate does not compute.
    /// </summary>
    public static string Normalize(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower switch
        {
            "logloss" or "log_loss" => LogLoss,
            "roc_auc" or "roc-auc" or "auc_roc" => Auc,
            "r_squared" or "r^2" => R2,
            _ => lower,
        };
    }

    /// <summary>
    /// For multiclass, "accuracy" is the same number as "micro-accuracy" (the share of rows predicted right);
    /// this gives the other spelling so a lookup by either name finds it.
    /// </summary>
    internal static string? AliasOf(string name) =>
        string.Equals(name, Accuracy, StringComparison.OrdinalIgnoreCase) ? MicroAccuracy
        : string.Equals(name, MicroAccuracy, StringComparison.OrdinalIgnoreCase) ? Accuracy
        : null;
}
