using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>
/// What the rules decide on: the check's measurements, the policy, what the rules evaluated so far concluded, and the
/// judgement every metric rule shares (whether the primary metric dropped, materially and credibly).
/// </summary>
internal sealed class RuleFacts
{
    private readonly HashSet<string> _fired = new(StringComparer.Ordinal);

    public RuleFacts(DecisionInputs inputs, GatePolicy policy)
    {
        Inputs = inputs;
        Policy = policy;
        if (inputs.Metrics is { } metrics)
        {
            Relative = metrics.DropKind == "relative";
            DropThreshold = Relative ? policy.Rules.MetricDrop.RelativeDrop : policy.Rules.MetricDrop.AbsoluteDrop;
            DropJudged = CredibleChange.Drop(metrics.Drop, metrics.DropLow, DropThreshold, policy.Metrics.Credibility);
        }
    }

    public DecisionInputs Inputs { get; }

    public GatePolicy Policy { get; }

    public RulesPolicy Rules => Policy.Rules;

    /// <summary>Non-null for the rules of <see cref="RuleScope.WithMetrics"/>, which only run with metrics.</summary>
    public MetricsSection Metrics => Inputs.Metrics ?? throw new InvalidOperationException("A metric rule ran without metrics.");

    /// <summary>The primary metric drops relatively (an error) rather than absolutely (a score).</summary>
    public bool Relative { get; }

    /// <summary>metric-drop's threshold for this metric's kind of drop.</summary>
    public double DropThreshold { get; }

    /// <summary>The primary metric's drop against metric-drop's threshold, by the policy's credibility rule.</summary>
    public CredibleChange DropJudged { get; }

    /// <summary>The metric dropped, materially and credibly, whether or not metric-drop itself is on.</summary>
    public bool Dropped => DropJudged.Fires;

    public List<string> Warnings { get; } = [];

    /// <summary>Whether a rule evaluated before this one fired.</summary>
    public bool HasFired(string ruleId) => _fired.Contains(ruleId);

    internal void Record(RuleEvaluation evaluation)
    {
        if (evaluation.Fired)
        {
            _fired.Add(evaluation.Rule);
        }
    }
}
