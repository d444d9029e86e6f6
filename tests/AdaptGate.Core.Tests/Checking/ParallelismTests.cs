using AdaptGate.Core.Checking;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Reports;

namespace AdaptGate.Core.Tests.Checking;

/// <summary>Columns are tested in parallel; the report must not change by a single byte compared with one thread.</summary>
public sealed class ParallelismTests
{
    public static TheoryData<DriftMethod?> Methods => [null, DriftMethod.Ks, DriftMethod.Psi, DriftMethod.Wasserstein, DriftMethod.JensenShannon, DriftMethod.ChiSquare];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Parallel_run_writes_the_same_json_as_a_single_threaded_run(DriftMethod? method)
    {
        var request = new CheckRequest
        {
            ReferencePath = SampleData.CarLoan("reference.csv"),
            CurrentPath = SampleData.CarLoan("current.csv"),
            PolicyPath = SampleData.CarLoan("adaptgate.json"),
            DriftMethod = method,
            RecordHistory = false,
            HistoryPath = Path.Combine(Path.GetTempPath(), $"adaptgate-{Guid.NewGuid():N}.jsonl"),
        };

        var parallel = JsonReportFormat.Write(CheckRunner.Run(request));
        var sequential = JsonReportFormat.Write(CheckRunner.Run(request with { MaxDegreeOfParallelism = 1 }));

        Assert.Equal(sequential, parallel);
    }
}
