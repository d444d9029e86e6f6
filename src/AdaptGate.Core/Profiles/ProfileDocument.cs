namespace AdaptGate.Core.Profiles;

// The saved form of a profile (docs/profiles.md, "The profile file"). Plain records, so the JSON is their serialization.

/// <summary>
/// What a profile describes: its rows, the files it was made from, and one summary per column in file order. Version 2
/// adds the SHA-256 of the data file (one file only) and the roles a check uses; both are null in a version 1 profile.
/// </summary>
public sealed record ProfileBody(long Rows, IReadOnlyList<string> Sources, IReadOnlyList<ProfileColumn> Columns)
{
    /// <summary>The SHA-256 of the one data file profiled, so a check's history sees the same reference as with the file; null for several files or a merge.</summary>
    public string? SourceSha256 { get; init; }

    /// <summary>The label, prediction and probability columns and what a check reads from their rows (docs/profiles.md).</summary>
    public ProfileRoles? Roles { get; init; }
}

/// <summary>One column's summary; the numeric parts are null for categorical and boolean columns and the category parts for numeric ones.</summary>
public sealed record ProfileColumn(
    string Name,
    string Kind,
    long Rows,
    long Missing,
    ProfileMoments? Moments,
    bool DistinctIntegers,
    double[]? Edges,
    long[]? BinCounts,
    double[]? Values,
    ProfileSketch? Sketch,
    string[]? Categories,
    long[]? CategoryCounts);

public sealed record ProfileMoments(long Count, double Min, double Max, double Mean, double M2, bool AllInteger);

/// <summary>A KLL sketch: k, count, extremes, its coin flips' state and the values held per level (level h weighs 2^h).</summary>
public sealed record ProfileSketch(int K, long Count, double Min, double Max, ulong RandomState, double[][] Levels);
