using System.Text.RegularExpressions;
using AdaptGate.Core.Drift;

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
    public static string? NumericReason(string name, NumericSummary reference)
    {
        var sorted = reference.Sorted;
        if (sorted.Length < MinimumRows)
        {
            return null;
        }

        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] != Math.Floor(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1]))
            {
                return null;
            }
        }

        var consecutive = sorted[^1] - sorted[0] == sorted.Length - 1;
        if (consecutive)
        {
            return $"identifier-like: consecutive distinct integers {sorted[0]:R}..{sorted[^1]:R} (a row number)";
        }

        return IdName().IsMatch(name)
            ? $"identifier-like: distinct integers in a column named like an id"
            : null;
    }

    [GeneratedRegex(@"(^|[_\-\s.])(id|uuid|guid|key|index)$|^(id|uuid|guid|key|index)$|(?-i:[a-z]I[dD])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdName();
}
