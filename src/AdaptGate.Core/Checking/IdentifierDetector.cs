using System.Text.RegularExpressions;
using AdaptGate.Core.Drift;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Checking;

/// <summary>
/// Finds columns that identify rows rather than describe them (order ids, row numbers, UUIDs).
/// Their "drift" is certain and meaningless, so mature tools (Evidently's column mapping, NannyML's
/// id column) keep them out of the verdict; we detect them instead of asking the user first.
/// </summary>
internal static partial class IdentifierDetector
{
    /// <summary>Below this many values a column of distinct values is just a small sample.</summary>
    private const int MinimumRows = 20;

    /// <summary>Share of distinct values above which a text column names rows instead of describing them.</summary>
    private const double DistinctShare = 0.95;

    public static string? CategoricalReason(CategoricalSummary reference)
    {
        var present = 0L;
        var distinct = 0;
        foreach (var count in reference.Counts)
        {
            if (count > 0)
            {
                distinct++;
                present += count;
            }
        }

        if (present < MinimumRows || distinct < DistinctShare * present)
        {
            return null;
        }

        return $"identifier-like: {distinct} distinct values in {present} reference rows";
    }

    /// <summary>
    /// A numeric column is an identifier when its values are distinct integers and either the name
    /// says so or they are consecutive (a row number). Distinct floats are ordinary measurements.
    /// </summary>
    public static string? NumericReason(ColumnSummary reference)
    {
        if (reference.Present < MinimumRows || !reference.DistinctIntegers)
        {
            return null;
        }

        var (min, max) = (reference.Moments!.Min, reference.Moments.Max);
        if (max - min == reference.Present - 1)
        {
            return $"identifier-like: consecutive distinct integers {min:R}..{max:R} (a row number)";
        }

        return IdName().IsMatch(reference.Name)
            ? $"identifier-like: distinct integers in a column named like an id"
            : null;
    }

    [GeneratedRegex(@"(^|[_\-\s.])(id|uuid|guid|key|index)$|^(id|uuid|guid|key|index)$|(?-i:[a-z]I[dD])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdName();
}
