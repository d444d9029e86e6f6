using AdaptGate.Core.Data;
using AdaptGate.Core.Multivariate;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Checking;

/// <summary>Runs the domain classifier when the policy enables it, on the feature columns that were compared.</summary>
internal static class DomainCheck
{
    public static DomainSection? Run(CheckSettings settings, DataTable reference, DataTable current, IReadOnlyList<ColumnDrift> features, CancellationToken cancellationToken)
    {
        var policy = settings.Policy.DomainClassifier;
        if (!policy.Enabled || features.Count == 0)
        {
            return null;
        }

        // Only now: a phase shown for a classifier that is off would flash past on every check.
        settings.Request.Progress?.Report(new CheckProgress(CheckPhase.DomainClassifier));
        var options = new DomainClassifierOptions(policy.MaxRowsPerSide, policy.Folds, settings.Policy.Seed);
        var result = DomainClassifier.Run(reference, current, features.Select(f => f.Name).ToArray(), options, cancellationToken);
        return new DomainSection(
            result.Auc,
            result.ReferenceRows,
            result.CurrentRows,
            result.Folds,
            result.TopColumns.Select(c => new SeparatingColumnEntry(c.Name, c.Importance)).ToArray());
    }
}
