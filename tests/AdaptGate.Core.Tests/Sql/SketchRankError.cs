using AdaptGate.Core.Profiles;

namespace AdaptGate.Core.Tests.Sql;

/// <summary>How far a saved sketch's ranks stray from the exact ones; also compiled into the ClickHouse tests.</summary>
public static class SketchRankError
{
    /// <summary>The largest |sketch rank − true rank| over every value of <paramref name="sorted"/>, as a share of the count.</summary>
    public static double Of(ProfileSketch saved, double[] sorted)
    {
        var sketch = ProfileSummaries.FromSketch(saved);
        Assert.Equal(sorted.Length, sketch.Count);
        var worst = 0L;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i])
            {
                continue;
            }

            worst = Math.Max(worst, Math.Abs(sketch.Rank(sorted[i]) - (i + 1)));
        }

        return (double)worst / sorted.Length;
    }
}
