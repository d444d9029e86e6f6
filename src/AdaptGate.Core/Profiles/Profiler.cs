using AdaptGate.Core.Data;

namespace AdaptGate.Core.Profiles;

/// <summary>Profiles data files: each file read and summarised on its own (in parallel), then merged in file order.</summary>
public static class Profiler
{
    public static ProfileBody Profile(IReadOnlyList<string> files, TableReadOptions? options = null, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var parts = new (string Path, ProfileBody Body)[files.Count];
        try
        {
            Run();
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is InputException or OperationCanceledException) is { } first)
        {
            // The first file's problem, as reading it alone would report it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return parts.Length == 1 ? parts[0].Body : ProfileMerger.Merge(parts);

        void Run() => Parallel.For(
            0,
            files.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            i =>
            {
                var table = TableReader.Read(files[i], options, cancellationToken);
                parts[i] = (files[i], ProfileSummaries.Of(table, seed: (ulong)i << 32));
            });
    }
}
