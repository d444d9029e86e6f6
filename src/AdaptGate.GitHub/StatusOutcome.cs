namespace AdaptGate.GitHub;

/// <summary>The commit status as it was set.</summary>
public sealed record StatusOutcome(string Sha, StatusState State, string Description, string Context);
