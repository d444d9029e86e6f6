namespace AdaptGate.GitHub;

/// <summary>The commit status AdaptGate sets: the verdict passed the gate, or reached --fail-on.</summary>
public enum StatusState
{
    Success,
    Failure,
}
