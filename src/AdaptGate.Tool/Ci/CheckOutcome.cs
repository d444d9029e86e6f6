using AdaptGate.Core.Reports;

namespace AdaptGate.Tool.Ci;

/// <summary>
/// What a CI system is told about a finished check: the report, the full path of the JSON report
/// when one was written to a file (else null), whether the verdict reached --fail-on (the step
/// fails with exit code 1), and the one-line verdict as printed to the log.
/// </summary>
internal sealed record CheckOutcome(CheckReport Report, string? JsonReportPath, bool FailOnReached, string Headline)
{
    /// <summary>--top: the job summary shows only this many columns, the most drifted first; null for all.</summary>
    public int? Top { get; init; }
}
