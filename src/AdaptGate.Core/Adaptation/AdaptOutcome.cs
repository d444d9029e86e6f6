using AdaptGate.Core.Decision;
using AdaptGate.Core.Metrics.Uncertainty;

namespace AdaptGate.Core.Adaptation;

/// <summary>An adapt's report, with the scored held-out current rows of each measured candidate (for paired intervals of their differences).</summary>
internal sealed record AdaptOutcome(AdaptReport Report, IReadOnlyDictionary<Verdict, MetricRows> Evidence);
