namespace AdaptGate.Core.Reports;

/// <summary>A step of the check that was not run because a side is a profile (it needs rows): <c>Step</c> names it (metrics, decomposition, domainClassifier, trial), <c>Reason</c> says why.</summary>
public sealed record NotRunStep(string Step, string Reason);
