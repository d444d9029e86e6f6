using System.Collections.Concurrent;
using AdaptGate.Core.Checking;

namespace AdaptGate.Core.Tests.Checking;

public sealed class CheckProgressTests
{
    /// <summary>Reports synchronously: <see cref="Progress{T}"/> would post them to the thread pool, out of order.</summary>
    private sealed class Recorder : IProgress<CheckProgress>
    {
        public ConcurrentQueue<CheckProgress> Reports { get; } = new();

        public void Report(CheckProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public void A_check_reports_each_phase_in_order_and_every_column()
    {
        var recorder = new Recorder();

        CheckRunner.Run(new CheckRequest
        {
            ReferencePath = SampleData.CarLoan("reference.csv"),
            CurrentPath = SampleData.CarLoan("current.csv"),
            RecordHistory = false,
            HistoryPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl"),
            Progress = recorder,
        });

        var reports = recorder.Reports.ToArray();
        Assert.Equal(
            [CheckPhase.LoadingReference, CheckPhase.LoadingCurrent, CheckPhase.TestingDrift, CheckPhase.Metrics, CheckPhase.Deciding],
            reports.Select(r => r.Phase).Distinct());
        var drift = reports.Where(r => r.Phase == CheckPhase.TestingDrift).ToArray();
        Assert.Equal(Enumerable.Range(0, drift.Length), drift.Select(r => r.Completed).Order());
        Assert.Equal($"testing drift ({drift.Length - 1} of {drift.Length - 1} columns)", drift.MaxBy(r => r.Completed)!.Describe());
    }

    [Fact]
    public void The_domain_classifier_phase_shows_only_when_the_classifier_runs()
    {
        var policy = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(policy, "{ \"domainClassifier\": { \"enabled\": true, \"maxRowsPerSide\": 1000 } }");
        var recorder = new Recorder();
        try
        {
            CheckRunner.Run(new CheckRequest
            {
                ReferencePath = SampleData.CarLoan("reference.csv"),
                CurrentPath = SampleData.CarLoan("current.csv"),
                PolicyPath = policy,
                RecordHistory = false,
                HistoryPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".jsonl"),
                Progress = recorder,
            });
        }
        finally
        {
            File.Delete(policy);
        }

        Assert.Equal(
            [CheckPhase.LoadingReference, CheckPhase.LoadingCurrent, CheckPhase.TestingDrift, CheckPhase.Metrics, CheckPhase.DomainClassifier, CheckPhase.Deciding],
            recorder.Reports.Select(r => r.Phase).Distinct());
    }
}
