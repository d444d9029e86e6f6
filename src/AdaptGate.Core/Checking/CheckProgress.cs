namespace AdaptGate.Core.Checking;

/// <summary>The steps of a check, in the order they run, for a progress display.</summary>
public enum CheckPhase
{
    LoadingReference,
    LoadingCurrent,
    TestingDrift,
    Metrics,
    DomainClassifier,
    Deciding,
    Trial,
}

/// <summary>Where a check is; <c>Completed</c> of <c>Total</c> counts columns while drift is tested.</summary>
public sealed record CheckProgress(CheckPhase Phase, int Completed = 0, int Total = 0)
{
    public string Describe() => Phase switch
    {
        CheckPhase.LoadingReference => "loading reference",
        CheckPhase.LoadingCurrent => "loading current",
        CheckPhase.TestingDrift => $"testing drift ({Completed} of {Total} columns)",
        CheckPhase.Metrics => "metrics",
        CheckPhase.DomainClassifier => "domain classifier",
        CheckPhase.Trial => "trial (training skip, fine-tune and retrain candidates)",
        _ => "deciding",
    };
}
