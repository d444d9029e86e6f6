namespace AdaptGate.Core.Tests.History;

/// <summary>A clock that always says the same time, so history lines are predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
