using AdaptGate.Core.Policy;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Decision.Rules;

/// <summary>
/// One decision rule, declared once: its id (as reports name it), its build diagnostic code, its key under the policy's
/// <c>rules</c>, the verdict it asks for, when it is evaluated, the facts it reads, what it fires on in words, and how it
/// is evaluated. The engine, <c>adaptgate explain</c>, the build's diagnostic codes, the policy schema and the docs all
/// come from <see cref="DecisionRules.All"/>, and RuleRegistryTests checks that they agree.
/// </summary>
public abstract class DecisionRule
{
    /// <summary>The rule's id in reports: schema-change, metric-drop, ...</summary>
    public abstract string Id { get; }

    /// <summary>The MSBuild diagnostic code (AG1001...). Never renumbered: builds suppress or promote codes by number.</summary>
    public abstract string Code { get; }

    /// <summary>The rule's settings under the policy's <c>rules</c> (schemaChange, metricDrop, ...).</summary>
    public abstract string PolicyKey { get; }

    /// <summary>The verdict it asks for when it fires.</summary>
    public abstract Verdict Verdict { get; }

    /// <summary>When it is evaluated.</summary>
    public abstract RuleScope Scope { get; }

    /// <summary>For an adjustment: the verdict it turns into <see cref="Verdict"/>.</summary>
    public virtual Verdict? Replaces => null;

    /// <summary>What it decides on: measurements of the check, or the ids of rules evaluated before it.</summary>
    public abstract IReadOnlyList<string> Reads { get; }

    /// <summary>Whether the policy turns it on (the engine evaluates it only then).</summary>
    public abstract bool Enabled(GatePolicy policy);

    /// <summary>Whether it can fire at all under the policy (on, and not disarmed by another setting).</summary>
    public virtual bool CanFire(GatePolicy policy) => Enabled(policy);

    /// <summary>What it fires on, with the policy's thresholds, in words.</summary>
    public abstract string FiresWhen(GatePolicy policy);

    /// <summary>Its evaluations on this check (none when it has nothing to judge, such as no label for target-drift).</summary>
    internal abstract IEnumerable<RuleEvaluation> Evaluate(RuleFacts facts);
}
