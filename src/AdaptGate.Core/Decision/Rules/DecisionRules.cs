namespace AdaptGate.Core.Decision.Rules;

/// <summary>
/// Every decision rule, in evaluation order (the order <c>adaptgate explain</c> and the README list them). A rule that
/// reads another's outcome (drift-without-degradation reads metric-collapse and major-shift) comes after it.
/// </summary>
public static class DecisionRules
{
    public static IReadOnlyList<DecisionRule> All { get; } =
    [
        new SchemaChangeRule(),
        new MetricCollapseRule(),
        new MetricDropDivergedRule(),
        new MetricDropRule(),
        new MajorShiftRule(),
        new DriftWithoutDegradationRule(),
        new DriftShareSevereRule(),
        new DomainSeparableRule(),
        new DriftDetectedRule(),
        new TargetDriftRule(),
        new FineTuneStreakRule(),
        new TooLittleDataRule(),
    ];

    public static DecisionRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
