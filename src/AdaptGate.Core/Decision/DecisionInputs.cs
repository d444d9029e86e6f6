using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision;

/// <summary>The evidence the rules decide on, measured by the check.</summary>
/// <param name="Drift">Feature drift (share weighted by the policy's column weights).</param>
/// <param name="LostFeatures">Feature columns of the reference missing from the current file.</param>
/// <param name="ChangedKinds">Feature columns whose kind changed.</param>
/// <param name="Metrics">Baseline and current metrics, or null when none were given.</param>
/// <param name="Target">Drift of the label and of the model's outputs.</param>
/// <param name="Domain">The domain classifier's result, or null when it did not run.</param>
/// <param name="FineTunesSinceLastRetrain">From the history.</param>
/// <param name="CurrentRows">Labeled current rows when metrics were computed from rows, else all current rows.</param>
public sealed record DecisionInputs(
    DriftSection Drift,
    IReadOnlyList<string> LostFeatures,
    IReadOnlyList<KindMismatch> ChangedKinds,
    MetricsSection? Metrics,
    TargetSection Target,
    DomainSection? Domain,
    int FineTunesSinceLastRetrain,
    int CurrentRows);

/// <summary>The verdict, every rule that fired (the decisive ones first), every rule evaluated, and warnings.</summary>
public sealed record DecisionOutcome(
    Verdict Verdict,
    IReadOnlyList<VerdictReason> Reasons,
    IReadOnlyList<RuleEvaluation> Evaluations,
    IReadOnlyList<string> Warnings);
