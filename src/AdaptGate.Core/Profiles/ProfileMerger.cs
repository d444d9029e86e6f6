using AdaptGate.Core.Drift;
using AdaptGate.Core.Summaries;

namespace AdaptGate.Core.Profiles;

/// <summary>
/// Merges profiles of the same schema (the same column names, in the same order, of the same kinds): rows, missing,
/// moments and category counts add up exactly; sketches merge within their bound. A merged column keeps its sorted values
/// while every part held them and they number at most <see cref="ColumnSummarizer.ExactValuesLimit"/>, and then its bin
/// plan is exact; otherwise the plan is the merged sketch's deciles and each part's counts under it are read from its
/// values or its sketch (within the rank error, docs/profiles.md).
/// </summary>
public static class ProfileMerger
{
    /// <param name="parts">Each profile with the name of its file, for messages.</param>
    public static ProfileBody Merge(IReadOnlyList<(string Path, ProfileBody Body)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("Nothing to merge.", nameof(parts));
        }

        if (parts.FirstOrDefault(p => p.Body.Roles is not null) is { Path: { } withRoles })
        {
            throw new InputException(
                "This profile was made with roles (--label, --prediction): its baseline metrics and their resamples are of its own rows, and do not add up with another part's.",
                withRoles,
                hint: "Merge profiles made without roles, or profile the whole data with the roles in one run ('adaptgate profile DATA --label ... --output FILE.agprofile').");
        }

        var first = parts[0];
        foreach (var (path, body) in parts.Skip(1))
        {
            RequireSameSchema(first, (path, body));
        }

        var columns = new ProfileColumn[first.Body.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = MergeColumn(parts.Select(p => p.Body.Columns[i]).ToArray());
        }

        return new ProfileBody(parts.Sum(p => p.Body.Rows), [.. parts.SelectMany(p => p.Body.Sources)], columns);
    }

    private static void RequireSameSchema((string Path, ProfileBody Body) first, (string Path, ProfileBody Body) other)
    {
        string Schema(ProfileBody b) => string.Join(", ", b.Columns.Select(c => $"{c.Name} ({c.Kind})"));
        var a = first.Body.Columns;
        var b = other.Body.Columns;
        var same = a.Count == b.Count && a.Zip(b).All(p => p.First.Name == p.Second.Name && p.First.Kind == p.Second.Kind);
        if (!same)
        {
            var difference = a.Zip(b).Select((p, i) => (p.First, p.Second, i)).FirstOrDefault(p => p.First.Name != p.Second.Name || p.First.Kind != p.Second.Kind);
            var detail = difference.First is null
                ? $"{a.Count} columns against {b.Count}"
                : $"column {difference.i + 1} is '{MessageText.Name(difference.First.Name)}' ({difference.First.Kind}) in {MessageText.Name(first.Path)} but '{MessageText.Name(difference.Second.Name)}' ({difference.Second.Kind}) here";
            throw new InputException(
                $"The profile's schema differs from {MessageText.Name(first.Path)}'s: {detail}.",
                other.Path,
                hint: $"Profile and merge only parts with the same columns, in the same order and of the same kinds ({MessageText.ShortenNames(Schema(first.Body))}).");
        }
    }

    private static ProfileColumn MergeColumn(ProfileColumn[] parts)
    {
        var head = parts[0];
        var rows = parts.Sum(p => p.Rows);
        var missing = parts.Sum(p => p.Missing);
        if (head.Moments is null)
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                for (var i = 0; i < (part.Categories?.Length ?? 0); i++)
                {
                    counts[part.Categories![i]] = counts.GetValueOrDefault(part.Categories[i]) + part.CategoryCounts![i];
                }
            }

            return head with { Rows = rows, Missing = missing, Categories = [.. counts.Keys], CategoryCounts = [.. counts.Values] };
        }

        var moments = parts.Select(p => Moments(p.Moments!)).Aggregate((x, y) => x.Merge(y));
        var sketch = FromFirst(parts);
        double[]? values = null;
        if (parts.All(p => p.Values is not null) && moments.Count <= ColumnSummarizer.ExactValuesLimit)
        {
            values = [.. parts.SelectMany(p => p.Values!)];
            Array.Sort(values);
        }

        double[] edges;
        long[] binCounts;
        bool distinct;
        if (values is not null)
        {
            edges = values.Length == 0 ? [] : QuantileBinning.Edges(values);
            binCounts = QuantileBinning.Counts(values, edges);
            distinct = DistinctIntegers(values);
        }
        else
        {
            edges = SketchEdges(sketch);
            binCounts = new long[edges.Length + 1];
            foreach (var part in parts)
            {
                var counts = part.Values is { } held ? QuantileBinning.Counts(held, edges) : SketchCounts(ProfileSummaries.FromSketch(part.Sketch!), edges);
                for (var i = 0; i < counts.Length; i++)
                {
                    binCounts[i] += counts[i];
                }
            }

            // Distinct within each part and in ranges that do not overlap (shards of a row number) are distinct overall.
            var ordered = parts.Where(p => p.Moments!.Count > 0).OrderBy(p => p.Moments!.Min).ToArray();
            distinct = ordered.All(p => p.DistinctIntegers) && ordered.Zip(ordered.Skip(1)).All(p => p.First.Moments!.Max < p.Second.Moments!.Min);
        }

        return head with
        {
            Rows = rows,
            Missing = missing,
            Moments = new ProfileMoments(moments.Count, moments.Min, moments.Max, moments.Mean, moments.M2, moments.AllInteger),
            DistinctIntegers = distinct,
            Edges = edges,
            BinCounts = binCounts,
            Values = values,
            Sketch = ProfileSummaries.ToSketch(sketch),
        };
    }

    private static NumericMoments Moments(ProfileMoments m) => new(m.Count, m.Min, m.Max, m.Mean, m.M2, m.AllInteger);

    private static KllSketch FromFirst(ProfileColumn[] parts)
    {
        var merged = ProfileSummaries.FromSketch(parts[0].Sketch!);
        foreach (var part in parts.Skip(1))
        {
            merged.Merge(ProfileSummaries.FromSketch(part.Sketch!));
        }

        return merged;
    }

    /// <summary>The deciles of the sketch's weighted values (the smallest value reaching each tenth), de-duplicated.</summary>
    private static double[] SketchEdges(KllSketch sketch)
    {
        if (sketch.Count == 0)
        {
            return [];
        }

        var (values, weights) = sketch.Weighted();
        var edges = new List<double>();
        long cumulative = 0;
        var decile = 1;
        for (var i = 0; i < values.Length && decile <= 9; i++)
        {
            cumulative += weights[i];
            while (decile <= 9 && cumulative >= decile * (double)sketch.Count / 10)
            {
                if (edges.Count == 0 || edges[^1] != values[i])
                {
                    edges.Add(values[i]);
                }

                decile++;
            }
        }

        return [.. edges];
    }

    /// <summary>Counts per bin read from a sketch: the weight of its values below each edge.</summary>
    internal static long[] SketchCounts(KllSketch sketch, double[] edges)
    {
        var (values, weights) = sketch.Weighted();
        var counts = new long[edges.Length + 1];
        var bin = 0;
        for (var i = 0; i < values.Length; i++)
        {
            while (bin < edges.Length && values[i] >= edges[bin])
            {
                bin++;
            }

            counts[bin] += weights[i];
        }

        return counts;
    }

    private static bool DistinctIntegers(double[] sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i] != Math.Floor(sorted[i]) || (i > 0 && sorted[i] == sorted[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
