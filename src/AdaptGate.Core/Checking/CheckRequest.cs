using AdaptGate.Core.Drift;

namespace AdaptGate.Core.Checking;

/// <summary>Everything one check needs, as the tool or the MSBuild task received it.</summary>
public sealed record CheckRequest
{
    /// <summary>The data the model was trained or validated on.</summary>
    public required string ReferencePath { get; init; }

    /// <summary>The data the model sees now.</summary>
    public required string CurrentPath { get; init; }

    public DriftMethod DriftMethod { get; init; } = DriftMethod.Auto;

    /// <summary>Overrides the chosen method's default threshold for every column.</summary>
    public double? DriftThreshold { get; init; }

    /// <summary>Field separator for text files; null picks it from the file extension.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Columns left out of drift (identifiers, timestamps, labels the user names).</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];
}
