using System.Globalization;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision;

/// <summary>
/// The built-in rules, applied until a policy file says otherwise. Drift is the proxy for model
/// health when no metrics are given: a schema change or drift in most features means the data
/// the model learned from no longer describes the world (retrain); drift in some features means
/// the model can likely adapt with the new data (fine-tune); no drift means skip.
/// </summary>
public static class DefaultRules
{
    /// <summary>Share of drifted feature columns at or above which the verdict is retrain.</summary>
    public const double RetrainDriftShare = 0.5;

    public static (Verdict Verdict, IReadOnlyList<VerdictReason> Reasons) Decide(DriftSection drift, SchemaSection schema, IReadOnlyCollection<string> ignoredColumns)
    {
        var reasons = new List<VerdictReason>();

        var lost = schema.OnlyInReference.Where(c => !ignoredColumns.Contains(c)).ToArray();
        var changes = lost.Length + schema.KindMismatches.Count;
        if (changes > 0)
        {
            var parts = new List<string>();
            if (lost.Length > 0)
            {
                parts.Add($"missing from the current data: {Names(lost)}");
            }

            if (schema.KindMismatches.Count > 0)
            {
                parts.Add($"kind changed: {string.Join(", ", schema.KindMismatches.Select(k => $"'{k.Name}' {k.Reference} → {k.Current}"))}");
            }

            reasons.Add(new VerdictReason(
                "schema-change", Verdict.Retrain,
                $"the schema changed ({string.Join("; ", parts)}); a model cannot adapt to features it no longer gets",
                changes, 1));
        }

        if (drift.ComparedColumns > 0 && drift.Share >= RetrainDriftShare)
        {
            reasons.Add(new VerdictReason(
                "drift-share", Verdict.Retrain,
                $"{Percent(drift.Share)} of feature columns drifted ({drift.DriftedColumns} of {drift.ComparedColumns}), at or above {Percent(RetrainDriftShare)}",
                drift.Share, RetrainDriftShare));
        }
        else if (drift.DriftedColumns > 0)
        {
            var drifted = drift.Columns.Where(c => c.Drifted).Select(c => c.Name).ToArray();
            reasons.Add(new VerdictReason(
                "column-drift", Verdict.FineTune,
                $"{drift.DriftedColumns} of {drift.ComparedColumns} feature columns drifted ({Names(drifted)}), below the {Percent(RetrainDriftShare)} share that calls for retraining",
                drift.DriftedColumns, 1));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(new VerdictReason(
                "no-drift", Verdict.Skip,
                $"no feature column drifted (0 of {drift.ComparedColumns}) and the schema is unchanged",
                0, 1));
        }

        var verdict = reasons.Max(r => r.Verdict);
        return (verdict, reasons.OrderByDescending(r => r.Verdict).ToArray());
    }

    private static string Names(string[] names)
    {
        const int shown = 5;
        var text = string.Join(", ", names.Take(shown).Select(n => $"'{n}'"));
        return names.Length > shown ? $"{text} and {names.Length - shown} more" : text;
    }

    private static string Percent(double share) => share.ToString("0.#%", CultureInfo.InvariantCulture);
}
