namespace AdaptGate.GitHub.Tests;

/// <summary>
/// A clock whose "now" stands still and whose pauses end at once, recording how long each was
/// meant to be: retry tests assert the waits without waiting.
/// </summary>
internal sealed class InstantClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly List<TimeSpan> _pauses = [];

    public IReadOnlyList<TimeSpan> Pauses
    {
        get
        {
            lock (_pauses)
            {
                return [.. _pauses];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_pauses)
        {
            _pauses.Add(dueTime);
        }

        // Fired from the thread pool, never inside CreateTimer: the caller has not stored the timer yet.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
